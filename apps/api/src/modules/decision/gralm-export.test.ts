/**
 * A GRALM session's documents over HTTP: the list of its candidatures with the auditors'
 * recommendations and the session's proposals (Excel, read back with exceljs) and its minutes (PDF,
 * read back with pdftotext). DRAFPIC and analysts (without the members' names) only.
 */
import { formatFrenchDate, formatFrenchDateWithWeekday } from "@ldm/domain";
import { createTestApp, ok, type TestApp } from "../../test/test-app";
import { inDays, insertEstablishment, insertUser } from "../../test/fixtures";
import {
  pdfText,
  readWorkbook,
  reportedCandidature,
  sessionCookieFor,
} from "../../test/decision-fixtures";
import { AuditReport } from "../assessment/assessment.entity";
import type { Establishment } from "../establishment/establishment.entity";
import { GRALM_LIST_HEADERS } from "./gralm-export";

const CREATE = `mutation($input: CreateGralmSessionInput!) { createGralmSession(input: $input) { id listUrl minutesUrl } }`;
const ADD = `mutation($input: GralmSessionCandidatureInput!) { addCandidatureToGralmSession(input: $input) { id } }`;
const PROPOSE = `mutation($input: RecordGralmProposalInput!) { recordGralmProposal(input: $input) { id } }`;

describe("GRALM session documents", () => {
  let app: TestApp;
  let base: string;
  let sessionId: string;
  let listUrl: string;
  let minutesUrl: string;
  let calade: Establishment;
  let eucalyptus: Establishment;
  let gap: Establishment;
  const sessionDate = inDays(-7);

  beforeAll(async () => {
    app = await createTestApp();
    base = await app.listen();
    calade = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel La Calade",
      departementCode: "13",
    });
    eucalyptus = await insertEstablishment(app.dataSource, {
      name: "Lycée polyvalent Les Eucalyptus",
      departementCode: "06",
      kind: "LPO",
    });
    gap = await insertEstablishment(app.dataSource, {
      name: "Lycée professionnel Paul Héraud",
      departementCode: "05",
    });
    const network = await reportedCandidature(app.dataSource, [calade, eucalyptus], {
      reportOn: inDays(-30),
      labelTitle: "Lycée des métiers de la mer et du littoral",
      auditDate: inDays(-50),
    });
    const single = await reportedCandidature(app.dataSource, [gap], {
      reportOn: inDays(-25),
      labelTitle: "Lycée des métiers de la montagne",
    });
    // The network's audit report is final, with its recommendation and a proposed title.
    const reports = app.dataSource.getRepository(AuditReport);
    await reports.save(
      reports.create({
        candidatureId: network.id,
        status: "FINAL",
        recommendation: "FAVOURABLE_WITH_RESERVATIONS",
        summary: "Démarche solide ; indicateurs du critère 7 à compléter.",
        proposedLabelTitle: "Lycée des métiers de la mer",
        finalisedAt: new Date(),
      }),
    );
    const created = ok(
      await app.execute<{
        createGralmSession: { id: string; listUrl: string; minutesUrl: string };
      }>(CREATE, {
        input: {
          sessionDate,
          members: [
            { fullName: "Claire Martin", role: "DRAFPIC, cheffe du service" },
            { fullName: "Paul Roux", role: "IEN-ET sciences et techniques industrielles" },
          ],
          notes: "Quorum atteint.",
        },
      }),
    ).createGralmSession;
    ({ id: sessionId, listUrl, minutesUrl } = created);
    for (const c of [network, single]) {
      ok(await app.execute(ADD, { input: { sessionId, candidatureId: c.id } }));
    }
    ok(
      await app.execute(PROPOSE, {
        input: {
          sessionId,
          candidatureId: network.id,
          proposal: "FAVOURABLE",
          motivation: "Démarche d'amélioration continue partagée par le réseau.",
        },
      }),
    );
  });
  afterAll(() => app.close());

  it("downloads the list as Excel, one row per candidature with its establishments, académies, title, recommendation, proposal and motivation", async () => {
    const cookie = await sessionCookieFor(app.dataSource, app.drafpic.userId);
    const response = await fetch(`${base}${listUrl}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toContain(
      `gralm-${sessionDate}-liste.xlsx`,
    );
    const workbook = await readWorkbook(response);
    const sheet = workbook.getWorksheet("Candidatures")!;
    const values = (row: number) =>
      (sheet.getRow(row).values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(values(1)).toEqual([...GRALM_LIST_HEADERS]);
    expect(values(2)).toEqual([
      1,
      `${calade.name} (${calade.uai}, Marseille) — porteur\n${eucalyptus.name} (${eucalyptus.uai}, Marseille)`,
      "Aix-Marseille, Nice",
      "Candidature en réseau — première labellisation",
      "Lycée des métiers de la mer et du littoral",
      inDays(-50),
      "Avis favorable avec réserves",
      "Proposition favorable",
      "Démarche d'amélioration continue partagée par le réseau.",
    ]);
    expect(values(3)).toEqual([
      2,
      `${gap.name} (${gap.uai}, Marseille)`,
      "Aix-Marseille",
      "Candidature individuelle — première labellisation",
      "Lycée des métiers de la montagne",
      undefined, // no audit date
      "Non disponible",
      "À examiner",
    ]);
    expect(sheet.rowCount).toBe(3);
    const info = workbook.getWorksheet("Session")!;
    expect(info.getCell("A1").value).toBe(
      `Session du GRALM du ${formatFrenchDateWithWeekday(sessionDate)}`,
    );
    expect(info.getCell("A4").value).toBe("Claire Martin");
    expect(info.getCell("B5").value).toBe("IEN-ET sciences et techniques industrielles");
  });

  it("downloads the minutes as a French PDF", async () => {
    const cookie = await sessionCookieFor(app.dataSource, app.drafpic.userId);
    const response = await fetch(`${base}${minutesUrl}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    for (const expected of [
      `Procès-verbal de la session du ${formatFrenchDateWithWeekday(sessionDate)}`,
      "Groupe de région académique « Lycée des métiers » (GRALM)",
      "Membres présents",
      "Claire Martin — DRAFPIC, cheffe du service",
      "2 candidatures examinées — proposition favorable : 1 ; proposition défavorable : 0 ; examen ajourné : 0 ; à examiner : 1.",
      `1. ${calade.name}`,
      "Type de candidature : Candidature en réseau — première labellisation",
      "Académies : Aix-Marseille, Nice",
      "Intitulé proposé par les auditeurs : Lycée des métiers de la mer",
      "Recommandation du rapport d'audit : Avis favorable avec réserves",
      "Proposition du GRALM : Proposition favorable",
      "Motivation : Démarche d'amélioration continue partagée par le réseau.",
      `2. ${gap.name}`,
      "Proposition du GRALM : À examiner",
      "Observations Quorum atteint.",
      `GRALM — procès-verbal de la session du ${formatFrenchDate(sessionDate)} Page 1 / 1`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("hides the members' names from analysts and refuses the other callers", async () => {
    const analyst = await insertUser(app.dataSource, { role: "ANALYST" });
    const analystCookie = await sessionCookieFor(app.dataSource, analyst.user.id);
    const pdf = await fetch(`${base}${minutesUrl}`, { headers: { cookie: analystCookie } });
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("• DRAFPIC, cheffe du service");
    expect(text).not.toContain("Claire Martin");

    const head = await insertUser(app.dataSource, {
      role: "SCHOOL_HEAD",
      establishmentId: calade.id,
    });
    const denied = await fetch(`${base}${listUrl}`, {
      headers: { cookie: await sessionCookieFor(app.dataSource, head.user.id) },
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    const anonymous = await fetch(`${base}${listUrl}`);
    expect(anonymous.status).toBe(401);
    const cookie = await sessionCookieFor(app.dataSource, app.drafpic.userId);
    const missing = await fetch(
      `${base}/exports/gralm-sessions/00000000-0000-4000-8000-000000000000/liste.xlsx`,
      { headers: { cookie } },
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    // The dossier exports still answer under /exports.
    const other = await fetch(`${base}/exports/nothing-here`, { headers: { cookie } });
    expect(other.status).toBe(404);
  });
});
