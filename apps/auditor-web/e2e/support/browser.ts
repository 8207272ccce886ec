/**
 * Debian's chromium driven by playwright-core (no browser is ever downloaded): launch, a French page
 * on the e2e server (the auditor portal under `/auditeurs/`), and logging in through its own form.
 */
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { baseUrl } from "./server-handle";

export const DEMO_PASSWORD = "Lycee-des-metiers-2026!";

/** `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` (installed by `.ci/run` when missing). */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium introuvable (${executable}) : apt-get install -y --no-install-recommends chromium, ou CHROMIUM_PATH.`,
    );
  }
  return executable;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
/** A phone (the DSFR is responsive: side menu folded, tables scrolled). */
export const MOBILE = { width: 390, height: 844 };

/** A fresh context (its own cookies: one user) on the e2e server, in French, Paris time. */
export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/**
 * Collects what the page reports as broken (uncaught errors, `console.error`): shown when a test fails
 * and checked by `expectNoPageErrors`.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

/** The portal's base path on the server (the API serves it at `/auditeurs/`). */
export const PORTAL_BASE = "/auditeurs";

/** A page of the portal: `portalPath("/audits")` is `/auditeurs/audits`. */
export function portalPath(path: string): string {
  return `${PORTAL_BASE}${path}`;
}

/**
 * Logs in through the portal's login page (`/auditeurs/connexion`) and waits for the account's home:
 * « Mes audits » for an auditor, « Suivi des candidatures » for the regional team.
 */
export async function logInThroughUi(
  page: Page,
  email: string,
  home: string | RegExp,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(portalPath("/connexion"));
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/connexion"));
  await waitForPage(page, home);
}

/** Waits until the page shows its content: a first-level heading and no « Chargement… » left. */
export async function waitForPage(page: Page, heading?: string | RegExp): Promise<void> {
  await page
    .getByRole("heading", { level: 1, ...(heading !== undefined ? { name: heading } : {}) })
    .first()
    .waitFor();
  await page.getByText("Chargement…").first().waitFor({ state: "detached", timeout: 15_000 });
}
