import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { useTranslation } from "react-i18next";
import type { CandidatureState } from "../gql/graphql";

function severity(state: CandidatureState): BadgeProps["severity"] {
  switch (state) {
    case "LABELLED":
    case "MID_TERM_REVIEWED":
    case "RECTOR_APPROVED":
      return "success";
    case "REFUSED":
    case "WITHDRAWN":
    case "EXPIRED":
      return "error";
    case "DOSSIER_OPEN":
    case "ENGAGEMENT":
      return "new";
    default:
      return "info";
  }
}

/** The state of a candidature as a DSFR badge. */
export function StateBadge({ state }: { state: CandidatureState }) {
  const { t } = useTranslation();
  return <Badge severity={severity(state)}>{t(`enums.CandidatureState.${state}`)}</Badge>;
}
