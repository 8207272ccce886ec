/**
 * The journey of the school portal, in the real browser against the real API and PostgreSQL: the head
 * of a lead school logs in, creates a network candidature with a co-applicant establishment, fills a
 * criterion, follows an indicator over three school years, uploads an evidence file, resolves a
 * conflict on a common strategy with the co-applicant's head (two browser contexts), and submits.
 *
 * What the journey is not about (engagement documents, the DRAFPIC opening the dossier, the rest of the
 * dossier, the co-applicant's approval) goes through the API, as another user would do it meanwhile.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ApiClient } from "./support/api";
import { expectNoSeriousViolations } from "./support/axe";
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  waitForPage,
  watchPageErrors,
} from "./support/browser";
import {
  approveSubmission,
  completeDossier,
  createHead,
  fileEngagementDocuments,
  findEstablishment,
  headSession,
  lastSchoolYears,
  readiness,
  transition,
  type Head,
} from "./support/dossier";
import { makePdf } from "./support/files";

// An establishment in no candidature of the demo data (one open candidature per establishment: the
// demo heads' establishments already take part in the Riviera network).
const LEAD_EMAIL = "proviseure.sainte-marthe@e2e.ldm.fr";
const LEAD_PASSWORD = "Antibes-Sainte-Marthe-2026!";
const LEAD_SCHOOL = "Lycée professionnel privé Sainte-Marthe";
const CO_SCHOOL = "Lycée professionnel de la Vallée du Var";
const CO_EMAIL = "proviseur.vallee-du-var@e2e.ldm.fr";
const CO_PASSWORD = "Carros-Vallee-du-Var-2026!";
const TITLE = "Lycée des métiers de la gastronomie et de l'accueil touristique";
const INDICATOR = "Taux de poursuite d'études en BTS";
const EVIDENCE = "Compte rendu du conseil pédagogique sur l'offre de formation";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let browser: Browser;
let lead: { context: BrowserContext; page: Page; errors: string[] };
let co: { context: BrowserContext; page: Page; errors: string[] } | null = null;
let leadApi: Head;
let coApi: Head;
let candidatureId = "";

/**
 * Accessibility of the states the journey goes through (a form filled in, a success message, the
 * conflict screen…): checked on the way, reported at the end, so that the journey itself goes on.
 */
const a11yProblems: string[] = [];
async function auditState(page: Page, label: string): Promise<void> {
  try {
    await expectNoSeriousViolations(page, label);
  } catch (error) {
    a11yProblems.push(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The steps depend on each other: after a failed step, the next ones are not run (they would only
 * fail for the same reason).
 */
let failedStep: string | null = null;
function step(name: string, fn: () => Promise<void>, timeout?: number): void {
  it(
    name,
    async () => {
      if (failedStep) throw new Error(`Non exécuté : l'étape « ${failedStep} » a échoué.`);
      try {
        await fn();
      } catch (error) {
        failedStep = name;
        const pageErrors = [...(lead?.errors ?? []), ...(co?.errors ?? [])];
        if (pageErrors.length > 0 && error instanceof Error) {
          error.message += `\n\nErreurs signalées par la page :\n${pageErrors.join("\n")}`;
        }
        throw error;
      }
    },
    timeout,
  );
}

async function openBrowserSession(email: string, password?: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await logInThroughUi(page, email, password);
  return { context, page, errors };
}

function candidaturePath(section?: string): string {
  return section ? `/candidatures/${candidatureId}/${section}` : `/candidatures/${candidatureId}`;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // Neither head has an account in the demo data: the DRAFPIC creates them.
  const drafpic = await ApiClient.loggedIn("drafpic@demo.ldm.fr");
  const leadSchool = await findEstablishment(drafpic, "Antibes");
  await createHead(drafpic, {
    email: LEAD_EMAIL,
    fullName: "Hélène Marchetti",
    establishmentId: leadSchool.id,
    password: LEAD_PASSWORD,
  });
  const coSchool = await findEstablishment(drafpic, "Carros");
  await createHead(drafpic, {
    email: CO_EMAIL,
    fullName: "Paul Ravel",
    establishmentId: coSchool.id,
    password: CO_PASSWORD,
  });
  leadApi = await headSession(LEAD_EMAIL, LEAD_PASSWORD);
  coApi = await headSession(CO_EMAIL, CO_PASSWORD);
  lead = await openBrowserSession(LEAD_EMAIL, LEAD_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
});

describe("parcours d'une candidature en réseau, dans le navigateur", () => {
  step("la cheffe d'établissement crée une candidature en réseau avec un cocandidat", async () => {
    const { page } = lead;
    await page.getByRole("link", { name: "Nouvelle candidature" }).click();
    await waitForPage(page, "Nouvelle candidature");
    await page.getByRole("radio", { name: /Candidature en réseau/ }).check({ force: true });
    await page.getByRole("textbox", { name: /Intitulé du label envisagé/ }).fill(TITLE);
    await page.getByRole("searchbox", { name: /Nom, UAI ou commune/ }).fill("Carros");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await page.getByRole("button", { name: `Ajouter ${CO_SCHOOL}` }).click();
    await page.getByText("2 établissements retenus").waitFor();
    await auditState(page, "nouvelle candidature en réseau, cocandidat retenu");
    await page.getByRole("button", { name: "Créer la candidature" }).click();

    await page.waitForURL(new RegExp(`/candidatures/${UUID.source}$`));
    candidatureId = UUID.exec(page.url())![0];
    await waitForPage(page, TITLE);
    await page.getByText("Engagement en cours").first().waitFor();
    const main = page.getByRole("main");
    await main.getByText(CO_SCHOOL).first().waitFor();
    await main.getByText(LEAD_SCHOOL).first().waitFor();
  });

  step("l'engagement est reçu et la DRAFPIC ouvre le dossier (API)", async () => {
    await fileEngagementDocuments(candidatureId, [leadApi, coApi]);
    const drafpic = await ApiClient.loggedIn("drafpic@demo.ldm.fr");
    expect(await transition(drafpic, candidatureId, "OPEN_DOSSIER")).toBe("DOSSIER_OPEN");
    await lead.page.reload();
    await waitForPage(lead.page, TITLE);
    await lead.page.getByText("Dossier ouvert").first().waitFor();
  });

  step("elle remplit le critère 1 : les quatre temps, le niveau et les attendus", async () => {
    const { page } = lead;
    await page.goto(candidaturePath("criteres/1"));
    await waitForPage(page, /^Critère 1 — /);
    const texts: [string, string][] = [
      ["Ce qui est prévu", "Construire l'offre de formation avec les branches de l'hôtellerie."],
      ["Ce qui est fait", "Ouverture d'une mention complémentaire « cuisinier en desserts »."],
      ["Ce qui est mesuré", "Taux de remplissage et de poursuite d'études, chaque trimestre."],
      [
        "Ce qui est amélioré",
        "Carte des formations ajustée avec le comité local école-entreprise.",
      ],
    ];
    for (const [label, text] of texts) {
      await page.getByRole("textbox", { name: label, exact: true }).fill(text);
    }
    await page.getByRole("radio", { name: "Atteint", exact: true }).check({ force: true });
    const expectations = page
      .getByRole("group", { name: /Attendus du cahier des charges traités/ })
      .getByRole("checkbox");
    const count = await expectations.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expectations.nth(i).check({ force: true });
    await page.getByRole("button", { name: "Enregistrer l'auto-évaluation" }).click();
    await page.getByText(/Auto-évaluation enregistrée \(version 1,/).waitFor();
    await auditState(page, "critère 1 enregistré");

    // Saved as typed: the API has the four steps, the level and every expectation.
    const { candidature } = await leadApi.client.ok<{
      candidature: {
        criteria: { code: string; expectations: { id: string }[] }[];
        responses: {
          criterionCode: string;
          establishment: { id: string };
          planned: string;
          improved: string;
          selfAssessedLevel: string | null;
          addressedExpectationIds: string[];
        }[];
      };
    }>(
      `query E2eCriterion($id: ID!) { candidature(id: $id) {
        criteria { code expectations { id } }
        responses { criterionCode establishment { id } planned improved selfAssessedLevel addressedExpectationIds }
      } }`,
      { id: candidatureId },
    );
    const response = candidature.responses.find(
      (r) => r.criterionCode === "1" && r.establishment.id === leadApi.establishmentId,
    );
    expect(response?.selfAssessedLevel).toBe("MET");
    expect(response?.planned).toContain("branches de l'hôtellerie");
    expect(response?.improved).toContain("comité local école-entreprise");
    expect([...(response?.addressedExpectationIds ?? [])].sort()).toEqual(
      candidature.criteria
        .find((c) => c.code === "1")!
        .expectations.map((e) => e.id)
        .sort(),
    );
  });

  step("elle suit un indicateur sur trois années scolaires", async () => {
    const { page } = lead;
    await page.goto(candidaturePath("indicateurs"));
    await waitForPage(page, "Indicateurs");
    const form = page.getByRole("form", { name: "Ajouter un indicateur" });
    await form.getByRole("textbox", { name: "Intitulé de l'indicateur" }).fill(INDICATOR);
    await form.getByRole("textbox", { name: /^Unité/ }).fill("%");
    await form.getByRole("textbox", { name: /^Cible/ }).fill("40 %");
    await form.getByRole("textbox", { name: /^Source de la donnée/ }).fill("Pronote");
    await form.getByRole("checkbox", { name: /^Critère 1 — / }).check({ force: true });
    await form.getByRole("button", { name: "Créer l'indicateur" }).click();
    await page.getByText(`Indicateur « ${INDICATOR} » créé`).waitFor();

    const values = page.getByRole("group", { name: `Saisir une valeur : ${INDICATOR}` });
    const years = lastSchoolYears();
    for (const [i, year] of years.entries()) {
      await values.getByRole("textbox", { name: /^Année scolaire/ }).fill(year);
      await values.getByRole("textbox", { name: "Valeur (%)" }).fill(String(31 + 4 * i));
      await values.getByRole("button", { name: "Enregistrer la valeur" }).click();
      await page.getByText(`Valeur de ${year} enregistrée.`).waitFor();
    }
    // The table of the lead's establishment shows the three years.
    const table = page.getByRole("table", {
      name: `Indicateurs de ${LEAD_SCHOOL} par année scolaire`,
    });
    const row = table.getByRole("row", { name: new RegExp(INDICATOR) });
    for (const year of years) {
      await table.getByRole("columnheader", { name: year }).waitFor();
    }
    await row.getByText(/31/).first().waitFor();
    await row.getByText(/39/).first().waitFor();
    await auditState(page, "indicateurs, valeurs saisies");
  });

  step(
    "elle dépose une pièce justificative (PDF) et la retrouve dans la bibliothèque",
    async () => {
      const { page } = lead;
      await page.goto(candidaturePath("pieces-justificatives"));
      await waitForPage(page, "Pièces justificatives");
      const form = page.getByRole("form", { name: "Ajouter une pièce justificative" });
      await form.getByRole("textbox", { name: "Titre de la pièce" }).fill(EVIDENCE);
      await form
        .getByRole("combobox", { name: "Nature de la pièce" })
        .selectOption({ label: "Compte rendu de réunion" });
      await form.getByRole("checkbox", { name: /^Critère 1 — / }).check({ force: true });
      // Dropped on the drop zone, as with a mouse from the file manager.
      const pdf = makePdf("Conseil pedagogique du 14 octobre : offre de formation");
      const dataTransfer = await page.evaluateHandle(
        (bytes: number[]) => {
          const transfer = new DataTransfer();
          const file = new File([new Uint8Array(bytes)], "conseil-pedagogique.pdf", {
            type: "application/pdf",
          });
          transfer.items.add(file);
          return transfer;
        },
        [...pdf],
      );
      const zone = form.getByTestId("drop-zone");
      await zone.dispatchEvent("dragover", { dataTransfer });
      await zone.dispatchEvent("drop", { dataTransfer });
      await form.getByText(/Fichier choisi : conseil-pedagogique\.pdf/).waitFor();
      await form.getByRole("button", { name: "Envoyer la pièce" }).click();
      await page
        .getByText("Fichier « conseil-pedagogique.pdf » enregistré (version 1).")
        .waitFor({ timeout: 30_000 });

      // In the library (whatever its layout): the title of the new piece.
      await page.getByRole("main").getByText(EVIDENCE, { exact: true }).first().waitFor();
      await auditState(page, "pièce justificative envoyée");
      // The file is the one sent, served back to the session.
      const { candidature } = await leadApi.client.ok<{
        candidature: {
          evidence: { title: string; criterionCodes: string[]; downloadUrl: string }[];
        };
      }>(
        `query E2eEvidence($id: ID!) { candidature(id: $id) { evidence { title criterionCodes downloadUrl } } }`,
        {
          id: candidatureId,
        },
      );
      const sent = candidature.evidence.find((e) => e.title === EVIDENCE);
      expect(sent?.criterionCodes).toEqual(["1"]);
      const download = await lead.context.request.get(sent!.downloadUrl);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    },
  );

  step(
    "deux chefs d'établissement modifient la même stratégie commune : conflit, fusion",
    async () => {
      co = await openBrowserSession(CO_EMAIL, CO_PASSWORD);
      const pages = [lead.page, co.page];
      for (const page of pages) {
        await page.goto(candidaturePath("strategies-communes"));
        await waitForPage(page, "Stratégies communes");
      }
      const leadText = "Un comité de réseau réunit chaque trimestre les entreprises partenaires.";
      const coText = "Des stages croisés entre les deux lycées pour les élèves de seconde.";
      const field = (page: Page) =>
        page.getByRole("textbox", { name: "Stratégie commune du critère 4", exact: true });
      // Both start from the same (empty) version.
      await field(lead.page).fill(leadText);
      await field(co.page).fill(coText);

      await lead.page
        .getByRole("button", { name: "Enregistrer la stratégie du critère 4" })
        .click();
      await lead.page.getByText("Stratégie enregistrée (version 1).").waitFor();

      await co.page.getByRole("button", { name: "Enregistrer la stratégie du critère 4" }).click();
      const conflict = co.page.getByRole("alert").filter({
        hasText: "Quelqu'un a modifié cette stratégie pendant que vous écriviez",
      });
      await conflict.waitFor();
      // Both versions are shown: the saved one (the lead's) and the co-applicant's draft.
      const saved = co.page.getByRole("region", { name: "Version enregistrée (version 1)" });
      const mine = co.page.getByRole("region", {
        name: "Votre brouillon (à partir de la version 0)",
      });
      await saved.getByText(leadText).waitFor();
      await mine.getByText(coText).waitFor();
      await auditState(co.page, "stratégie commune, écran de conflit");

      // Merge: the draft, then the saved version after it; saved on version 1.
      await co.page
        .getByRole("button", { name: "Ajouter la version enregistrée à la suite" })
        .click();
      const merged = co.page.getByRole("textbox", { name: "Texte fusionné", exact: true });
      await expect(merged.inputValue()).resolves.toContain(coText);
      await expect(merged.inputValue()).resolves.toContain(leadText);
      await co.page
        .getByRole("button", { name: "Enregistrer le texte fusionné (sur la version 1)" })
        .click();
      await co.page.getByText("Stratégie enregistrée (version 2).").waitFor();

      // The lead sees the merged text once she reloads.
      await lead.page.reload();
      await waitForPage(lead.page, "Stratégies communes");
      const reloaded = await field(lead.page).inputValue();
      expect(reloaded).toContain(leadText);
      expect(reloaded).toContain(coText);
      const { candidature } = await leadApi.client.ok<{
        candidature: {
          commonStrategies: { criterionCode: string; version: number; text: string }[];
        };
      }>(
        `query E2eStrategies($id: ID!) { candidature(id: $id) { commonStrategies { criterionCode version text } } }`,
        {
          id: candidatureId,
        },
      );
      const strategy = candidature.commonStrategies.find((s) => s.criterionCode === "4");
      expect(strategy?.version).toBe(2);
      expect(strategy?.text).toContain("comité de réseau");
      expect(strategy?.text).toContain("stages croisés");
    },
  );

  step(
    "le reste du dossier est complété et le cocandidat approuve (API)",
    async () => {
      await completeDossier(candidatureId, leadApi, [leadApi, coApi]);
      await approveSubmission(candidatureId, [coApi]);
      const state = await readiness(leadApi.client, candidatureId);
      if (!state.ready) throw new Error(`Dossier incomplet :\n- ${state.missing.join("\n- ")}`);
    },
    60_000,
  );

  step("elle dépose le dossier : « Dossier déposé »", async () => {
    const { page } = lead;
    await page.goto(candidaturePath("preparation-et-depot"));
    await waitForPage(page, "État de préparation et dépôt");
    await page.getByText("Dossier complet").first().waitFor();
    await auditState(page, "dossier complet, avant le dépôt");
    await page.getByRole("button", { name: "Déposer le dossier" }).click();
    await page.getByRole("button", { name: "Confirmer le dépôt du dossier" }).click();
    await page.getByText(/^Dossier déposé le /).waitFor();
    await auditState(page, "dossier déposé");

    await page.goto(candidaturePath());
    await waitForPage(page, TITLE);
    await page.getByRole("main").getByText("Dossier déposé", { exact: true }).first().waitFor();
    const { candidature } = await leadApi.client.ok<{
      candidature: { state: string; submittedDossier: { sha256: string } | null };
    }>(
      `query E2eSubmitted($id: ID!) { candidature(id: $id) { state submittedDossier { sha256 } } }`,
      {
        id: candidatureId,
      },
    );
    expect(candidature.state).toBe("SUBMITTED");
    expect(candidature.submittedDossier?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accessibilité des écrans du parcours : aucune violation grave ou critique", () => {
    if (a11yProblems.length > 0) throw new Error(a11yProblems.join("\n\n"));
  });

  it("aucune erreur non rattrapée dans les pages", () => {
    const uncaught = [...lead.errors, ...(co?.errors ?? [])].filter((e) =>
      e.startsWith("pageerror"),
    );
    expect(uncaught).toEqual([]);
  });
});
