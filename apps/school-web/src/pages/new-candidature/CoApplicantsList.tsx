import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useTranslation } from "react-i18next";
import type { FoundEstablishment } from "./EstablishmentSearch";

export interface CoApplicantsListProps {
  lead: { id: string; name: string };
  coApplicants: readonly FoundEstablishment[];
  onRemove: (establishmentId: string) => void;
}

/** The establishments of the network being created: the lead (the user's own), then the co-applicants. */
export function CoApplicantsList({ lead, coApplicants, onRemove }: CoApplicantsListProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")} id="network-chosen-title">
        {t("procedure.new.chosen", { count: coApplicants.length + 1 })}
      </p>
      <ul aria-labelledby="network-chosen-title" className={fr.cx("fr-mb-3w")}>
        <li>
          {lead.name}{" "}
          <Badge small severity="info" noIcon>
            {t("candidatures.lead")}
          </Badge>
        </li>
        {coApplicants.map((e) => (
          <li key={e.id}>
            {e.name} ({e.uai}) — {e.city}{" "}
            <Button
              type="button"
              size="small"
              priority="tertiary no outline"
              iconId="fr-icon-close-line"
              onClick={() => onRemove(e.id)}
            >
              {t("procedure.new.removeMember")}
              <span className={fr.cx("fr-sr-only")}> {e.name}</span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
