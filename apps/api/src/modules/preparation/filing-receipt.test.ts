/**
 * The proof of filing (« accusé de dépôt »): at submission the head downloads a dated French PDF of what
 * was filed, read back with pdftotext (establishments, criteria, indicators, evidence and engagement
 * documents with their SHA-256, the frozen dossier's fingerprint and instant); the route answers like the
 * dossier's exports (401 anonymous, 404 unseen, 409 before the submission).
 */
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { addDays, formatFrenchDate } from "@ldm/domain";
import { createTestApp, ok, TEST_AUTH, type TestApp } from "../../test/test-app";
import { insertUser, today } from "../../test/fixtures";
import { preparedCandidature } from "../../test/preparation-fixtures";
import { SESSION_COOKIE } from "../identity/auth.config";
import { openSession } from "../identity/session.service";
import { frDateTime } from "../export/dossier-pdf";

let app: TestApp;
let base: string;
let dir: string;

beforeAll(async () => {
  app = await createTestApp();
  base = `${await app.listen()}/exports/candidatures`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ldm-accuse-"));
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cookieFor(userId: string): Promise<string> {
  const { token } = await openSession(app.dataSource, TEST_AUTH, userId, null);
  const signature = createHmac("sha256", TEST_AUTH.sessionSecret)
    .update(token)
    .digest("base64")
    .replace(/=+$/, "");
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${token}.${signature}`)}`;
}

async function download(id: string, userId: string | null) {
  const response = await fetch(`${base}/${id}/accuse-de-depot.pdf`, {
    headers: userId ? { cookie: await cookieFor(userId) } : {},
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function poppler(tool: string, pdf: Buffer, args: string[]): Buffer {
  const file = path.join(dir, `lecture-${Date.now()}-${Math.random()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])]);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The text of a PDF according to pdftotext (whitespace collapsed). */
function pdfText(pdf: Buffer): string {
  return poppler("pdftotext", pdf, ["-enc", "UTF-8"]).toString("utf8").replace(/\s+/g, " ").trim();
}

describe("accusé de dépôt", () => {
  it("is downloaded by the head once the dossier is submitted, listing what was filed with its fingerprints", async () => {
    const c = await preparedCandidature(app, {
      state: "DOSSIER_OPEN",
      names: ["Lycée professionnel Jean Moulin"],
    });
    const head = c.lead.head;
    // Before the submission: 409, coded, in French.
    const early = await download(c.id, head.user.id);
    expect(early.status).toBe(409);
    expect(JSON.parse(early.bytes.toString("utf8"))).toEqual({
      errors: [
        {
          message:
            "Le dossier n'est pas encore déposé : l'accusé de dépôt est délivré au dépôt du dossier.",
          extensions: {
            code: "INVALID_TRANSITION",
            details: { candidatureId: c.id, reason: "NOT_SUBMITTED" },
          },
        },
      ],
    });

    // The head submits; the candidature says where the receipt is.
    const submitted = ok(
      await app.execute<{ transitionCandidature: { state: string; filingReceiptUrl: string } }>(
        `mutation($input: TransitionCandidatureInput!) { transitionCandidature(input: $input) { state filingReceiptUrl } }`,
        { input: { candidatureId: c.id, transition: "SUBMIT_DOSSIER" } },
        head.viewer,
      ),
    ).transitionCandidature;
    expect(submitted).toEqual({
      state: "SUBMITTED",
      filingReceiptUrl: `/exports/candidatures/${c.id}/accuse-de-depot.pdf`,
    });
    const [snapshot] = (await app.dataSource.query(
      "SELECT sha256, submitted_at FROM dossier_snapshot WHERE candidature_id = $1",
      [c.id],
    )) as { sha256: string; submitted_at: Date }[];

    const receipt = await download(c.id, head.user.id);
    expect(receipt.status).toBe(200);
    expect(receipt.type).toBe("application/pdf");
    expect(receipt.disposition).toBe(
      `attachment; filename=accuse-de-depot-${c.lead.establishment.uai}.pdf`,
    );
    const text = pdfText(receipt.bytes);
    for (const expected of [
      "Accusé de dépôt",
      "Dossier de candidature au label « Lycée des métiers »",
      `a été déposé le ${frDateTime(snapshot!.submitted_at)} (heure de Paris)`,
      "Lycée professionnel Jean Moulin",
      c.lead.establishment.uai,
      "Candidature individuelle",
      "« Métiers de la mer et du littoral »",
      `Empreinte SHA-256 du dossier figé : ${snapshot!.sha256}`,
      "1 — Offre de formation et parcours",
      "renseignée",
      "Atteint",
      "Taux d'insertion à six mois (Lycée professionnel Jean Moulin)",
      "2022-2023, 2023-2024, 2024-2025",
      "Pièces justificatives déposées (1)",
      "tableau-de-bord.pdf",
      c.fingerprints["Tableau de bord qualité (Lycée professionnel Jean Moulin)"]!,
      "Pièces d'engagement (1)",
      c.fingerprints["Lettre d'engagement (Lycée professionnel Jean Moulin)"]!,
      "Document établi le",
      "Page 1 / ",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("non renseignée");
    // Marianne, embedded; no personal data (no pilot's name).
    const fonts = poppler("pdffonts", receipt.bytes, []).toString();
    expect(fonts).toMatch(/Marianne/);
    expect(text).not.toContain(c.lead.pilot.user.fullName);
    // One page rendered, kept for a look (pdftoppm -png -r 60).
    const png = poppler("pdftoppm", receipt.bytes, ["-png", "-r", "60", "-f", "1", "-l", "1"]);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    if (process.env.LDM_KEEP_PDF) {
      fs.writeFileSync(path.join(process.env.LDM_KEEP_PDF, "accuse-de-depot.pdf"), receipt.bytes);
      fs.writeFileSync(path.join(process.env.LDM_KEEP_PDF, "accuse-de-depot-p1.png"), png);
    }
  });

  it("lists a network's establishments, academies and the criteria each one answered", async () => {
    const submittedOn = addDays(today(), -3);
    const c = await preparedCandidature(app, {
      kind: "NETWORK",
      leadVariant: "A",
      submittedOn,
      auditDate: null,
      freeze: true,
      names: ["Lycée professionnel du Rempart", "Lycée polyvalent Les Eucalyptus"],
    });
    const receipt = await download(c.id, app.drafpic.userId);
    expect(receipt.status).toBe(200);
    const text = pdfText(receipt.bytes);
    for (const expected of [
      "Établissements du réseau",
      "Candidature en réseau",
      "Lycée professionnel du Rempart",
      "Lycée polyvalent Les Eucalyptus",
      "Aix-Marseille",
      "Nice",
      "Porteur",
      "Cocandidat",
      "Réseau (stratégie commune)",
      "9-a",
      `dossier déposé le ${submittedOn.split("-").reverse().join("/")}`,
      c.fingerprints["Tableau de bord qualité (Lycée polyvalent Les Eucalyptus)"]!,
      c.fingerprints["Lettre d'engagement (Lycée polyvalent Les Eucalyptus)"]!,
    ]) {
      expect(text).toContain(expected);
    }
    // Without an audit date, no due date is claimed.
    expect(text).not.toContain("Date limite de dépôt");
    expect(text).not.toContain(formatFrenchDate(today()) + " (deux mois");
  });

  it("is read by whoever reads the candidature, and by nobody else", async () => {
    const c = await preparedCandidature(app, { freeze: true });
    const analyst = (await insertUser(app.dataSource, { role: "ANALYST" })).user;
    const outsider = (
      await insertUser(app.dataSource, {
        role: "SCHOOL_HEAD",
        establishmentId: (await preparedCandidature(app)).lead.establishment.id,
      })
    ).user;
    const auditor = (await insertUser(app.dataSource, { role: "AUDITOR" })).user;
    for (const userId of [
      c.lead.head.user.id,
      c.lead.pilot.user.id,
      app.drafpic.userId,
      analyst.id,
    ]) {
      expect((await download(c.id, userId)).status).toBe(200);
    }
    // An auditor not assigned to it does not see it (an assigned one reads it as the candidature).
    expect((await download(c.id, auditor.id)).status).toBe(404);
    const unseen = await download(c.id, outsider.id);
    expect(unseen.status).toBe(404);
    expect(JSON.parse(unseen.bytes.toString("utf8")).errors[0].message).toBe(
      `La candidature « ${c.id} » est introuvable.`,
    );
    expect((await download("pas-un-uuid", outsider.id)).status).toBe(404);
    const anonymous = await download(c.id, null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.bytes.toString("utf8")).errors[0].extensions.code).toBe(
      "UNAUTHENTICATED",
    );
    // The dossier's exports still answer beside it.
    const cookie = await cookieFor(c.lead.head.user.id);
    expect((await fetch(`${base}/${c.id}/dossier.pdf`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base}/${c.id}/autre.pdf`, { headers: { cookie } })).status).toBe(404);
  });
});
