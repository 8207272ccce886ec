/**
 * The dossier issue's "done when", over HTTP against the real database: a network candidature of three
 * establishments is filled (self-evaluations, indicators over three school years, an evidence shared by
 * two criteria, common strategies edited concurrently with one CONFLICT), becomes ready, is submitted,
 * and its PDF and ZIP exports open (the PDF parsed back with pdftotext, the ZIP listed).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yauzl from "yauzl";
import {
  addMonths,
  CURRENT_REFERENTIAL_VERSION,
  getCriterion,
  NATIONAL_CRITERION_CODES,
} from "@ldm/domain";
import { createTestApp, type TestApp } from "./test/test-app";
import { insertEstablishment, insertUser } from "./test/fixtures";
import { systemClock } from "./kernel/clock";
import { Client, TEST_PASSWORD } from "./test/http-client";

/** A small real PDF (one page, one line of text). */
function pdf(text: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 12 Tf 20 70 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 70 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("zip illisible"));
      const names: string[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("the dossier journey over HTTP", () => {
  let app: TestApp;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-journey-"));

  beforeAll(async () => {
    app = await createTestApp();
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fills a network dossier of three establishments, submits it and exports it", async () => {
    // --- people and establishments -------------------------------------------------------------
    const names = [
      "Lycée des Métiers de la Mer",
      "Lycée Camille Claudel",
      "Lycée du Val de Durance",
    ];
    const schools = [];
    for (const [i, name] of names.entries()) {
      const establishment = await insertEstablishment(app.dataSource, {
        name,
        departementCode: i === 2 ? "84" : "13",
      });
      const { user } = await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: establishment.id,
        password: TEST_PASSWORD,
      });
      const client = new Client(url);
      await client.login(user.email);
      schools.push({ establishment, user, client });
    }
    const [lead, second, third] = schools as [
      (typeof schools)[0],
      (typeof schools)[0],
      (typeof schools)[0],
    ];
    const drafpic = new Client(url);
    await drafpic.login(
      (await insertUser(app.dataSource, { role: "DRAFPIC", password: TEST_PASSWORD })).user.email,
    );

    // --- the lead's head creates the network candidature --------------------------------------------
    const { createNetworkCandidature: c } = await lead.client.ok<{
      createNetworkCandidature: { id: string };
    }>(
      `mutation($input: CreateNetworkCandidatureInput!) { createNetworkCandidature(input: $input) { id } }`,
      {
        input: {
          members: schools.map((s, i) => ({
            establishmentId: s.establishment.id,
            isLead: i === 0,
          })),
          labelTitle: "Métiers de la mer et du littoral",
        },
      },
    );

    // --- engagement documents, then DRAFPIC opens the dossier and schedules the audit --------------
    for (const s of schools) {
      for (const kind of ["ENGAGEMENT_LETTER", "BOARD_MINUTES"]) {
        const sent = await s.client.upload(
          "/files/engagement",
          { candidatureId: c.id, establishmentId: s.establishment.id, kind },
          pdf(`${kind} ${s.establishment.uai}`),
          `${kind}.pdf`,
        );
        expect(sent.status).toBe(201);
      }
    }
    await drafpic.ok(
      `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state } }`,
      { input: { candidatureId: c.id, transition: "OPEN_DOSSIER" } },
    );
    await drafpic.ok(
      `mutation($input: ScheduleAuditInput!) { scheduleAudit(input: $input) { auditDate } }`,
      { input: { candidatureId: c.id, auditDate: addMonths(systemClock.today(), 4) } },
    );

    // --- evidence: one shared by criteria 1 and 2, one for the others -------------------------------
    const shared = pdf("Tableau de bord 2024-2025");
    const up = await lead.client.upload(
      "/files/evidence",
      {
        candidatureId: c.id,
        title: "Tableau de bord de l'offre de formation",
        kind: "DASHBOARD",
        effectiveDate: "2025-06-30",
        criterionCodes: ["1", "2"],
      },
      shared,
      "tableau-de-bord.pdf",
    );
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(createHash("sha256").update(shared).digest("hex"));
    const sharedId = up.body.evidenceId as string;
    const other = await lead.client.upload(
      "/files/evidence",
      {
        candidatureId: c.id,
        title: "Compte rendu du comité école-entreprise",
        kind: "MEETING_MINUTES",
        effectiveDate: "2025-03-12",
        criterionCodes: ["3", "4", "5", "6", "7", "8"],
      },
      pdf("Comite ecole-entreprise"),
      "compte-rendu.pdf",
    );
    expect(other.status).toBe(201);

    // --- each head pilots, self-evaluates and follows an indicator over three school years ----------
    for (const s of schools) {
      for (const code of NATIONAL_CRITERION_CODES) {
        await s.client.ok(
          `mutation($input: AssignCriterionPilotInput!) { assignCriterionPilot(input: $input) { id } }`,
          { input: { candidatureId: c.id, criterionCode: code, userId: s.user.id } },
        );
        await s.client.ok(
          `mutation($input: UpdateCriterionResponseInput!) { updateCriterionResponse(input: $input) { version } }`,
          {
            input: {
              candidatureId: c.id,
              establishmentId: s.establishment.id,
              criterionCode: code,
              planned: `<p>Objectifs du critère ${code} fixés avec l'équipe de pilotage.</p>`,
              done: "<ul><li>Actions menées avec les partenaires</li></ul>",
              measured: "<p>Suivi trimestriel des indicateurs.</p>",
              improved: "<p>Plan d'actions ajusté en fin d'année.</p>",
              selfAssessedLevel: "MET",
              addressedExpectationIds: getCriterion(
                CURRENT_REFERENTIAL_VERSION,
                code,
              ).expectations.map((e) => e.id),
              citedEvidenceIds: code === "1" ? [sharedId] : [],
            },
          },
        );
      }
      const { createIndicator: indicator } = await s.client.ok<{ createIndicator: { id: string } }>(
        `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
        {
          input: {
            candidatureId: c.id,
            establishmentId: s.establishment.id,
            name: "Taux de réussite au baccalauréat professionnel",
            kind: "QUANTITATIVE",
            unit: "%",
            direction: "HIGHER_IS_BETTER",
            target: "85",
            source: "Cyclades",
            criterionCodes: [...NATIONAL_CRITERION_CODES],
          },
        },
      );
      for (const [schoolYear, numericValue] of [
        ["2022-2023", 78],
        ["2023-2024", 81],
        ["2024-2025", 84],
      ] as const) {
        await s.client.ok(
          `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { id } }`,
          { input: { indicatorId: indicator.id, schoolYear, numericValue } },
        );
      }
    }

    // --- common strategies edited concurrently: exactly one CONFLICT, nothing lost silently ---------
    const STRATEGY = `mutation($input: UpdateCommonStrategyInput!) { updateCommonStrategy(input: $input) { text version } }`;
    const [a, b] = await Promise.all([
      lead.client.gql<{ updateCommonStrategy: { version: number } }>(STRATEGY, {
        input: {
          candidatureId: c.id,
          criterionCode: "4",
          text: "<p>Stratégie partenariale du porteur.</p>",
          expectedVersion: 0,
        },
      }),
      second.client.gql<{ updateCommonStrategy: { version: number } }>(STRATEGY, {
        input: {
          candidatureId: c.id,
          criterionCode: "4",
          text: "<p>Stratégie partenariale du cocandidat.</p>",
          expectedVersion: 0,
        },
      }),
    ]);
    const conflicts = [a, b].filter((r) => r.errors?.[0]?.extensions?.code === "CONFLICT");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.errors![0]!.extensions!.details).toMatchObject({ currentVersion: 1 });
    const loser = a.errors ? lead : second;
    const merged = await loser.client.ok<{ updateCommonStrategy: { version: number } }>(STRATEGY, {
      input: {
        candidatureId: c.id,
        criterionCode: "4",
        text: "<p>Stratégie partenariale commune, fusionnée.</p>",
        expectedVersion: 1,
      },
    });
    expect(merged.updateCommonStrategy.version).toBe(2);
    for (const code of ["5", "6", "8"]) {
      await third.client.ok(STRATEGY, {
        input: {
          candidatureId: c.id,
          criterionCode: code,
          text: `<p>Stratégie commune du critère ${code}.</p>`,
        },
      });
    }

    // --- approvals make it ready; the lead's head submits ---------------------------------------
    const READINESS = `query($id: ID!) { candidature(id: $id) { state readiness { ready missing } evidence { id cited criterionCodes } } }`;
    type R = {
      candidature: {
        state: string;
        readiness: { ready: boolean; missing: string[] };
        evidence: { id: string; cited: boolean; criterionCodes: string[] }[];
      };
    };
    const before = await lead.client.ok<R>(READINESS, { id: c.id });
    expect(before.candidature.readiness.missing).toEqual([
      `Approbation du dépôt par le chef d'établissement de ${names[1]}`,
      `Approbation du dépôt par le chef d'établissement de ${names[2]}`,
    ]);
    expect(before.candidature.evidence.find((e) => e.id === sharedId)).toMatchObject({
      cited: true,
      criterionCodes: ["1", "2"],
    });
    for (const s of [second, third]) {
      await s.client.ok(
        `mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { id } }`,
        { input: { candidatureId: c.id } },
      );
    }
    expect((await lead.client.ok<R>(READINESS, { id: c.id })).candidature.readiness).toEqual({
      ready: true,
      missing: [],
    });
    const submitted = await lead.client.ok<{ transitionCandidature: { state: string } }>(
      `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state } }`,
      { input: { candidatureId: c.id, transition: "SUBMIT_DOSSIER" } },
    );
    expect(submitted.transitionCandidature.state).toBe("SUBMITTED");
    const late = await second.client.gql(STRATEGY, {
      input: { candidatureId: c.id, criterionCode: "4", text: "<p>Trop tard.</p>" },
    });
    expect(late.errors?.[0]?.extensions?.code).toBe("CANDIDATURE_LOCKED");

    // --- exports: the PDF parses back, the ZIP lists the evidence under both criteria --------------
    const pdfAnswer = await lead.client.download(`/exports/candidatures/${c.id}/dossier.pdf`);
    expect(pdfAnswer.status).toBe(200);
    expect(pdfAnswer.type).toMatch(/application\/pdf/);
    const pdfFile = path.join(dir, "dossier.pdf");
    fs.writeFileSync(pdfFile, pdfAnswer.bytes);
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    for (const expected of [
      "Métiers de la mer et du littoral",
      names[0]!,
      names[2]!,
      "Ce qui est mesuré",
      "Taux de réussite au baccalauréat professionnel",
      "2023-2024",
      "Tableau de bord de l'offre de",
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
    }
    for (const code of NATIONAL_CRITERION_CODES) {
      expect(text).toContain(getCriterion(CURRENT_REFERENTIAL_VERSION, code).title.slice(0, 30));
    }
    const zipAnswer = await lead.client.download(`/exports/candidatures/${c.id}/dossier.zip`);
    expect(zipAnswer.status).toBe(200);
    const zipFile = path.join(dir, "dossier.zip");
    fs.writeFileSync(zipFile, zipAnswer.bytes);
    const entries = await zipEntries(zipFile);
    expect(entries).toContain("dossier.pdf");
    expect(entries.filter((e) => e.startsWith("critere-1/") && /tableau/i.test(e))).toHaveLength(1);
    expect(entries.filter((e) => e.startsWith("critere-2/") && /tableau/i.test(e))).toHaveLength(1);
    expect(entries.some((e) => e.startsWith("critere-8/"))).toBe(true);
    expect(entries.filter((e) => e.startsWith("pieces-engagement/"))).toHaveLength(6);

    // An establishment outside the candidature sees neither the dossier nor its exports.
    const outsider = new Client(url);
    const stranger = await insertEstablishment(app.dataSource);
    await outsider.login(
      (
        await insertUser(app.dataSource, {
          role: "SCHOOL_HEAD",
          establishmentId: stranger.id,
          password: TEST_PASSWORD,
        })
      ).user.email,
    );
    expect((await outsider.download(`/exports/candidatures/${c.id}/dossier.pdf`)).status).toBe(404);
    expect(
      (await new Client(url).download(`/exports/candidatures/${c.id}/dossier.zip`)).status,
    ).toBe(401);
  });
});
