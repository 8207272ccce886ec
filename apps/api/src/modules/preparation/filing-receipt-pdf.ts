/**
 * The proof of filing (« accusé de dépôt »): a dated French PDF of what the school filed at submission,
 * read from the frozen dossier — establishments, criteria answered, indicators, evidence files and
 * engagement documents with their SHA-256 fingerprints, the snapshot's fingerprint and the submission
 * instant. Pure layout over `loadDossierExport`'s data (source SNAPSHOT), with the dossier PDF's helpers.
 */
import type { Writable } from "node:stream";
import {
  ATTAINMENT_LEVEL_LABELS,
  AWARD_TYPE_LABELS,
  CANDIDATURE_KIND_LABELS,
  ENGAGEMENT_DOCUMENT_LABELS,
  NETWORK_COMMON_STRATEGY_CRITERIA,
  answersCriterion,
  compareIsoDates,
  criterionDisplayCode,
  dossierDueDate,
  formatFileSize,
  formatFrenchDate,
} from "@ldm/domain";
import { parisDate } from "../../kernel/clock";
import { AppError } from "../../common/errors";
import { dossierCriteria, type DossierExport } from "../export/dossier-export";
import {
  BLUE,
  GREY,
  INK,
  drawFooters,
  establishmentsTable,
  frDate,
  frDateTime,
  frDay,
  memberLabel,
  renderPdf,
  type Layout,
} from "../export/dossier-pdf";
import { BOLD, ITALIC } from "../export/pdf-fonts";

/** Widths of the file tables: a SHA-256 (64 hexadecimal digits) holds on one line at 7 points. */
const FILE_WIDTH = 200;
const SHA_WIDTH = 295;

/** The file name of the proof of filing (under /exports/candidatures/:id/). */
export const FILING_RECEIPT_FILE = "accuse-de-depot.pdf";

/** A frozen dossier's data, or INVALID_TRANSITION while the dossier is not submitted. */
export function assertFiled(
  dossier: DossierExport,
): asserts dossier is DossierExport & { snapshot: NonNullable<DossierExport["snapshot"]> } {
  if (dossier.source !== "SNAPSHOT" || !dossier.snapshot) {
    throw new AppError(
      "INVALID_TRANSITION",
      "Le dossier n'est pas encore déposé : l'accusé de dépôt est délivré au dépôt du dossier.",
      { candidatureId: dossier.candidature.id, reason: "NOT_SUBMITTED" },
    );
  }
}

/** An answer is filed when any of its texts says something (HTML tags aside). */
function hasContent(...texts: string[]): boolean {
  return texts.some((t) => t.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") !== "");
}

function criteriaRows(dossier: DossierExport): { cells: string[]; bold?: boolean }[] {
  const network = dossier.candidature.kind === "NETWORK";
  const rows: { cells: string[]; bold?: boolean }[] = [];
  for (const criterion of dossierCriteria(dossier)) {
    const code = criterion.code;
    let label = `${criterionDisplayCode(code)} — ${criterion.shortTitle}`;
    /** The criterion's name on its first row only. */
    const once = () => {
      const shown = label;
      label = "";
      return shown;
    };
    if (network && (NETWORK_COMMON_STRATEGY_CRITERIA as readonly string[]).includes(code)) {
      const strategy = dossier.commonStrategies.find((s) => s.criterionCode === code);
      rows.push({
        cells: [
          once(),
          "Réseau (stratégie commune)",
          strategy && hasContent(strategy.text) ? "renseignée" : "non renseignée",
          "—",
          "—",
          "—",
        ],
        bold: true,
      });
    }
    for (const m of dossier.members) {
      if (!answersCriterion(m.optionalCriterionVariant, code)) continue;
      const r = dossier.responses.find(
        (x) => x.establishmentId === m.establishmentId && x.criterionCode === code,
      );
      const answered =
        r !== undefined &&
        (r.metByEuroscol || hasContent(r.narrative, r.planned, r.done, r.measured, r.improved));
      const indicators = dossier.indicators.filter(
        (i) => i.establishmentId === m.establishmentId && i.criterionCodes.includes(code),
      ).length;
      const evidence = dossier.evidence.filter(
        (e) =>
          (e.establishmentId === null || e.establishmentId === m.establishmentId) &&
          e.criterionCodes.includes(code),
      ).length;
      rows.push({
        cells: [
          once(),
          memberLabel(m),
          r?.metByEuroscol
            ? "rempli par le label Euroscol"
            : answered
              ? "renseignée"
              : "non renseignée",
          r?.selfAssessedLevel ? ATTAINMENT_LEVEL_LABELS[r.selfAssessedLevel] : "—",
          String(indicators),
          String(evidence),
        ],
      });
    }
  }
  return rows;
}

function summary(layout: Layout, dossier: DossierExport, submittedAt: Date, sha256: string): void {
  const c = dossier.candidature;
  layout.field("Candidature", CANDIDATURE_KIND_LABELS[c.kind]);
  layout.field("Nature", AWARD_TYPE_LABELS[c.awardType]);
  layout.field(
    "Intitulé du label envisagé",
    c.labelTitle ? `« ${c.labelTitle} »` : "non renseigné",
  );
  layout.field("Référentiel", c.referentialVersion);
  layout.field("Dossier déposé le", `${frDateTime(submittedAt)} (heure de Paris)`);
  if (c.auditDate) {
    const due = dossierDueDate(c.auditDate);
    const inTime = compareIsoDates(parisDate(submittedAt), due) <= 0;
    layout.field("Date de l'audit", formatFrenchDate(c.auditDate));
    layout.field(
      "Date limite de dépôt",
      `${formatFrenchDate(due)} (deux mois avant l'audit) — dépôt ${inTime ? "dans le délai" : "hors délai"}`,
    );
  }
  layout.field("Empreinte SHA-256 du dossier figé", sha256);
}

/** Writes the proof of filing of a submitted dossier into `out`; resolves once `out` has finished. */
export function writeFilingReceiptPdf(dossier: DossierExport, out: Writable): Promise<void> {
  assertFiled(dossier);
  const { submittedAt, sha256 } = dossier.snapshot;
  const lead = dossier.members.find((m) => m.isLead) ?? dossier.members[0];
  const filedFiles = dossier.evidence.filter((e) => e.file !== null);
  // What was filed with the dossier: the engagement documents received by the submission.
  const engagement = dossier.engagementDocuments.filter(
    (d) => d.uploadedAt.getTime() <= submittedAt.getTime(),
  );
  return renderPdf(
    out,
    {
      title: "Accusé de dépôt du dossier de candidature au label Lycée des métiers",
      subject: lead ? memberLabel(lead) : dossier.candidature.id,
      creationDate: dossier.generatedAt,
    },
    (layout) => {
      const doc = layout.doc;
      doc.save().rect(0, 0, doc.page.width, 8).fill(BLUE).restore();
      doc.y = 56;
      layout.text("Région académique Provence-Alpes-Côte d'Azur — DRAFPIC", {
        size: 9,
        color: GREY,
        after: 18,
      });
      layout.text("Accusé de dépôt", { font: BOLD, size: 24, color: BLUE, after: 4 });
      layout.text("Dossier de candidature au label « Lycée des métiers »", {
        font: BOLD,
        size: 13,
        color: INK,
        after: 10,
      });
      layout.text(
        `La plateforme du label Lycée des métiers atteste que le dossier de candidature ${
          lead ? `porté par ${memberLabel(lead)} ` : ""
        }a été déposé le ${frDateTime(submittedAt)} (heure de Paris). Le dossier est figé à cet instant : c'est cette version, identifiée par son empreinte, que lisent la DRAFPIC et les auditeurs.`,
        { after: 10 },
      );
      summary(layout, dossier, submittedAt, sha256);
      layout.gap(8);

      establishmentsTable(layout, dossier.members);

      layout.heading("Critères", 12);
      layout.table(
        [
          { header: "Critère", width: 140 },
          { header: "Établissement", width: 125 },
          { header: "Réponse", width: 70 },
          { header: "Auto-évaluation", width: 68 },
          { header: "Indicateurs", width: 52, align: "right" },
          { header: "Pièces", width: 40, align: "right" },
        ],
        criteriaRows(dossier),
        { size: 8 },
      );

      layout.heading(`Indicateurs suivis (${dossier.indicators.length})`, 12);
      if (dossier.indicators.length === 0) {
        layout.text("Aucun indicateur.", { font: ITALIC, color: GREY, after: 8 });
      } else {
        const names = new Map(dossier.members.map((m) => [m.establishmentId, m.name]));
        layout.table(
          [
            { header: "Indicateur", width: 175 },
            { header: "Établissement", width: 120 },
            { header: "Critères", width: 60 },
            { header: "Années renseignées", width: 90 },
            { header: "Cible", width: 55 },
          ],
          dossier.indicators.map((i) => ({
            cells: [
              i.name,
              names.get(i.establishmentId) ?? "—",
              i.criterionCodes.join(", "),
              i.values.map((v) => v.schoolYear).join(", ") || "aucune",
              i.target ?? "—",
            ],
          })),
          { size: 8 },
        );
      }

      layout.heading(`Pièces justificatives déposées (${filedFiles.length})`, 12);
      if (filedFiles.length === 0) {
        layout.text("Aucun fichier déposé.", { font: ITALIC, color: GREY, after: 8 });
      } else {
        layout.table(
          [
            { header: "Pièce (critères) — fichier", width: FILE_WIDTH },
            { header: "Empreinte SHA-256", width: SHA_WIDTH },
          ],
          filedFiles.map((e) => ({
            cells: [
              `${e.title} (critères ${e.criterionCodes.join(", ")})\n${e.file!.fileName} — ${formatFileSize(e.file!.sizeBytes)}, version ${e.file!.revision}${e.file!.uploadedAt ? `, ${frDay(e.file!.uploadedAt)}` : ""}`,
              e.file!.sha256,
            ],
          })),
          { size: 7 },
        );
      }

      layout.heading(`Pièces d'engagement (${engagement.length})`, 12);
      if (engagement.length === 0) {
        layout.text("Aucune pièce d'engagement déposée sur la plateforme.", {
          font: ITALIC,
          color: GREY,
          after: 8,
        });
      } else {
        const names = new Map(dossier.members.map((m) => [m.establishmentId, m.name]));
        layout.table(
          [
            { header: "Établissement — document — fichier", width: FILE_WIDTH },
            { header: "Empreinte SHA-256", width: SHA_WIDTH },
          ],
          engagement.map((d) => ({
            cells: [
              `${names.get(d.establishmentId) ?? "—"} — ${ENGAGEMENT_DOCUMENT_LABELS[d.kind]}\n${d.fileName} — ${formatFileSize(d.sizeBytes)}, ${frDay(d.uploadedAt)}`,
              d.sha256,
            ],
          })),
          { size: 7 },
        );
      }

      layout.ensure(60);
      layout.text(
        "Vérification : l'empreinte SHA-256 d'un fichier se calcule par exemple avec « sha256sum » (Linux), « shasum -a 256 » (macOS) ou « Get-FileHash » (Windows) ; elle doit être identique à celle indiquée ici.",
        { font: ITALIC, size: 8.5, color: GREY, after: 4 },
      );
      layout.text(`Document établi le ${frDateTime(dossier.generatedAt)}.`, {
        font: ITALIC,
        size: 8.5,
        color: GREY,
      });

      drawFooters(
        layout,
        `Accusé de dépôt — ${lead ? memberLabel(lead) : dossier.candidature.id} — dossier déposé le ${frDate(parisDate(submittedAt))}`,
      );
    },
  );
}
