/**
 * The audit report as a French PDF: the recommendation and summary, the team (profiles, roles,
 * declarations), the team's assessment of each establishment beside its self-assessment, the
 * improvement areas and the commitments. A draft says so on every page. Data from
 * `loadAuditReportExport`, layout with the dossier PDF's helpers (Marianne embedded).
 */
import type { Writable } from "node:stream";
import {
  ATTAINMENT_LEVEL_LABELS,
  AUDIT_RECOMMENDATION_LABELS,
  AUDIT_REPORT_STATUS_LABELS,
  AUDIT_TEAM_ROLE_LABELS,
  AUDITOR_PROFILE_LABELS,
  AWARD_TYPE_LABELS,
  CANDIDATURE_KIND_LABELS,
  IMPROVEMENT_SEVERITY_LABELS,
  criteriaForMember,
  criterionDisplayCode,
  isAttainmentLevel,
  type AttainmentLevel,
  type AuditRecommendation,
  type AuditReportStatus,
  type AuditTeamRole,
  type AuditorProfile,
  type AwardType,
  type CandidatureKind,
  type Criterion,
  type ImprovementSeverity,
} from "@ldm/domain";
import { In, IsNull, type EntityManager } from "typeorm";
import {
  BLUE,
  GREY,
  INK,
  drawFooters,
  frDate,
  frDateTime,
  memberLabel,
  renderPdf,
  type Layout,
} from "../export/dossier-pdf";
import { BOLD, ITALIC } from "../export/pdf-fonts";
import { parisDate } from "../../kernel/clock";
import { Candidature, CandidatureAuditor, CoApplicant } from "../candidature/candidature.entity";
import { Establishment } from "../establishment/establishment.entity";
import { AppUser } from "../identity/user.entity";
import {
  AssessmentEntry,
  AuditCommitment,
  AuditReport,
  ImprovementArea,
} from "./assessment.entity";
import { frozenDossierOf, gridMembersOf } from "./assessment.service";

const RED = "#c9191e";
const GREEN = "#18753c";
const ORANGE = "#b34000";

export interface AuditReportExport {
  generatedAt: Date;
  candidature: {
    id: string;
    kind: CandidatureKind;
    awardType: AwardType;
    labelTitle: string | null;
    auditDate: string | null;
  };
  members: {
    establishmentId: string;
    name: string;
    uai: string;
    city: string;
    isLead: boolean;
    /** The criteria it answers, each with its self-assessed level and the team's assessment. */
    criteria: {
      criterion: Criterion;
      selfAssessedLevel: AttainmentLevel | null;
      team: { level: AttainmentLevel | null; comment: string; strengths: string } | null;
      expectations: { id: string; text: string; level: AttainmentLevel | null; comment: string }[];
    }[];
  }[];
  team: {
    /** Null when the reader may not see personal data. */
    name: string | null;
    profile: AuditorProfile | null;
    teamRole: AuditTeamRole;
    declarationSignedAt: Date | null;
  }[];
  report: {
    status: AuditReportStatus;
    recommendation: AuditRecommendation | null;
    summary: string;
    proposedLabelTitle: string | null;
    finalisedAt: Date | null;
    finalisedByName: string | null;
  };
  improvementAreas: {
    severity: ImprovementSeverity;
    description: string;
    establishment: string | null;
    criterionCode: string | null;
  }[];
  commitments: {
    description: string;
    /** Null when the reader may not see personal data. */
    owner: string | null;
    dueOn: string;
    establishment: string | null;
    criterionCode: string | null;
  }[];
}

/** Everything the report's PDF shows, read in one go (`manager`: one consistent view). */
export async function loadAuditReportExport(
  manager: EntityManager,
  candidatureId: string,
  options: { personalData: boolean; now: Date },
): Promise<AuditReportExport> {
  const c = await manager.getRepository(Candidature).findOneByOrFail({ id: candidatureId });
  const report = await manager.getRepository(AuditReport).findOneByOrFail({ candidatureId });
  const members = await manager.getRepository(CoApplicant).find({
    where: { candidatureId },
    order: { isLead: "DESC", createdAt: "ASC" },
  });
  const establishments = await manager
    .getRepository(Establishment)
    .findBy({ id: In(members.map((m) => m.establishmentId)) });
  const auditors = await manager
    .getRepository(CandidatureAuditor)
    .find({ where: { candidatureId }, order: { teamRole: "ASC", createdAt: "ASC" } });
  const userIds = [
    ...auditors.map((a) => a.userId),
    ...(report.finalisedBy ? [report.finalisedBy] : []),
  ];
  const users =
    userIds.length === 0 ? [] : await manager.getRepository(AppUser).findBy({ id: In(userIds) });
  const entries = await manager
    .getRepository(AssessmentEntry)
    .findBy({ candidatureId, auditorId: IsNull() });
  const frozen = await frozenDossierOf(manager, candidatureId);
  const live = { removedAt: IsNull(), candidatureId };
  const areas = await manager
    .getRepository(ImprovementArea)
    .find({ where: live, order: { severity: "ASC", createdAt: "ASC" } });
  const commitments = await manager
    .getRepository(AuditCommitment)
    .find({ where: live, order: { dueOn: "ASC", createdAt: "ASC" } });

  const establishmentName = (id: string | null) => {
    if (id === null) return null;
    const e = establishments.find((x) => x.id === id);
    return e ? memberLabel(e) : id;
  };
  const level = (l: string | null | undefined): AttainmentLevel | null =>
    l && isAttainmentLevel(l) ? l : null;
  const gridMembers = gridMembersOf(members, frozen);
  return {
    generatedAt: options.now,
    candidature: {
      id: c.id,
      kind: c.kind,
      awardType: c.awardType,
      labelTitle: c.labelTitle,
      auditDate: c.auditDate,
    },
    members: gridMembers.map((gm) => {
      const e = establishments.find((x) => x.id === gm.establishmentId);
      const entry = (code: string, expectationId: string) =>
        entries.find(
          (x) =>
            x.establishmentId === gm.establishmentId &&
            x.criterionCode === code &&
            x.expectationId === expectationId,
        );
      return {
        establishmentId: gm.establishmentId,
        name: e?.name ?? gm.establishmentId,
        uai: e?.uai ?? "",
        city: e?.city ?? "",
        isLead: members.find((m) => m.establishmentId === gm.establishmentId)?.isLead ?? false,
        criteria: criteriaForMember(c.referentialVersion, c.kind, gm.optionalCriterionVariant).map(
          (criterion) => {
            const team = entry(criterion.code, "");
            return {
              criterion,
              selfAssessedLevel: level(
                frozen?.responses.find(
                  (r) =>
                    r.establishmentId === gm.establishmentId && r.criterionCode === criterion.code,
                )?.selfAssessedLevel,
              ),
              team: team
                ? { level: team.level, comment: team.comment, strengths: team.strengths }
                : null,
              expectations: criterion.expectations.flatMap((x) => {
                const t = entry(criterion.code, x.id);
                return t ? [{ id: x.id, text: x.text, level: t.level, comment: t.comment }] : [];
              }),
            };
          },
        ),
      };
    }),
    team: auditors.map((a) => {
      const user = users.find((u) => u.id === a.userId);
      return {
        name: options.personalData ? (user?.fullName ?? null) : null,
        profile: user?.auditorProfile ?? null,
        teamRole: a.teamRole,
        declarationSignedAt: a.declarationSignedAt,
      };
    }),
    report: {
      status: report.status,
      recommendation: report.recommendation,
      summary: report.summary,
      proposedLabelTitle: report.proposedLabelTitle,
      finalisedAt: report.finalisedAt,
      finalisedByName:
        options.personalData && report.finalisedBy
          ? (users.find((u) => u.id === report.finalisedBy)?.fullName ?? null)
          : null,
    },
    improvementAreas: areas.map((a) => ({
      severity: a.severity,
      description: a.description,
      establishment: establishmentName(a.establishmentId),
      criterionCode: a.criterionCode,
    })),
    commitments: commitments.map((k) => ({
      description: k.description,
      owner: options.personalData ? k.owner : null,
      dueOn: k.dueOn,
      establishment: establishmentName(k.establishmentId),
      criterionCode: k.criterionCode,
    })),
  };
}

function levelLabel(level: AttainmentLevel | null): string {
  return level ? ATTAINMENT_LEVEL_LABELS[level] : "—";
}

function recommendationColour(r: AuditRecommendation | null): string {
  switch (r) {
    case "FAVOURABLE":
      return GREEN;
    case "FAVOURABLE_WITH_RESERVATIONS":
      return ORANGE;
    case "UNFAVOURABLE":
      return RED;
    default:
      return INK;
  }
}

function criterionLabel(code: string | null): string {
  if (code === null) return "—";
  return code === "9a" || code === "9b" ? criterionDisplayCode(code) : code;
}

function cover(layout: Layout, data: AuditReportExport): void {
  const doc = layout.doc;
  const { report, candidature: c } = data;
  const lead = data.members.find((m) => m.isLead) ?? data.members[0];
  doc.save().rect(0, 0, doc.page.width, 8).fill(BLUE).restore();
  doc.y = 60;
  layout.text("Région académique Provence-Alpes-Côte d'Azur — DRAFPIC", {
    size: 9,
    color: GREY,
    after: 22,
  });
  layout.text("Rapport d'audit — label Lycée des métiers", {
    font: BOLD,
    size: 22,
    color: BLUE,
    after: 10,
  });
  layout.text(c.labelTitle ? `« ${c.labelTitle} »` : "Intitulé du label non renseigné", {
    font: c.labelTitle ? BOLD : ITALIC,
    size: 13,
    color: c.labelTitle ? INK : GREY,
    after: 6,
  });
  if (lead) layout.text(memberLabel(lead), { size: 11, after: 14 });
  if (report.status !== "FINAL") {
    layout.text(
      "Version de travail : ce rapport n'est pas finalisé par l'auditeur principal et peut encore évoluer.",
      { font: BOLD, size: 10, color: RED, after: 10 },
    );
  }
  layout.field("Candidature", CANDIDATURE_KIND_LABELS[c.kind]);
  layout.field("Nature", AWARD_TYPE_LABELS[c.awardType]);
  layout.field("Date de l'audit", c.auditDate ? frDate(c.auditDate) : "non fixée");
  layout.field(
    "État du rapport",
    report.status === "FINAL" && report.finalisedAt
      ? `${AUDIT_REPORT_STATUS_LABELS.FINAL} le ${frDateTime(report.finalisedAt)}${report.finalisedByName ? ` par ${report.finalisedByName}` : ""}`
      : AUDIT_REPORT_STATUS_LABELS[report.status],
  );
  layout.gap(6);
  layout.heading("Avis de l'équipe d'audit", 12);
  layout.text(
    report.recommendation
      ? AUDIT_RECOMMENDATION_LABELS[report.recommendation]
      : "Avis non encore choisi",
    {
      font: BOLD,
      size: 15,
      color: recommendationColour(report.recommendation),
      after: 6,
    },
  );
  if (report.proposedLabelTitle) {
    layout.field("Proposition de modification de l'intitulé", `« ${report.proposedLabelTitle} »`);
  }
  layout.gap(6);
  layout.heading(data.members.length > 1 ? "Établissements du réseau" : "Établissement", 12);
  layout.table(
    [
      { header: "Établissement", width: 230 },
      { header: "UAI", width: 70 },
      { header: "Commune", width: 120 },
      { header: "Rôle", width: 75 },
    ],
    data.members.map((m) => ({
      cells: [m.name, m.uai, m.city, m.isLead ? "Porteur" : "Cocandidat"],
      bold: m.isLead,
    })),
    { size: 8.5 },
  );
  layout.heading("Équipe d'audit", 12);
  layout.table(
    [
      { header: "Auditeur", width: 150 },
      { header: "Profil", width: 165 },
      { header: "Rôle", width: 95 },
      { header: "Déclaration d'indépendance", width: 85 },
    ],
    data.team.map((m, i) => ({
      cells: [
        m.name ?? `Auditeur ${i + 1}`,
        m.profile ? AUDITOR_PROFILE_LABELS[m.profile] : "—",
        AUDIT_TEAM_ROLE_LABELS[m.teamRole],
        m.declarationSignedAt
          ? `signée le ${frDate(parisDate(m.declarationSignedAt))}`
          : "non signée",
      ],
      bold: m.teamRole === "LEAD",
    })),
    { size: 8.5 },
  );
  layout.heading("Synthèse", 12);
  if (report.summary.trim() === "") {
    layout.text("Synthèse non rédigée.", { font: ITALIC, color: GREY, after: 6 });
  } else {
    for (const paragraph of report.summary.split(/\n{2,}/)) layout.text(paragraph, { after: 5 });
  }
}

function assessment(layout: Layout, data: AuditReportExport): void {
  layout.doc.addPage();
  layout.doc.outline.addItem("Évaluation de l'équipe");
  layout.text("Évaluation de l'équipe d'audit", { font: BOLD, size: 16, color: BLUE, after: 4 });
  layout.text(
    "Niveau d'atteinte de chaque critère selon l'équipe, à côté de l'auto-évaluation de l'établissement (dossier déposé).",
    { size: 9, color: GREY, after: 8 },
  );
  for (const m of data.members) {
    layout.heading(memberLabel(m), 12);
    layout.table(
      [
        { header: "Critère", width: 120 },
        { header: "Auto-évaluation", width: 70 },
        { header: "Niveau de l'équipe", width: 70 },
        { header: "Points forts", width: 120 },
        { header: "Commentaire", width: 135 },
      ],
      m.criteria.map((k) => ({
        cells: [
          `${criterionDisplayCode(k.criterion.code)}. ${k.criterion.shortTitle}`,
          levelLabel(k.selfAssessedLevel),
          levelLabel(k.team?.level ?? null),
          k.team?.strengths || "—",
          k.team?.comment || "—",
        ],
      })),
      { size: 8 },
    );
    const expectations = m.criteria.flatMap((k) =>
      k.expectations.map((x) => ({ code: k.criterion.code, ...x })),
    );
    if (expectations.length > 0) {
      layout.text("Attendus appréciés par l'équipe", { font: BOLD, size: 9.5, after: 3 });
      layout.table(
        [
          { header: "Attendu", width: 280 },
          { header: "Niveau", width: 70 },
          { header: "Commentaire", width: 165 },
        ],
        expectations.map((x) => ({
          cells: [`${x.id} — ${x.text}`, levelLabel(x.level), x.comment || "—"],
        })),
        { size: 7.5 },
      );
    }
  }
}

function findings(layout: Layout, data: AuditReportExport): void {
  layout.doc.addPage();
  layout.doc.outline.addItem("Axes de progrès et engagements");
  layout.text("Axes de progrès", { font: BOLD, size: 16, color: BLUE, after: 6 });
  if (data.improvementAreas.length === 0) {
    layout.text("Aucun axe de progrès relevé.", { font: ITALIC, color: GREY, after: 10 });
  } else {
    layout.table(
      [
        { header: "Gravité", width: 55 },
        { header: "Établissement", width: 130 },
        { header: "Critère", width: 45 },
        { header: "Axe de progrès", width: 285 },
      ],
      data.improvementAreas.map((a) => ({
        cells: [
          IMPROVEMENT_SEVERITY_LABELS[a.severity],
          a.establishment ?? "Toute la candidature",
          criterionLabel(a.criterionCode),
          a.description,
        ],
        bold: a.severity === "MAJOR",
      })),
      { size: 8.5 },
    );
  }
  layout.heading("Engagements de l'établissement", 16);
  if (data.commitments.length === 0) {
    layout.text("Aucun engagement pris.", { font: ITALIC, color: GREY });
    return;
  }
  layout.table(
    [
      { header: "Engagement", width: 210 },
      { header: "Porteur", width: 95 },
      { header: "Échéance", width: 60 },
      { header: "Établissement", width: 110 },
      { header: "Critère", width: 40 },
    ],
    data.commitments.map((k) => ({
      cells: [
        k.description,
        k.owner ?? "—",
        frDate(k.dueOn),
        k.establishment ?? "Toute la candidature",
        criterionLabel(k.criterionCode),
      ],
    })),
    { size: 8.5 },
  );
}

/** Writes the report's PDF into `out`; resolves once `out` has finished. */
export function writeAuditReportPdf(data: AuditReportExport, out: Writable): Promise<void> {
  const lead = data.members.find((m) => m.isLead) ?? data.members[0];
  const final = data.report.status === "FINAL";
  return renderPdf(
    out,
    {
      title: `Rapport d'audit — label Lycée des métiers${data.candidature.labelTitle ? ` — ${data.candidature.labelTitle}` : ""}`,
      subject: lead ? memberLabel(lead) : data.candidature.id,
      creationDate: data.generatedAt,
    },
    (layout) => {
      cover(layout, data);
      assessment(layout, data);
      findings(layout, data);
      layout.gap(12);
      layout.text(`Document produit le ${frDateTime(data.generatedAt)}.`, {
        font: ITALIC,
        size: 8.5,
        color: GREY,
      });
      drawFooters(
        layout,
        `Rapport d'audit — ${lead ? memberLabel(lead) : data.candidature.id} — ${final ? "version finalisée" : "version de travail"}`,
      );
    },
  );
}
