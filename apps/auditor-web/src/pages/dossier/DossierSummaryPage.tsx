import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, useDocumentTitle } from "@ldm/ui";
import { Facts } from "../../components/Facts";
import { paths } from "../../paths";
import { criterionLabel } from "./DossierSideMenu";
import { useDossierContext } from "./dossierData";
import { LevelText } from "./LevelText";

/**
 * The dossier at a glance: when it was submitted (and its fingerprint), the establishments, and the
 * self-assessed level of each establishment on each criterion, each linked to its page.
 */
export function DossierSummaryPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { candidature, snapshot, dossier, criteria, members } = useDossierContext();
  useDocumentTitle(t("dossier.summary.title"));
  const frozen = dossier.candidature;
  const response = (establishmentId: string, code: string) =>
    dossier.responses.find(
      (r) => r.establishmentId === establishmentId && r.criterionCode === code,
    );
  return (
    <>
      <h1>{t("dossier.summary.title")}</h1>
      <p className={fr.cx("fr-text--lead")}>{frozen.labelTitle ?? candidature.labelTitle}</p>
      <Facts
        items={[
          {
            term: t("dossier.summary.submittedAt"),
            value: formatDate(snapshot.submittedAt, { lng, withTime: true }),
          },
          {
            term: t("dossier.summary.kind"),
            value: `${t(`enums.CandidatureKind.${frozen.kind}`)} · ${t(`enums.AwardType.${frozen.awardType}`)}`,
          },
          {
            term: t("dossier.summary.auditDate"),
            value: frozen.auditDate
              ? formatDate(frozen.auditDate, { lng })
              : t("candidature.notScheduled"),
          },
          { term: t("dossier.summary.referential"), value: frozen.referentialVersion },
          {
            term: t("dossier.summary.fingerprint"),
            value: <code style={{ wordBreak: "break-all" }}>{snapshot.sha256}</code>,
          },
        ]}
      />

      <h2 className={fr.cx("fr-h4", "fr-mt-4w")}>{t("dossier.summary.members")}</h2>
      <ul>
        {members.map((m) => (
          <li key={m.establishmentId}>
            <strong>{m.name ?? "—"}</strong>
            {m.uai ? ` (UAI ${m.uai})` : ""}
            {m.isLead && members.length > 1 ? ` — ${t("candidature.lead")}` : ""}
            <br />
            <span className={fr.cx("fr-text--sm")}>
              {t("candidature.engagement", {
                letter: formatDate(m.engagementLetterOn, { lng }) || "—",
                minutes: formatDate(m.boardMinutesOn, { lng }) || "—",
              })}
              {" · "}
              {m.optionalCriterionVariant
                ? t("candidature.criterion9", {
                    code: criterionLabel(m.optionalCriterionVariant === "A" ? "9a" : "9b"),
                  })
                : t("candidature.noCriterion9")}
            </span>
          </li>
        ))}
      </ul>

      <h2 className={fr.cx("fr-h4", "fr-mt-4w")}>{t("dossier.summary.levels")}</h2>
      <p className={fr.cx("fr-text--sm")}>{t("dossier.summary.levelsIntro")}</p>
      <div className={fr.cx("fr-table", "fr-table--bordered", "fr-table--sm")}>
        <div className={fr.cx("fr-table__wrapper")}>
          <div
            className={fr.cx("fr-table__container")}
            tabIndex={0}
            role="region"
            aria-label={t("dossier.summary.levelsCaption")}
          >
            <div className={fr.cx("fr-table__content")}>
              <table>
                <caption className={fr.cx("fr-sr-only")}>
                  {t("dossier.summary.levelsCaption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("dossier.summary.criterion")}</th>
                    {members.map((m) => (
                      <th key={m.establishmentId} scope="col">
                        {m.name ?? "—"}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {criteria.map((c) => (
                    <tr key={c.code}>
                      <th
                        scope="row"
                        className={fr.cx("fr-cell--multiline")}
                        style={{ minWidth: "14rem" }}
                      >
                        <Link to={paths.criterion(candidature.id, c.code)}>
                          {t("dossier.menu.criterion", {
                            code: criterionLabel(c.code),
                            title: c.shortTitle,
                          })}
                        </Link>
                      </th>
                      {members.map((m) => {
                        const r = response(m.establishmentId, c.code);
                        return (
                          <td key={m.establishmentId} className={fr.cx("fr-cell--multiline")}>
                            {r ? (
                              <LevelText level={r.selfAssessedLevel} euroscol={r.metByEuroscol} />
                            ) : (
                              t("dossier.summary.notAnswered")
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </>
  );
}
