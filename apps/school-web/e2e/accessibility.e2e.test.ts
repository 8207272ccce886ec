/**
 * Accessibility of every main page of the portal, in the real browser with the demo data: axe-core
 * finds no serious or critical violation. Logged in as the head of the lead school of the Riviera
 * network candidature (dossier open), so that every page shows real content.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoSeriousViolations } from "./support/axe";
import {
  DESKTOP,
  launchBrowser,
  MOBILE,
  logInThroughUi,
  newContext,
  waitForPage,
  watchPageErrors,
} from "./support/browser";

const HEAD = "cheffe@demo.ldm.fr";
const RIVIERA = "Lycée des métiers de l'hôtellerie, de la restauration et du tourisme";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("accessibilité (axe-core) : aucune violation grave ou critique", () => {
  it.each([
    ["sur ordinateur", DESKTOP],
    ["sur téléphone", MOBILE],
  ])("la page de connexion, %s", async (device, viewport) => {
    const context = await newContext(browser, viewport);
    const label = (what: string) => `${what} (${device}, ${viewport.width} px)`;
    try {
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto("/connexion");
      await waitForPage(page, "Connexion au portail des établissements");
      await expectNoSeriousViolations(page, label("connexion"));
      // A refused login shows its alert: the page stays accessible with it.
      await page.getByLabel("Adresse électronique").fill(HEAD);
      await page.getByLabel("Mot de passe").fill("mauvais-mot-de-passe-2026");
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.getByText("Connexion impossible").waitFor();
      await expectNoSeriousViolations(page, label("connexion refusée"));
      expect(errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe.each([
    ["sur ordinateur", DESKTOP],
    ["sur téléphone", MOBILE],
  ])("connectée comme cheffe d'établissement du lycée porteur, %s", (device, viewport) => {
    const check = (page: Page, label: string) =>
      expectNoSeriousViolations(page, `${label} (${device}, ${viewport.width} px)`);
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    /** The Riviera candidature's overview (`/candidatures/<id>`). */
    let overview = "";

    beforeAll(async () => {
      context = await newContext(browser, viewport);
      page = await context.newPage();
      errors = watchPageErrors(page);
      await logInThroughUi(page, HEAD);
    });

    afterAll(async () => {
      await context?.close();
    });

    afterEach(() => {
      // Uncaught exceptions in the page are bugs wherever they happen.
      const uncaught = errors.filter((e) => e.startsWith("pageerror"));
      errors.length = 0;
      expect(uncaught).toEqual([]);
    });

    it("« Mes candidatures »", async () => {
      await page.goto("/candidatures");
      await waitForPage(page, "Mes candidatures");
      await page.getByRole("link", { name: RIVIERA }).first().waitFor();
      await check(page, "Mes candidatures");
    });

    it("la vue d'ensemble d'une candidature", async () => {
      await page.goto("/candidatures");
      await page.getByRole("link", { name: RIVIERA }).first().click();
      await page.waitForURL(/\/candidatures\/[0-9a-f-]{36}$/);
      overview = new URL(page.url()).pathname;
      await waitForPage(page);
      await check(page, "vue d'ensemble");
    });

    const sections: [string, string][] = [
      ["l'équipe de pilotage", "equipe"],
      ["un critère (critère 1)", "criteres/1"],
      ["un critère à stratégie commune (critère 4)", "criteres/4"],
      ["les indicateurs", "indicateurs"],
      ["les pièces justificatives", "pieces-justificatives"],
      ["les stratégies communes du réseau", "strategies-communes"],
      ["l'état de préparation et le dépôt", "preparation-et-depot"],
      ["les exports", "exports"],
      ["le programme de la journée d'audit", "programme-audit"],
    ];

    it.each(sections)("%s", async (label, section) => {
      expect(overview).toMatch(/^\/candidatures\/[0-9a-f-]{36}$/);
      await page.goto(`${overview}/${section}`);
      await waitForPage(page);
      await check(page, label);
    });

    it("la création d'une candidature", async () => {
      await page.goto("/candidatures/nouvelle");
      await waitForPage(page, "Nouvelle candidature");
      await check(page, "nouvelle candidature");
      // A network: the co-applicants' search and its results (nothing is created).
      await page.getByRole("radio", { name: /Candidature en réseau/ }).check({ force: true });
      await page.getByRole("searchbox", { name: /Nom, UAI ou commune/ }).fill("Carros");
      await page.getByRole("button", { name: "Rechercher", exact: true }).click();
      await page
        .getByRole("button", { name: /^Ajouter/ })
        .first()
        .waitFor();
      await check(page, "nouvelle candidature en réseau, recherche");
    });

    it("une page introuvable", async () => {
      await page.goto("/nulle-part");
      await waitForPage(page, "Page introuvable");
      await check(page, "page introuvable");
    });
  });
});
