import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { GraphQLErrorAlert, Loading, useDocumentTitle } from "@ldm/ui";
import { useCurrentUser } from "../auth/currentUser";
import { graphql } from "../gql";
import type { AwardType, CandidatureKind, OptionalCriterionVariant } from "../gql/graphql";
import { paths } from "../paths";
import { CoApplicantsList } from "./new-candidature/CoApplicantsList";
import {
  EstablishmentSearch,
  type FoundEstablishment,
} from "./new-candidature/EstablishmentSearch";
import {
  OptionalCriterionRadios,
  type VariantChoice,
} from "./new-candidature/OptionalCriterionRadios";

export const CreateIndividualCandidatureMutation = graphql(`
  mutation CreateIndividualCandidature($input: CreateIndividualCandidatureInput!) {
    createIndividualCandidature(input: $input) {
      id
    }
  }
`);

export const CreateNetworkCandidatureMutation = graphql(`
  mutation CreateNetworkCandidature($input: CreateNetworkCandidatureInput!) {
    createNetworkCandidature(input: $input) {
      id
    }
  }
`);

const variantOf = (choice: VariantChoice): OptionalCriterionVariant | null =>
  choice === "NONE" ? null : choice;

/**
 * « Nouvelle candidature »: individual or network, first award or renewal, the label's title, the
 * optional criterion 9; for a network, the co-applicants found by a search, the user's own
 * establishment being the lead. The API checks everything (at least two establishments, one lead,
 * who may create) and its French refusals are shown above the button.
 */
export function NewCandidaturePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("procedure.new.title"));
  const navigate = useNavigate();
  const { user, loading: loadingUser } = useCurrentUser();
  const [kind, setKind] = useState<CandidatureKind>("INDIVIDUAL");
  const [awardType, setAwardType] = useState<AwardType>("FIRST_AWARD");
  const [labelTitle, setLabelTitle] = useState("");
  const [variant, setVariant] = useState<VariantChoice>("NONE");
  const [coApplicants, setCoApplicants] = useState<FoundEstablishment[]>([]);
  const errorRef = useRef<HTMLDivElement>(null);

  const evictList = {
    update(cache: { evict(options: { id: string; fieldName: string }): boolean; gc(): string[] }) {
      cache.evict({ id: "ROOT_QUERY", fieldName: "candidatures" });
      cache.gc();
    },
  };
  const [createIndividual, individual] = useMutation(
    CreateIndividualCandidatureMutation,
    evictList,
  );
  const [createNetwork, network] = useMutation(CreateNetworkCandidatureMutation, evictList);
  const error = kind === "NETWORK" ? network.error : individual.error;
  /** A refusal concerns the form as it was sent: forget it once the establishments change. */
  const resetErrors = () => {
    individual.reset();
    network.reset();
  };
  const submitting = individual.loading || network.loading;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (loadingUser) return <Loading />;
  const own = user?.establishment ?? null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!own) return;
    const common = {
      awardType,
      labelTitle: labelTitle.trim() === "" ? null : labelTitle.trim(),
      optionalCriterionVariant: variantOf(variant),
    };
    try {
      const id =
        kind === "NETWORK"
          ? (
              await createNetwork({
                variables: {
                  input: {
                    ...common,
                    members: [
                      { establishmentId: own.id, isLead: true },
                      ...coApplicants.map((e) => ({ establishmentId: e.id, isLead: false })),
                    ],
                  },
                },
              })
            ).data?.createNetworkCandidature.id
          : (
              await createIndividual({
                variables: { input: { ...common, establishmentId: own.id } },
              })
            ).data?.createIndividualCandidature.id;
      if (id) await navigate(paths.candidature(id));
    } catch {
      // Shown by the alert (the mutation's `error`).
    }
  };

  return (
    <div className={fr.cx("fr-grid-row")}>
      <div className={fr.cx("fr-col-12", "fr-col-lg-10")}>
        <h1>{t("procedure.new.title")}</h1>
        <p>{t("procedure.new.intro")}</p>
        {!own ? (
          <Alert
            severity="warning"
            title={t("procedure.new.noEstablishmentTitle")}
            description={t("procedure.new.noEstablishment")}
            role={undefined}
          />
        ) : (
          <form onSubmit={(event) => void onSubmit(event)}>
            <RadioButtons
              legend={t("procedure.new.kind")}
              name="kind"
              options={(["INDIVIDUAL", "NETWORK"] as const).map((value) => ({
                label: t(`procedure.new.kinds.${value}`),
                hintText: t(`procedure.new.kindHints.${value}`),
                nativeInputProps: {
                  value,
                  checked: kind === value,
                  onChange: () => setKind(value),
                },
              }))}
            />
            <RadioButtons
              legend={t("procedure.new.awardType")}
              name="awardType"
              orientation="horizontal"
              options={(["FIRST_AWARD", "RENEWAL"] as const).map((value) => ({
                label: t(`enums.AwardType.${value}`),
                nativeInputProps: {
                  value,
                  checked: awardType === value,
                  onChange: () => setAwardType(value),
                },
              }))}
            />
            <Input
              label={t("procedure.new.labelTitle")}
              hintText={t("procedure.new.labelTitleHint")}
              nativeInputProps={{
                name: "labelTitle",
                maxLength: 200,
                value: labelTitle,
                onChange: (e) => setLabelTitle(e.target.value),
              }}
            />
            <OptionalCriterionRadios
              name="optionalCriterion"
              value={variant}
              onChange={setVariant}
              hintText={t(
                kind === "NETWORK"
                  ? "procedure.new.criterion9NetworkHint"
                  : "procedure.new.criterion9Hint",
              )}
            />

            {kind === "NETWORK" && (
              <fieldset
                className={fr.cx("fr-fieldset", "fr-mb-3w")}
                aria-describedby="network-members-hint"
              >
                <legend className={fr.cx("fr-fieldset__legend")}>
                  {t("procedure.new.members")}
                  <span id="network-members-hint" className={fr.cx("fr-hint-text")}>
                    {t("procedure.new.membersHint")}
                  </span>
                </legend>
                <div className={fr.cx("fr-fieldset__element")}>
                  <CoApplicantsList
                    lead={own}
                    coApplicants={coApplicants}
                    onRemove={(id) => {
                      resetErrors();
                      setCoApplicants((list) => list.filter((e) => e.id !== id));
                    }}
                  />
                  <EstablishmentSearch
                    excludeIds={[own.id, ...coApplicants.map((e) => e.id)]}
                    onAdd={(e) => {
                      resetErrors();
                      setCoApplicants((list) => [...list, e]);
                    }}
                  />
                </div>
              </fieldset>
            )}

            <div ref={errorRef} tabIndex={-1}>
              <GraphQLErrorAlert
                error={error}
                title={t("procedure.new.errorTitle")}
                className={fr.cx("fr-mb-3w")}
              />
            </div>
            <ul
              className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--left")}
            >
              <li>
                <Button type="submit" disabled={submitting}>
                  {submitting ? t("procedure.new.submitting") : t("procedure.new.submit")}
                </Button>
              </li>
              <li>
                <Button priority="secondary" linkProps={{ to: paths.candidatures }}>
                  {t("procedure.new.cancel")}
                </Button>
              </li>
            </ul>
          </form>
        )}
      </div>
    </div>
  );
}
