import { useId, useState, type KeyboardEvent } from "react";
import { useApolloClient, useQuery } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../gql";
import type { EstablishmentSearchQuery } from "../../gql/graphql";

export const AcademiesQueryDocument = graphql(`
  query Academies {
    academies {
      code
      name
    }
  }
`);

export const EstablishmentSearchQueryDocument = graphql(`
  query EstablishmentSearch($filter: EstablishmentFilter, $first: Int, $after: String) {
    establishments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          uai
          city
          academie {
            code
            name
          }
        }
      }
    }
  }
`);

export type FoundEstablishment =
  EstablishmentSearchQuery["establishments"]["edges"][number]["node"];

/** Results per page of the search. */
export const SEARCH_PAGE_SIZE = 10;

export interface EstablishmentSearchProps {
  /** Establishments already chosen (shown as such, not addable again). */
  excludeIds: readonly string[];
  onAdd: (establishment: FoundEstablishment) => void;
  /** Disables the « Ajouter » buttons (an addition in progress). */
  busy?: boolean;
}

interface Results {
  items: FoundEstablishment[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Search of the region's establishments (name, UAI or commune; académie), paginated, each result with
 * an « Ajouter » button. Not a `<form>`: it lives inside the page's form (Enter in the field searches).
 */
export function EstablishmentSearch({ excludeIds, onAdd, busy }: EstablishmentSearchProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const id = useId();
  const academies = useQuery(AcademiesQueryDocument);
  const [search, setSearch] = useState("");
  const [academieCode, setAcademieCode] = useState("");
  const [results, setResults] = useState<Results | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const { data } = await client.query({
        query: EstablishmentSearchQueryDocument,
        variables: {
          filter: {
            search: search.trim() === "" ? null : search.trim(),
            academieCode: academieCode === "" ? null : academieCode,
          },
          first: SEARCH_PAGE_SIZE,
          after,
        },
        fetchPolicy: "network-only",
      });
      if (!data) return;
      const page = data.establishments;
      const items = page.edges.map((e) => e.node);
      setResults((previous) => ({
        items: after && previous ? [...previous.items, ...items] : items,
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
      }));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void run(null);
    }
  };

  return (
    <div role="search" aria-labelledby={`${id}-title`} className={fr.cx("fr-mb-3w")}>
      <p id={`${id}-title`} className={fr.cx("fr-text--bold", "fr-mb-1w")}>
        {t("procedure.search.title")}
      </p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
          <Input
            label={t("procedure.search.field")}
            hintText={t("procedure.search.fieldHint")}
            nativeInputProps={{
              type: "search",
              value: search,
              onChange: (e) => setSearch(e.target.value),
              onKeyDown,
            }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-4")}>
          <Select
            label={t("procedure.search.academie")}
            nativeSelectProps={{
              value: academieCode,
              onChange: (e) => setAcademieCode(e.target.value),
            }}
          >
            <option value="">{t("procedure.search.allAcademies")}</option>
            {academies.data?.academies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-search-line"
            disabled={loading}
            onClick={() => void run(null)}
            className={fr.cx("fr-mb-3w")}
          >
            {t("procedure.search.submit")}
          </Button>
        </div>
      </div>
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.search.error")}
        className={fr.cx("fr-mb-2w")}
      />
      <p role="status" aria-live="polite" className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        {loading
          ? t("procedure.search.searching")
          : results
            ? t("procedure.search.found", { count: results.totalCount })
            : ""}
      </p>
      {results && results.items.length > 0 && (
        <ul className={fr.cx("fr-raw-list")} aria-label={t("procedure.search.results")}>
          {results.items.map((e) => {
            const chosen = excludeIds.includes(e.id);
            return (
              <li
                key={e.id}
                className={fr.cx("fr-py-1w")}
                style={{
                  display: "flex",
                  gap: "1rem",
                  alignItems: "center",
                  justifyContent: "space-between",
                  borderBottom: "1px solid var(--border-default-grey)",
                }}
              >
                <span>
                  <strong>{e.name}</strong> ({e.uai}) — {e.city}, {e.academie.name}
                </span>
                {chosen ? (
                  <span className={fr.cx("fr-text--sm", "fr-mb-0")}>
                    {t("procedure.search.alreadyChosen")}
                  </span>
                ) : (
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary"
                    iconId="fr-icon-add-line"
                    disabled={busy}
                    onClick={() => onAdd(e)}
                  >
                    {t("procedure.search.add")}
                    <span className={fr.cx("fr-sr-only")}> {e.name}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {results?.hasNextPage && (
        <Button
          type="button"
          priority="tertiary"
          size="small"
          disabled={loading}
          onClick={() => void run(results.endCursor)}
          className={fr.cx("fr-mt-1w")}
        >
          {t("procedure.search.more")}
        </Button>
      )}
    </div>
  );
}
