/**
 * Accessibility checks with axe-core, injected into the page from the installed package (no network):
 * a page passes when axe finds no violation of impact « serious » or « critical ».
 */
import fs from "node:fs";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";

let axeSource: string | null = null;

function axeScript(): string {
  axeSource ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

const BLOCKING = new Set(["serious", "critical"]);

/** Runs axe on the whole document (WCAG 2.x A and AA rules, and axe's best practices). */
export async function runAxe(page: Page): Promise<AxeResults> {
  const injected = await page.evaluate(() => "axe" in window);
  if (!injected) await page.addScriptTag({ content: axeScript() });
  return page.evaluate(() => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
}

/** The violations that fail the check (impact serious or critical). */
export function blockingViolations(results: AxeResults): Result[] {
  return results.violations.filter((v) => v.impact != null && BLOCKING.has(v.impact));
}

/** One readable block per violation: rule id, impact, help, link, and each element's target. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = n.failureSummary?.split("\n").slice(0, 3).join(" ") ?? "";
          return `    - ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join("\n");
      return `  [${v.impact ?? "?"}] ${v.id} : ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n");
}

/**
 * Fails with the list of serious or critical violations of the page (`label`: which page, for the
 * message). Returns the minor and moderate ones, for information.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<Result[]> {
  const results = await runAxe(page);
  const blocking = blockingViolations(results);
  if (blocking.length > 0) {
    throw new Error(
      `Accessibilité — ${label} (${page.url()}) : ${blocking.length} violation(s) graves ou critiques :\n${formatViolations(blocking)}`,
    );
  }
  return results.violations.filter((v) => !blocking.includes(v));
}
