import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useTranslation } from "react-i18next";
import { formatDate, GraphQLErrorAlert } from "@ldm/ui";
import { graphql } from "../../../gql";
import type { OverviewCandidature } from "../OverviewPage";
import type { ViewerRights } from "../team/viewerRights";

export const RemoveCoApplicantMutation = graphql(`
  mutation RemoveCoApplicant($input: RemoveCoApplicantInput!) {
    removeCoApplicant(input: $input) {
      ...OverviewCandidature
    }
  }
`);

export interface MembersTableProps {
  candidature: OverviewCandidature;
  rights: ViewerRights;
}

/** The establishments of the candidature: lead, engagement documents received, approval of the submission. */
export function MembersTable({ candidature: c, rights }: MembersTableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isNetwork = c.kind === "NETWORK";
  const canRemove = isNetwork && rights.manageCandidature && rights.schoolEditable;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [remove, { loading, error }] = useMutation(RemoveCoApplicantMutation);

  const received = (
    label: string,
    date: string | null | undefined,
    receivedKey: "procedure.overview.letterReceivedOn" | "procedure.overview.minutesReceivedOn",
  ): ReactNode => (
    <span style={{ display: "block" }}>
      <span
        aria-hidden="true"
        className={fr.cx(date ? "fr-icon-success-line" : "fr-icon-time-line", "fr-icon--sm")}
        style={{ color: date ? "var(--text-default-success)" : "var(--text-default-warning)" }}
      />{" "}
      {label} :{" "}
      {date
        ? t(receivedKey, { date: formatDate(date, { lng, style: "short" }) })
        : t("procedure.overview.pending")}
    </span>
  );

  const onRemove = async (establishmentId: string) => {
    try {
      await remove({ variables: { input: { candidatureId: c.id, establishmentId } } });
      setConfirming(null);
    } catch {
      // Shown by the alert below.
    }
  };

  const headers: ReactNode[] = [
    t("procedure.overview.establishment"),
    t("overview.role"),
    t("procedure.overview.engagement"),
    ...(isNetwork ? [t("procedure.overview.approval")] : []),
    ...(canRemove ? [t("procedure.overview.actions")] : []),
  ];
  const data = c.members.map((m) => {
    const name = m.establishment.name;
    const row: ReactNode[] = [
      <>
        <strong>{name}</strong>
        <span className={fr.cx("fr-text--xs")} style={{ display: "block" }}>
          {m.establishment.uai} · {m.establishment.city} · {m.establishment.academie.name}
        </span>
      </>,
      m.isLead ? t("procedure.overview.leadRole") : t("procedure.overview.coApplicantRole"),
      <span className={fr.cx("fr-text--sm")}>
        {received(
          t("procedure.overview.engagementLetter"),
          m.engagementLetterOn,
          "procedure.overview.letterReceivedOn",
        )}
        {received(
          t("procedure.overview.boardMinutesShort"),
          m.boardMinutesOn,
          "procedure.overview.minutesReceivedOn",
        )}
      </span>,
    ];
    if (isNetwork) {
      row.push(
        m.isLead ? (
          t("procedure.overview.approvalLead")
        ) : m.submissionApprovedAt ? (
          <Badge small severity="success" noIcon>
            {t("procedure.overview.approvedOn", {
              date: formatDate(m.submissionApprovedAt, { lng, style: "short" }),
            })}
          </Badge>
        ) : (
          <Badge small severity="warning" noIcon>
            {t("procedure.overview.approvalPending")}
          </Badge>
        ),
      );
    }
    if (canRemove) {
      row.push(
        m.isLead ? (
          ""
        ) : confirming === m.establishment.id ? (
          <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
            <Button
              size="small"
              disabled={loading}
              onClick={() => void onRemove(m.establishment.id)}
            >
              {t("procedure.overview.confirmRemove", { name })}
            </Button>
            <Button size="small" priority="secondary" onClick={() => setConfirming(null)}>
              {t("procedure.overview.cancel")}
            </Button>
          </div>
        ) : (
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-delete-line"
            onClick={() => setConfirming(m.establishment.id)}
          >
            {t("procedure.overview.remove")}
            <span className={fr.cx("fr-sr-only")}> {name}</span>
          </Button>
        ),
      );
    }
    return row;
  });

  return (
    <>
      <Table bordered caption={t("overview.members")} noCaption headers={headers} data={data} />
      <GraphQLErrorAlert
        error={error}
        title={t("procedure.overview.removeError")}
        className={fr.cx("fr-mb-3w")}
      />
    </>
  );
}
