/**
 * Accessibility of every main page of the auditor portal, in the real browser with the demo data:
 * axe-core finds no serious or critical violation, at desktop and phone widths. The auditor's pages
 * as the demo auditor (a dossier she audited, a PDF open), the regional team's as DRAFPIC (the
 * pipeline, a network candidature and its dossier).
 *
 * `E2E_SCREENSHOTS=<folder>` also saves a full-page screenshot of each page checked.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoSeriousViolations } from "./support/axe";
import {
  DESKTOP,
  launchBrowser,
  logInThroughUi,
  MOBILE,
  newContext,
  portalPath,
  waitForPage,
  watchPageErrors,
} from "./support/browser";

const GRASSE = "Lycée des métiers de la parfumerie, de la cosmétique et de l'esthétique";
const MONTAGNE = "Lycée des métiers de la montagne : tourisme, construction bois et pleine nature";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const DEVICES = [
  ["sur ordinateur", DESKTOP],
  ["sur téléphone", MOBILE],
] as const;

/** Checks the page with axe, and saves its screenshot when asked. */
async function check(page: Page, label: string, viewport: { width: number }): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    const slug = label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase();
    const name = `${slug}-${viewport.width}.png`;
    await page.screenshot({ path: path.join(dir, name), fullPage: true });
  }
  await expectNoSeriousViolations(page, `${label} (${viewport.width} px)`);
}

/** The path of the candidature's page, from a link to it. */
async function hrefOf(page: Page, name: string): Promise<string> {
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  if (!href) throw new Error(`Lien « ${name} » introuvable.`);
  return href;
}

describe("accessibilité (axe-core) : aucune violation grave ou critique", () => {
  it.each(DEVICES)("la page de connexion, %s", async (_device, viewport) => {
    const context = await newContext(browser, viewport);
    try {
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(portalPath("/connexion"));
      await waitForPage(page, "Connexion au portail des auditeurs");
      await check(page, "connexion", viewport);
      await page.getByLabel("Adresse électronique").fill("auditrice@demo.ldm.fr");
      await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe-2026");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByText("Connexion impossible").waitFor();
      await check(page, "connexion refusée", viewport);
      expect(errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe.each(DEVICES)("connectée comme auditrice, %s", (_device, viewport) => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let dossier = "";

    beforeAll(async () => {
      context = await newContext(browser, viewport);
      page = await context.newPage();
      errors = watchPageErrors(page);
      await logInThroughUi(page, "auditrice@demo.ldm.fr", "Mes audits");
    });

    afterAll(async () => {
      await context?.close();
    });

    afterEach(() => {
      expect(errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
    });

    it("Mes audits", async () => {
      await page.getByRole("region", { name: GRASSE }).waitFor();
      await check(page, "mes audits", viewport);
      dossier = await hrefOf(page, GRASSE);
    });

    it("la synthèse du dossier déposé", async () => {
      await page.goto(dossier);
      await waitForPage(page, "Synthèse du dossier déposé");
      await check(page, "synthèse du dossier", viewport);
    });

    it("un critère, attendus dépliés", async () => {
      await page.goto(`${dossier}/criteres/4`);
      await waitForPage(page, /^Critère 4 — /);
      await page
        .getByRole("button", { name: /Attendus du cahier des charges traités/ })
        .first()
        .click();
      await check(page, "critère 4", viewport);
    });

    it("les indicateurs", async () => {
      await page.goto(`${dossier}/indicateurs`);
      await waitForPage(page, "Indicateurs");
      await check(page, "indicateurs", viewport);
    });

    it("les pièces justificatives, un PDF ouvert", async () => {
      await page.goto(`${dossier}/pieces-justificatives`);
      await waitForPage(page, "Pièces justificatives");
      await page.getByRole("row").filter({ hasText: "PDF," }).first().getByRole("link").click();
      await page.locator("iframe[src^='blob:']").waitFor();
      await check(page, "pièce justificative PDF", viewport);
    });

    it("la candidature et ses étapes", async () => {
      await page.goto(dossier.replace(/\/dossier$/, ""));
      await waitForPage(page, GRASSE);
      await check(page, "candidature (auditrice)", viewport);
    });
  });

  describe.each(DEVICES)("connectée comme DRAFPIC, %s", (_device, viewport) => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let candidature = "";

    beforeAll(async () => {
      context = await newContext(browser, viewport);
      page = await context.newPage();
      errors = watchPageErrors(page);
      await logInThroughUi(page, "drafpic@demo.ldm.fr", "Suivi des candidatures");
    });

    afterAll(async () => {
      await context?.close();
    });

    afterEach(() => {
      expect(errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
    });

    it("le suivi des candidatures", async () => {
      await page.getByRole("heading", { level: 2, name: /^Dossier déposé/ }).waitFor();
      await check(page, "suivi des candidatures", viewport);
      candidature = await hrefOf(page, MONTAGNE);
    });

    it("une candidature, son historique et son journal", async () => {
      await page.goto(candidature);
      await waitForPage(page, MONTAGNE);
      await page
        .getByRole("table", { name: "Journal des modifications de la candidature" })
        .waitFor();
      await check(page, "candidature (DRAFPIC)", viewport);
    });

    it("les stratégies communes d'un dossier en réseau", async () => {
      await page.goto(`${candidature}/dossier/strategies-communes`);
      await waitForPage(page, "Stratégies communes du réseau");
      await check(page, "stratégies communes", viewport);
    });

    it("une page inconnue", async () => {
      await page.goto(portalPath("/nulle-part"));
      await waitForPage(page, "Page introuvable");
      await check(page, "page introuvable", viewport);
    });
  });
});
