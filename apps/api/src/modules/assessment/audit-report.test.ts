/**
 * The audit report: drafted by the lead auditor, finalised once complete — which records the audit if
 * needed and hands the report in through the procedure's transitions — then immutable, as are the grid
 * and the findings. Its French PDF is read back with pdftotext. Every refusal is coded and changes
 * nothing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import {
  AUDIT_RECOMMENDATION_LABELS,
  NATIONAL_CRITERION_CODES,
  formatFrenchDate,
} from "@ldm/domain";
import type { EventOf } from "../../kernel/events";
import { createTestApp, ok, refused, type TestApp } from "../../test/test-app";
import { inDays, insertUser, rowCounts } from "../../test/fixtures";
import {
  AUDIT_TABLES,
  FINALISE,
  FINDINGS,
  REMOVE_AREA,
  SAVE_AREA,
  SAVE_COMMITMENT,
  SAVE_DRAFT,
  SAVE_REPORT,
  SAVE_TEAM,
  SET_TEAM,
  TRANSITION,
  auditCandidature,
  auditorAccount,
  cookieFor,
  entry,
  type AuditFixture,
} from "./audit-test-kit";

interface ReportAnswer {
  writeId: string;
  replayed: boolean;
  report: { id: string; status: string; version: number; finalisedAt: string | null };
}

/** The text of a PDF according to poppler's pdftotext (whitespace collapsed). */
function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `rapport-${randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"])
      .toString("utf8")
      .replace(/\s+/g, " ");
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("audit report", () => {
  let app: TestApp;
  let base: string;
  const finalised: EventOf<"AuditReportFinalised">[] = [];
  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
    app.server.events.onAfterCommit("AuditReportFinalised", async (_ctx, event) => {
      finalised.push(event);
    });
  });
  afterAll(() => app.close());

  const snapshot = async (candidatureId: string) => ({
    counts: await rowCounts(app.dataSource, AUDIT_TABLES),
    candidature: await app.dataSource.query(
      "SELECT state, updated_at FROM candidature WHERE id = $1",
      [candidatureId],
    ),
    report: await app.dataSource.query(
      "SELECT status, version, recommendation, summary, updated_at FROM audit_report WHERE candidature_id = $1",
      [candidatureId],
    ),
  });
  const saveReport = (c: AuditFixture, values: Record<string, unknown>, viewer = c.lead.viewer) =>
    app.execute<{ saveAuditReport: ReportAnswer }>(
      SAVE_REPORT,
      { input: { writeId: randomUUID(), candidatureId: c.id, ...values } },
      viewer,
    );
  const finalise = (
    c: AuditFixture,
    baseVersion: number,
    writeId = randomUUID(),
    viewer = c.lead.viewer,
  ) =>
    app.execute<{ finaliseAuditReport: ReportAnswer }>(
      FINALISE,
      { input: { writeId, candidatureId: c.id, baseVersion } },
      viewer,
    );
  /** The team's level on every criterion of every establishment (the lead consolidates). */
  async function consolidate(c: AuditFixture, codes: readonly string[] = NATIONAL_CRITERION_CODES) {
    for (const code of codes) {
      ok(
        await app.execute(
          SAVE_TEAM,
          {
            input: entry(c, {
              criterionCode: code,
              level: code === "7" ? "PARTIALLY_MET" : "MET",
              strengths: `Points forts du critère ${code}.`,
            }),
          },
          c.lead.viewer,
        ),
      );
    }
  }
  const downloadAs = async (c: AuditFixture, userId: string) => {
    const response = await fetch(`${base}/exports/candidatures/${c.id}/audit-report.pdf`, {
      headers: { cookie: await cookieFor(app, userId) },
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  it("is drafted by the lead auditor only", async () => {
    const c = await auditCandidature(app, { state: "PREPARATORY_VISIT_DONE" });
    const draft = ok(
      await saveReport(c, { summary: "Premiers constats.", recommendation: "FAVOURABLE" }),
    ).saveAuditReport;
    expect(draft.report).toMatchObject({ status: "DRAFT", version: 1 });
    const before = await snapshot(c.id);
    expect(
      refused(await saveReport(c, { summary: "Autre", baseVersion: 1 }, c.member.viewer)).code,
    ).toBe("FORBIDDEN");
    expect(
      refused(await saveReport(c, { summary: "Autre", baseVersion: 1 }, app.drafpic)).code,
    ).toBe("FORBIDDEN");
    const longTitle = refused(
      await saveReport(c, {
        summary: "Autre",
        baseVersion: 1,
        proposedLabelTitle: "x".repeat(301),
      }),
    );
    expect(longTitle.message).toBe("Le champ « proposition d'intitulé » dépasse 300 caractères.");
    expect(await snapshot(c.id)).toEqual(before);
    // The school does not read a draft: the report reads as not there.
    type R = {
      auditReport: { id: string } | null;
      candidature: { auditReport: { id: string } | null };
    };
    const asHead = ok(
      await app.execute<R>(
        `query($id: ID!) { auditReport(candidatureId: $id) { id } candidature(id: $id) { auditReport { id } } }`,
        { id: c.id },
        c.head.viewer,
      ),
    );
    expect(asHead).toEqual({ auditReport: null, candidature: { auditReport: null } });
    expect((await downloadAs(c, c.head.user.id)).status).toBe(404);
    // From the preparatory visit, the audit cannot be recorded yet: finalising is refused, nothing changes.
    await consolidate(c);
    const early = await snapshot(c.id);
    const refusedEarly = refused(await finalise(c, 1));
    expect(refusedEarly.code).toBe("INVALID_TRANSITION");
    expect(refusedEarly.message).toBe(
      "La transition « Enregistrer l'audit » n'est pas possible depuis l'état « Visite préparatoire effectuée ».",
    );
    expect(await snapshot(c.id)).toEqual(early);
  });

  it("refuses an incomplete report, a plain favourable opinion with a major improvement area, an audit still to come", async () => {
    const c = await auditCandidature(app, { state: "AUDIT_PLAN_RECEIVED", auditDate: inDays(0) });
    ok(await saveReport(c, { summary: "", recommendation: "FAVOURABLE_WITH_RESERVATIONS" }));
    await consolidate(c, ["1", "2", "3", "4", "5", "6"]);
    let before = await snapshot(c.id);
    const incomplete = refused(await finalise(c, 1));
    expect(incomplete.code).toBe("INVALID_TRANSITION");
    expect(incomplete.message).toBe(
      `Le rapport d'audit ne peut pas être finalisé : la synthèse du rapport est vide ; le niveau de l'équipe manque sur les critères 7, 8 (${c.establishments[0]!.name}) ; un avis favorable avec réserves énonce ses réserves : au moins un axe de progrès.`,
    );
    expect(await snapshot(c.id)).toEqual(before);

    await consolidate(c, ["7", "8"]);
    ok(
      await app.execute(
        SAVE_AREA,
        {
          input: {
            writeId: randomUUID(),
            id: randomUUID(),
            candidatureId: c.id,
            severity: "MAJOR",
            description: "Aucun suivi des sortants.",
          },
        },
        c.member.viewer,
      ),
    );
    ok(
      await saveReport(c, {
        summary: "Une démarche engagée.",
        recommendation: "FAVOURABLE",
        baseVersion: 1,
      }),
    );
    before = await snapshot(c.id);
    const major = refused(await finalise(c, 2));
    expect(major.message).toBe(
      "Le rapport d'audit ne peut pas être finalisé : un axe de progrès majeur reste ouvert : l'avis est au mieux favorable avec réserves.",
    );
    // A stale version of the report: a conflict, with the current one.
    const stale = refused(await finalise(c, 1));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toMatchObject({ reason: "STALE_VERSION", currentVersion: 2 });
    expect(await snapshot(c.id)).toEqual(before);

    // The audit is tomorrow: it cannot be recorded, so the report is not handed in.
    ok(
      await saveReport(c, {
        summary: "Une démarche engagée.",
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        baseVersion: 2,
      }),
    );
    await app.dataSource.query("UPDATE candidature SET audit_date = $2 WHERE id = $1", [
      c.id,
      inDays(1),
    ]);
    before = await snapshot(c.id);
    const tooEarly = refused(await finalise(c, 3));
    expect(tooEarly.code).toBe("INVALID_TRANSITION");
    expect(tooEarly.message).toBe(
      `L'audit est prévu le ${formatFrenchDate(inDays(1))} : il ne peut pas être enregistré avant cette date.`,
    );
    expect(await snapshot(c.id)).toEqual(before);
  });

  describe("finalised", () => {
    let c: AuditFixture;
    let areaId: string;
    let first: ReportAnswer;
    const writeId = randomUUID();

    beforeAll(async () => {
      c = await auditCandidature(app, { state: "AUDIT_PLAN_RECEIVED", auditDate: inDays(0) });
      await consolidate(c);
      ok(
        await app.execute(
          SAVE_DRAFT,
          { input: entry(c, { criterionCode: "3", level: "EXCEEDED" }) },
          c.member.viewer,
        ),
      );
      areaId = randomUUID();
      ok(
        await app.execute(
          SAVE_AREA,
          {
            input: {
              writeId: randomUUID(),
              id: areaId,
              candidatureId: c.id,
              severity: "MINOR",
              criterionCode: "7",
              description: "Formaliser le suivi des élèves sortis sans diplôme.",
            },
          },
          c.member.viewer,
        ),
      );
      ok(
        await app.execute(
          SAVE_COMMITMENT,
          {
            input: {
              writeId: randomUUID(),
              id: randomUUID(),
              candidatureId: c.id,
              improvementAreaId: areaId,
              criterionCode: "7",
              description: "Installer une cellule de veille du décrochage.",
              owner: "Mme Durand, proviseure adjointe",
              dueOn: inDays(365),
            },
          },
          c.lead.viewer,
        ),
      );
      ok(
        await saveReport(c, {
          recommendation: "FAVOURABLE_WITH_RESERVATIONS",
          summary:
            "Une démarche d'amélioration continue partagée par les équipes.\n\nLe suivi des sortants reste à formaliser.",
          proposedLabelTitle: "des métiers de la mer et de la maintenance navale",
        }),
      );
      first = ok(await finalise(c, 1, writeId)).finaliseAuditReport;
    });

    it("records the audit, hands the report in through the procedure, and tells who listens", async () => {
      expect(first).toMatchObject({ replayed: false, report: { status: "FINAL", version: 2 } });
      const history: { transition: string; to_state: string }[] = await app.dataSource.query(
        "SELECT transition, to_state FROM candidature_transition WHERE candidature_id = $1 ORDER BY created_at",
        [c.id],
      );
      expect(history).toEqual([
        { transition: "RECORD_AUDIT", to_state: "AUDITED" },
        { transition: "SUBMIT_REPORT", to_state: "REPORT_SUBMITTED" },
      ]);
      const event = finalised.find((e) => e.candidatureId === c.id);
      expect(event).toMatchObject({
        reportId: first.report.id,
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        finalisedBy: c.lead.user.id,
        commitments: [{ dueOn: inDays(365) }],
      });
      // Replayed (the answer was lost on the way): the same result, nothing written, no second event.
      const before = await snapshot(c.id);
      expect(ok(await finalise(c, 1, writeId)).finaliseAuditReport).toEqual({
        ...first,
        replayed: true,
      });
      expect(await snapshot(c.id)).toEqual(before);
      expect(finalised.filter((e) => e.candidatureId === c.id)).toHaveLength(1);
    });

    it("is immutable, with the grid, the findings and the team", async () => {
      const before = await snapshot(c.id);
      const immutable = [
        await finalise(c, 2),
        await saveReport(c, { summary: "Autre", baseVersion: 2 }),
        await app.execute(
          SAVE_DRAFT,
          { input: entry(c, { criterionCode: "3", level: "MET", baseVersion: 1 }) },
          c.member.viewer,
        ),
        await app.execute(
          SAVE_TEAM,
          { input: entry(c, { criterionCode: "1", level: "EXCEEDED", baseVersion: 1 }) },
          c.lead.viewer,
        ),
        await app.execute(
          REMOVE_AREA,
          { input: { writeId: randomUUID(), id: areaId, candidatureId: c.id, baseVersion: 1 } },
          c.member.viewer,
        ),
        await app.execute(SET_TEAM, {
          input: { candidatureId: c.id, members: [{ userId: c.lead.user.id, teamRole: "LEAD" }] },
        }),
        await app.execute(
          `mutation($input: AuditorAssignmentInput!) { assignAuditor(input: $input) { id } }`,
          {
            input: { candidatureId: c.id, userId: (await auditorAccount(app, "IPE")).user.id },
          },
        ),
      ].map(refused);
      for (const r of immutable) expect(r.code).toBe("REPORT_FINALISED");
      expect(immutable[1]!.message).toBe(
        "Le rapport d'audit est finalisé : la grille d'évaluation, les axes de progrès, les engagements et le rapport ne changent plus.",
      );
      expect(immutable[5]!.message).toBe(
        "Le rapport d'audit est finalisé : l'équipe qui l'a rédigé ne change plus.",
      );
      expect(await snapshot(c.id)).toEqual(before);
    });

    it("is read by the school and analysts once final (without personal data for analysts)", async () => {
      type R = {
        auditReport: {
          status: string;
          recommendation: string;
          findings: { commitments: { owner: string | null }[] };
        };
      };
      const query = `query($id: ID!) { auditReport(candidatureId: $id) { status recommendation findings { commitments { owner } } } }`;
      expect(ok(await app.execute<R>(query, { id: c.id }, c.head.viewer)).auditReport).toEqual({
        status: "FINAL",
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        findings: { commitments: [{ owner: "Mme Durand, proviseure adjointe" }] },
      });
      const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
      expect(
        ok(await app.execute<R>(query, { id: c.id }, analyst.viewer)).auditReport.findings,
      ).toEqual({
        commitments: [{ owner: null }],
      });
      const other = await auditCandidature(app, { state: "AUDITED" });
      expect(refused(await app.execute(FINDINGS, { id: c.id }, other.head.viewer)).code).toBe(
        "NOT_FOUND",
      );
    });

    it("is a French PDF, downloaded by the school once final and by the team", async () => {
      const pdf = await downloadAs(c, c.head.user.id);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe("application/pdf");
      const text = pdfText(pdf.bytes);
      for (const expected of [
        "Rapport d'audit — label Lycée des métiers",
        "« de la maintenance et de la mer »",
        c.establishments[0]!.name,
        AUDIT_RECOMMENDATION_LABELS.FAVOURABLE_WITH_RESERVATIONS,
        "Proposition de modification de l'intitulé : « des métiers de la mer et de la maintenance navale »",
        "Inès Garnier",
        "Auditeur principal",
        "Conseiller entreprise pour l'École (CEE)",
        "Une démarche d'amélioration continue partagée par les équipes.",
        "Évaluation de l'équipe d'audit",
        "Partiellement atteint",
        "Points forts du critère 7.",
        "Formaliser le suivi des élèves sortis sans diplôme.",
        "Installer une cellule de veille du décrochage.",
        "Mme Durand, proviseure adjointe",
        `${inDays(365).slice(8, 10)}/${inDays(365).slice(5, 7)}/${inDays(365).slice(0, 4)}`,
        "version finalisée",
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain("Version de travail");
      // Beside the school's self-assessment, the team's level (not the member's draft, « Dépassé »).
      expect(text).toContain(
        "3. Pédagogie et parcours adaptés Dépassé Atteint Points forts du critère 3.",
      );
      expect((await downloadAs(c, c.member.user.id)).status).toBe(200);
      const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
      const anonymised = pdfText((await downloadAs(c, analyst.user.id)).bytes);
      expect(anonymised).not.toContain("Inès Garnier");
      expect(anonymised).not.toContain("Mme Durand");
      const other = await auditCandidature(app, { state: "AUDITED" });
      expect((await downloadAs(c, other.head.user.id)).status).toBe(404);
    });
  });

  it("is handed in by its finalisation: SUBMIT_REPORT is refused while a platform report is a draft", async () => {
    const c = await auditCandidature(app, { state: "AUDITED" });
    ok(await saveReport(c, { summary: "En cours." }));
    const before = await snapshot(c.id);
    for (const viewer of [app.drafpic, c.lead.viewer]) {
      const result = refused(
        await app.execute(
          TRANSITION,
          { input: { candidatureId: c.id, transition: "SUBMIT_REPORT" } },
          viewer,
        ),
      );
      expect(result.code).toBe("INVALID_TRANSITION");
      expect(result.message).toBe(
        "Le rapport d'audit est en cours de rédaction : l'auditeur principal le remet en le finalisant.",
      );
    }
    expect(
      refused(
        await app.execute(
          TRANSITION,
          { input: { candidatureId: c.id, transition: "SUBMIT_REPORT" } },
          c.member.viewer,
        ),
      ).code,
    ).toBe("FORBIDDEN");
    expect(await snapshot(c.id)).toEqual(before);
    // A report written outside the platform: DRAFPIC records its submission; the lead may not.
    const paper = await auditCandidature(app, { state: "AUDITED" });
    expect(
      refused(
        await app.execute(
          TRANSITION,
          { input: { candidatureId: paper.id, transition: "SUBMIT_REPORT" } },
          paper.lead.viewer,
        ),
      ).message,
    ).toBe("Le rapport d'audit n'est pas rédigé : l'auditeur principal le remet en le finalisant.");
    const recorded = ok(
      await app.execute<{ transitionCandidature: { state: string } }>(TRANSITION, {
        input: { candidatureId: paper.id, transition: "SUBMIT_REPORT" },
      }),
    );
    expect(recorded.transitionCandidature.state).toBe("REPORT_SUBMITTED");
  });

  it("renders a draft for the team, marked as such, and shows its first page", async () => {
    const c = await auditCandidature(app, { kind: "NETWORK", state: "AUDITED" });
    await consolidate(c, ["1", "2", "3"]);
    ok(await saveReport(c, { summary: "Visite riche.", recommendation: "POSTPONED" }));
    const pdf = await downloadAs(c, c.lead.user.id);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes);
    expect(text).toContain("Version de travail : ce rapport n'est pas finalisé");
    expect(text).toContain("Établissements du réseau");
    expect(text).toContain(c.establishments[1]!.name);
    expect(text).toContain("version de travail");
    const drafpic = await fetch(`${base}/exports/candidatures/${c.id}/audit-report.pdf`, {
      headers: { cookie: await cookieFor(app, app.drafpic.userId) },
    });
    expect(drafpic.status).toBe(200);
    if (process.env.LDM_KEEP_AUDIT_PDF) fs.writeFileSync(process.env.LDM_KEEP_AUDIT_PDF, pdf.bytes);
  });
});
