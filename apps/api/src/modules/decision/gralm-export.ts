/**
 * A GRALM session's documents: the list of its candidatures with the auditors' recommendations and the
 * session's proposals (Excel, exceljs) and its minutes (French PDF in Marianne). Pure layout over
 * `loadGralmSessionExport`, which reads one consistent view of the session.
 */
import type { Writable } from "node:stream";
import { Workbook, type Worksheet } from "exceljs";
import {
  AWARD_TYPE_LABELS,
  CANDIDATURE_KIND_LABELS,
  formatFrenchDate,
  formatFrenchDateWithWeekday,
  getAcademie,
  GRALM_PROPOSAL_LABELS,
  GRALM_PROPOSALS,
  type AwardType,
  type CandidatureKind,
  type GralmMember,
  type GralmProposal,
  type IsoDate,
} from "@ldm/domain";
import { In, type EntityManager } from "typeorm";
import { notFound } from "../../common/errors";
import { parisDate } from "../../kernel/clock";
import { Candidature, CoApplicant } from "../candidature/candidature.entity";
import { BLUE, drawFooters, GREY, renderPdf, type Layout } from "../export/dossier-pdf";
import { BOLD, ITALIC } from "../export/pdf-fonts";
import { auditRecommendationsOf, NO_RECOMMENDATION } from "./audit-recommendation";
import { decisionMembers } from "./decision-facts";
import { GralmSession, GralmSessionItem } from "./decision.entity";

export interface GralmExportEstablishment {
  name: string;
  uai: string;
  city: string;
  academieName: string;
  isLead: boolean;
}

export interface GralmExportRow {
  position: number;
  candidatureId: string;
  kind: CandidatureKind;
  awardType: AwardType;
  labelTitle: string | null;
  auditDate: IsoDate | null;
  establishments: GralmExportEstablishment[];
  /** Académies of the establishments, in order (« Aix-Marseille, Nice »). */
  academies: string[];
  recommendation: string;
  /** The label title the auditors proposed instead, if any. */
  proposedLabelTitle: string | null;
  proposal: GralmProposal | null;
  motivation: string | null;
}

export interface GralmSessionExport {
  sessionId: string;
  sessionDate: IsoDate;
  /** Names are null when the reader may not see personal data. */
  members: { fullName: string | null; role: string }[];
  notes: string | null;
  rows: GralmExportRow[];
  generatedAt: Date;
}

/** Reads a session with its agenda, as the list and the minutes show it. */
export async function loadGralmSessionExport(
  manager: EntityManager,
  sessionId: string,
  options: { personalData: boolean; now: Date },
): Promise<GralmSessionExport> {
  const session = await manager.getRepository(GralmSession).findOneBy({ id: sessionId });
  if (!session) throw notFound("La session du GRALM", sessionId);
  const items = await manager
    .getRepository(GralmSessionItem)
    .find({ where: { sessionId }, order: { position: "ASC" } });
  const ids = items.map((i) => i.candidatureId);
  const candidatures =
    ids.length === 0 ? [] : await manager.getRepository(Candidature).findBy({ id: In(ids) });
  const members =
    ids.length === 0
      ? []
      : await manager
          .getRepository(CoApplicant)
          .find({ where: { candidatureId: In(ids) }, order: { createdAt: "ASC" } });
  const recommendations = await auditRecommendationsOf(manager, ids);
  const rows: GralmExportRow[] = [];
  for (const item of items) {
    const c = candidatures.find((x) => x.id === item.candidatureId);
    if (!c) continue;
    const establishments = await decisionMembers(
      manager,
      members.filter((m) => m.candidatureId === c.id),
    );
    rows.push({
      position: item.position,
      candidatureId: c.id,
      kind: c.kind,
      awardType: c.awardType,
      labelTitle: c.labelTitle,
      auditDate: c.auditDate,
      establishments: establishments.map((m) => ({
        name: m.establishment.name,
        uai: m.establishment.uai,
        city: m.establishment.city,
        academieName: getAcademie(m.academieCode).name,
        isLead: m.isLead,
      })),
      academies: [...new Set(establishments.map((m) => getAcademie(m.academieCode).name))],
      recommendation: recommendations.get(c.id)?.label ?? NO_RECOMMENDATION,
      proposedLabelTitle: recommendations.get(c.id)?.proposedLabelTitle ?? null,
      proposal: item.proposal,
      motivation: item.motivation,
    });
  }
  return {
    sessionId: session.id,
    sessionDate: session.sessionDate,
    members: session.members.map((m: GralmMember) => ({
      fullName: options.personalData ? m.fullName : null,
      role: m.role,
    })),
    notes: session.notes,
    rows,
    generatedAt: options.now,
  };
}

/** « Lycée X (0131234A, Marseille) — porteur ». */
function establishmentLine(e: GralmExportEstablishment, network: boolean): string {
  return `${e.name} (${e.uai}, ${e.city})${network && e.isLead ? " — porteur" : ""}`;
}

function kindLine(row: GralmExportRow): string {
  return `${CANDIDATURE_KIND_LABELS[row.kind]} — ${AWARD_TYPE_LABELS[row.awardType].toLowerCase()}`;
}

function proposalLine(proposal: GralmProposal | null): string {
  return proposal ? GRALM_PROPOSAL_LABELS[proposal] : "À examiner";
}

/** The file name of a session's documents: « gralm-2026-03-12-liste.xlsx ». */
export function gralmFileName(data: { sessionDate: IsoDate }, what: "liste" | "proces-verbal") {
  return `gralm-${data.sessionDate}-${what}.${what === "liste" ? "xlsx" : "pdf"}`;
}

// ---------------------------------------------------------------------------------------------
// The list (Excel)

/** Column headers of the list, in order (French). */
export const GRALM_LIST_HEADERS = [
  "N°",
  "Établissements",
  "Académie",
  "Type de candidature",
  "Intitulé du label",
  "Date de l'audit",
  "Recommandation du rapport d'audit",
  "Proposition du GRALM",
  "Motivation",
] as const;

function styleHeader(sheet: Worksheet, row: number): void {
  const header = sheet.getRow(row);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF000091" } };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 30;
}

/** Writes the session's list as an Excel workbook: « Candidatures » (one row each) and « Session ». */
export async function writeGralmList(data: GralmSessionExport, out: Writable): Promise<void> {
  const workbook = new Workbook();
  workbook.creator = "Plateforme du label Lycée des métiers — région académique PACA";
  workbook.created = data.generatedAt;
  workbook.title = `Session du GRALM du ${formatFrenchDate(data.sessionDate)} — liste des candidatures`;

  const sheet = workbook.addWorksheet("Candidatures", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  sheet.columns = [
    { key: "position", width: 6 },
    { key: "establishments", width: 48 },
    { key: "academies", width: 18 },
    { key: "kind", width: 30 },
    { key: "title", width: 42 },
    { key: "auditDate", width: 14, style: { numFmt: "dd/mm/yyyy" } },
    { key: "recommendation", width: 26 },
    { key: "proposal", width: 24 },
    { key: "motivation", width: 60 },
  ];
  sheet.addRow([...GRALM_LIST_HEADERS]);
  styleHeader(sheet, 1);
  for (const row of data.rows) {
    const added = sheet.addRow({
      position: row.position,
      establishments: row.establishments
        .map((e) => establishmentLine(e, row.kind === "NETWORK"))
        .join("\n"),
      academies: row.academies.join(", "),
      kind: kindLine(row),
      title: row.labelTitle,
      auditDate: row.auditDate ? new Date(`${row.auditDate}T00:00:00Z`) : null,
      recommendation: row.recommendation,
      proposal: proposalLine(row.proposal),
      motivation: row.motivation,
    });
    added.alignment = { vertical: "top", wrapText: true };
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: GRALM_LIST_HEADERS.length },
  };

  const info = workbook.addWorksheet("Session");
  info.columns = [{ width: 34 }, { width: 60 }];
  info.addRow([`Session du GRALM du ${formatFrenchDateWithWeekday(data.sessionDate)}`]).font = {
    bold: true,
    size: 13,
  };
  info.addRow([]);
  info.addRow(["Membres présents", "Fonction"]);
  styleHeader(info, 3);
  for (const m of data.members) info.addRow([m.fullName ?? "(nom masqué)", m.role]);
  info.addRow([]);
  info.addRow(["Candidatures inscrites", data.rows.length]);
  for (const proposal of GRALM_PROPOSALS) {
    info.addRow([
      GRALM_PROPOSAL_LABELS[proposal],
      data.rows.filter((r) => r.proposal === proposal).length,
    ]);
  }
  if (data.notes) info.addRow(["Observations", data.notes]).alignment = { wrapText: true };

  await workbook.xlsx.write(out);
  out.end();
}

// ---------------------------------------------------------------------------------------------
// The minutes (PDF)

function minutes(layout: Layout, data: GralmSessionExport): void {
  layout.text("Région académique Provence-Alpes-Côte d'Azur — DRAFPIC", { color: GREY, size: 9 });
  layout.text("Groupe de région académique « Lycée des métiers » (GRALM)", {
    color: GREY,
    size: 9,
    after: 10,
  });
  layout.text(`Procès-verbal de la session du ${formatFrenchDateWithWeekday(data.sessionDate)}`, {
    font: BOLD,
    size: 17,
    color: BLUE,
    after: 12,
  });

  layout.heading("Membres présents", 12);
  if (data.members.length === 0)
    layout.text("Aucun membre indiqué.", { font: ITALIC, color: GREY });
  for (const m of data.members) {
    layout.text(m.fullName ? `• ${m.fullName} — ${m.role}` : `• ${m.role}`, { after: 2 });
  }
  layout.gap(8);

  const counts = GRALM_PROPOSALS.map(
    (p) =>
      `${GRALM_PROPOSAL_LABELS[p].toLowerCase()} : ${data.rows.filter((r) => r.proposal === p).length}`,
  );
  const waiting = data.rows.filter((r) => r.proposal === null).length;
  layout.heading("Ordre du jour et propositions", 12);
  layout.text(
    `${data.rows.length} candidature${data.rows.length > 1 ? "s" : ""} examinée${data.rows.length > 1 ? "s" : ""} — ${counts.join(" ; ")}${waiting > 0 ? ` ; à examiner : ${waiting}` : ""}.`,
    { after: 8 },
  );

  for (const row of data.rows) {
    layout.rule();
    const lead = row.establishments.find((e) => e.isLead) ?? row.establishments[0];
    layout.heading(`${row.position}. ${lead?.name ?? row.candidatureId}`, 11);
    layout.field("Type de candidature", kindLine(row));
    layout.field(
      row.establishments.length > 1 ? "Établissements" : "Établissement",
      row.establishments.map((e) => establishmentLine(e, row.kind === "NETWORK")).join(" ; "),
    );
    layout.field(row.academies.length > 1 ? "Académies" : "Académie", row.academies.join(", "));
    layout.field("Intitulé du label", row.labelTitle ?? "Non renseigné");
    if (row.proposedLabelTitle) {
      layout.field("Intitulé proposé par les auditeurs", row.proposedLabelTitle);
    }
    if (row.auditDate) layout.field("Audit", formatFrenchDate(row.auditDate));
    layout.field("Recommandation du rapport d'audit", row.recommendation);
    layout.field("Proposition du GRALM", proposalLine(row.proposal), {
      ...(row.proposal ? { valueColor: BLUE } : {}),
    });
    layout.field("Motivation", row.motivation ?? "—");
    layout.gap(4);
  }

  if (data.notes) {
    layout.gap(6);
    layout.heading("Observations", 12);
    layout.text(data.notes, { after: 8 });
  }
  layout.gap(10);
  layout.text(
    `Procès-verbal établi le ${formatFrenchDate(parisDate(data.generatedAt))} par la plateforme du label Lycée des métiers.`,
    { font: ITALIC, color: GREY, size: 8.5 },
  );
}

/** Writes the session's minutes as a French PDF into `out`. */
export function writeGralmMinutes(data: GralmSessionExport, out: Writable): Promise<void> {
  return renderPdf(
    out,
    {
      title: `Procès-verbal de la session du GRALM du ${formatFrenchDate(data.sessionDate)}`,
      subject: "Label Lycée des métiers — propositions du GRALM",
      creationDate: data.generatedAt,
    },
    (layout) => {
      minutes(layout, data);
      drawFooters(
        layout,
        `GRALM — procès-verbal de la session du ${formatFrenchDate(data.sessionDate)}`,
      );
    },
  );
}
