/**
 * The auditor portal in the real browser against the real API and the demo data (served at
 * `/auditeurs/`): an auditor finds her audits and reads an assigned dossier — criteria, indicator
 * charts, evidence shown in the page —; the regional team follows every candidature in the pipeline
 * and reads one's history and audit trail.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  portalPath,
  waitForPage,
  watchPageErrors,
} from "./support/browser";

const AUDITOR = "auditrice@demo.ldm.fr";
const DRAFPIC = "drafpic@demo.ldm.fr";
/** A dossier the demo auditor audited (Grasse, labelled). */
const GRASSE = "Lycée des métiers de la parfumerie, de la cosmétique et de l'esthétique";
/** A network candidature whose dossier is submitted (Embrun and Briançon). */
const MONTAGNE = "Lycée des métiers de la montagne : tourisme, construction bois et pleine nature";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A context and a page whose errors are collected; both closed after the test. */
async function session(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}

describe("parcours dans le portail des auditeurs", () => {
  it("l'auditrice retrouve ses audits et lit un dossier déposé, pièces comprises, sans rien télécharger", async () => {
    const { context, page, errors } = await session();
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    try {
      // The portal's address sends to the login page, then to « Mes audits ».
      await page.goto(portalPath("/"));
      await page.waitForURL(/\/auditeurs\/connexion\?suite=|\/auditeurs\/connexion$/);
      await logInThroughUi(page, AUDITOR, "Mes audits");
      expect(new URL(page.url()).pathname).toBe(portalPath("/audits"));
      const card = page.getByRole("region", { name: GRASSE });
      await card.waitFor();
      await card.getByText("Ce qui vous revient").waitFor();
      await card.getByRole("link", { name: "Lire le dossier" }).click();

      // The summary: the establishments and their self-assessed levels.
      await waitForPage(page, "Synthèse du dossier déposé");
      const levels = page.getByRole("table", {
        name: "Niveaux auto-évalués par critère et par établissement",
      });
      await levels.waitFor();
      expect(await levels.getByRole("row").count()).toBeGreaterThanOrEqual(9);

      // A criterion: the answer along the improvement cycle, expectations, indicators with charts.
      await levels.getByRole("link", { name: /^Critère 4 — / }).click();
      await waitForPage(page, /^Critère 4 — /);
      await page.getByRole("heading", { name: "Ce qui est fait" }).first().waitFor();
      await page
        .getByText(/Niveau d'atteinte auto-évalué/)
        .first()
        .waitFor();
      await page
        .getByRole("button", { name: /Attendus du cahier des charges traités \(\d+ \/ \d+\)/ })
        .first()
        .click();
      await page
        .getByText(/^Traité$/)
        .first()
        .waitFor();
      expect(
        await page.getByRole("img", { name: /^Évolution de l'indicateur/ }).count(),
      ).toBeGreaterThan(0);

      // The evidence, read in the page: a PDF in the browser's viewer, an image as an image.
      await page.getByRole("link", { name: "Pièces justificatives" }).first().click();
      await waitForPage(page, "Pièces justificatives");
      const pdfRow = page.getByRole("row").filter({ hasText: "PDF," }).first();
      const pdfTitle = (await pdfRow.getByRole("link").textContent()) ?? "";
      const fileAnswer = page.waitForResponse((r) =>
        /\/files\/evidence\/.+\/revisions\/\d+$/.test(r.url()),
      );
      await pdfRow.getByRole("link").click();
      await page.getByRole("heading", { level: 2, name: pdfTitle }).waitFor();
      const answer = await fileAnswer;
      expect(answer.status()).toBe(200);
      expect(answer.headers()["content-type"]).toBe("application/pdf");
      const frame = page.getByTitle(`Document PDF : ${pdfTitle}`);
      await frame.waitFor();
      expect(await frame.getAttribute("src")).toMatch(/^blob:/);

      const imageRow = page.getByRole("row").filter({ hasText: "image," }).first();
      if ((await imageRow.count()) > 0) {
        const imageTitle = (await imageRow.getByRole("link").textContent()) ?? "";
        await imageRow.getByRole("link").click();
        const image = page.getByRole("img", {
          name: `Pièce justificative « ${imageTitle} » (image)`,
        });
        await image.waitFor();
        await page.waitForFunction((alt) => {
          const img = [...document.images].find((i) => i.alt === alt);
          return img !== undefined && img.complete && img.naturalWidth > 0;
        }, `Pièce justificative « ${imageTitle} » (image)`);
      }
      expect(downloads).toEqual([]);

      // Back to the candidature: its steps.
      await page.getByRole("link", { name: GRASSE }).first().click();
      await waitForPage(page, GRASSE);
      await page.getByRole("table", { name: /Étapes franchies/ }).waitFor();
      expect(await page.getByRole("heading", { name: "Journal des modifications" }).count()).toBe(
        0,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("la DRAFPIC suit toutes les candidatures par état, filtre, et lit l'historique et le journal d'une candidature", async () => {
    const { context, page, errors } = await session();
    try {
      await logInThroughUi(page, DRAFPIC, "Suivi des candidatures");
      expect(new URL(page.url()).pathname).toBe(portalPath("/candidatures"));
      for (const state of [
        "Engagement en cours",
        "Dossier ouvert",
        "Dossier déposé",
        "Labellisé",
      ]) {
        await page
          .getByRole("heading", { level: 2, name: new RegExp(`^${state} \\(\\d+\\)$`) })
          .waitFor();
      }
      const total = await page
        .getByText(/^\d+ candidatures\.$/)
        .first()
        .textContent();

      // Filters: the URL carries them, the API answers fewer candidatures.
      await page.getByLabel("Type de candidature").selectOption("NETWORK");
      await page.waitForURL(/type=NETWORK/);
      await page.getByRole("table").first().waitFor();
      await page.waitForFunction((before) => {
        const text = [...document.querySelectorAll("[role=status] p")]
          .map((p) => p.textContent)
          .join(" ");
        return (
          /\d+ candidatures?\./.test(text) &&
          !text.includes(before ?? "") &&
          !text.includes("Mise à jour")
        );
      }, total);
      expect(await page.getByRole("row", { name: /Candidature individuelle/ }).count()).toBe(0);
      await page.getByLabel("Académie").selectOption({ label: "Aix-Marseille" });
      await page.waitForURL(/academie=AIX_MARSEILLE/);
      const row = page.getByRole("row", { name: new RegExp(MONTAGNE.replace(/[()]/g, ".")) });
      await row.waitFor();
      await row.getByRole("link", { name: MONTAGNE }).click();

      // The candidature: its steps and the audit trail of its changes.
      await waitForPage(page, MONTAGNE);
      const history = page.getByRole("table", { name: /Étapes franchies/ });
      await history.getByText("Déposer le dossier").waitFor();
      const trail = page.getByRole("table", {
        name: "Journal des modifications de la candidature",
      });
      await trail.waitFor();
      await trail
        .getByText(/state : .+ → Visite préparatoire effectuée/)
        .first()
        .waitFor();

      // And its dossier, a network's: the common strategies.
      await page.getByRole("link", { name: /^Lire le dossier déposé le / }).click();
      await waitForPage(page, "Synthèse du dossier déposé");
      await page.getByRole("link", { name: "Stratégies communes" }).first().click();
      await waitForPage(page, "Stratégies communes du réseau");
      expect(
        await page.getByText("Aucune stratégie commune rédigée pour ce critère.").count(),
      ).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
