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
    case "ENGAGEMENT":
    case "DOSSIER_OPEN":
      return "new";
    default:
      return "info";
  }
}

/** The state of a candidature as a DSFR badge (its words, never its colour alone). */
export function StateBadge({ state, small }: { state: CandidatureState; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge severity={severity(state)} small={small} noIcon>
      {t(`enums.CandidatureState.${state}`)}
    </Badge>
  );
}
