/**
 * The public registry page, served by the platform without authentication nor JavaScript: GET /registre
 * lists the establishments labelled today (title, validity), by académie; `?academie=NICE` keeps one.
 * Server-rendered French HTML in the DSFR's spirit (Marianne when installed, its blue, its table
 * style), accessible: language, skip link, landmarks, a captioned table per académie with column
 * headers, visible focus, sufficient contrast. The same data as the `publicLabelRegistry` query.
 */
import { createHash } from "node:crypto";
import type express from "express";
import { ACADEMIES, formatFrenchDate, isAcademieCode, type AcademieCode } from "@ldm/domain";
import { createContext } from "../../context";
import type { HttpDeps } from "../../http/request-context";
import { errorAnswer } from "../../common/errors";
import { publicRegistry, type PublicRegistryEntry } from "./label.service";

export const REGISTRY_PATH = "/registre";

const CSS = `
:root{--blue:#000091;--ink:#161616;--grey:#3a3a3a;--line:#dddddd;--zebra:#f6f6f6;--light:#f5f5fe}
*{box-sizing:border-box}
body{margin:0;font-family:Marianne,arial,sans-serif;color:var(--ink);line-height:1.5;background:#fff}
a{color:var(--blue)}
a:focus,a:focus-visible{outline:2px solid #0a76f6;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;top:1rem}
header{border-bottom:1px solid var(--line);box-shadow:0 2px 4px rgba(0,0,18,.08)}
.bar{max-width:78rem;margin:0 auto;padding:1rem 1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
.logo{font-weight:700;text-transform:uppercase;font-size:.95rem;line-height:1.1;border-left:0;letter-spacing:.01em}
.service{font-weight:700;font-size:1.15rem}
.service small{display:block;font-weight:400;font-size:.85rem;color:var(--grey)}
main{max-width:78rem;margin:0 auto;padding:2rem 1.5rem 3rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.5rem;margin:2.5rem 0 .75rem}
.lead{font-size:1.1rem;max-width:52rem}
nav ul{list-style:none;padding:0;margin:1.5rem 0;display:flex;gap:.5rem;flex-wrap:wrap}
nav a{display:inline-block;padding:.25rem .75rem;border:1px solid var(--blue);border-radius:1rem;text-decoration:none}
nav a[aria-current=page]{background:var(--blue);color:#fff}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;color:var(--grey);padding:.25rem 0 .5rem;font-size:.95rem}
th,td{padding:.6rem .75rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
thead th{background:var(--light);border-bottom:2px solid var(--blue)}
tbody tr:nth-child(even){background:var(--zebra)}
.uai{color:var(--grey);font-size:.85rem;font-weight:400;white-space:nowrap}
.empty{padding:1rem;background:var(--light);border-left:4px solid var(--blue)}
footer{border-top:1px solid var(--line);color:var(--grey);font-size:.85rem}
footer p{max-width:78rem;margin:0 auto;padding:1rem 1.5rem}
`;
const CSS_HASH = createHash("sha256").update(CSS).digest("base64");

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** « Académie d'Aix-Marseille », « Académie de Nice ». */
function academieTitle(name: string): string {
  return `Académie ${/^[AEIOUY]/i.test(name) ? "d'" : "de "}${name}`;
}

function academieTable(name: string, entries: readonly PublicRegistryEntry[]): string {
  const id = `academie-${entries[0]?.academieCode.toLowerCase() ?? "x"}`;
  const count = `${entries.length} établissement${entries.length > 1 ? "s" : ""} labellisé${entries.length > 1 ? "s" : ""}`;
  const rows = entries
    .map(
      (e) => `<tr>
<th scope="row">${escapeHtml(e.establishmentName)}<br><span class="uai">UAI ${escapeHtml(e.uai)}</span></th>
<td>${escapeHtml(e.city)} (${escapeHtml(e.departementCode)})</td>
<td>${escapeHtml(e.title)}</td>
<td>du ${escapeHtml(formatFrenchDate(e.startDate))} au ${escapeHtml(formatFrenchDate(e.endDate))}</td>
</tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(academieTitle(name))}</h2>
<div class="table"><table>
<caption>${escapeHtml(academieTitle(name))} : ${count}</caption>
<thead><tr><th scope="col">Établissement</th><th scope="col">Commune</th><th scope="col">Intitulé du label</th><th scope="col">Validité</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
}

/** The page's HTML for `entries` (already filtered), as of `today`. */
export function registryHtml(
  entries: readonly PublicRegistryEntry[],
  options: { today: string; academie: AcademieCode | null },
): string {
  const shown = ACADEMIES.filter((a) => options.academie === null || a.code === options.academie);
  const sections = shown
    .map((a) => {
      const own = entries.filter((e) => e.academieCode === a.code);
      return own.length === 0
        ? `<section><h2>${escapeHtml(academieTitle(a.name))}</h2><p class="empty">Aucun établissement labellisé à ce jour.</p></section>`
        : academieTable(a.name, own);
    })
    .join("\n");
  const link = (code: AcademieCode | null, label: string) =>
    `<li><a href="${REGISTRY_PATH}${code ? `?academie=${code}` : ""}"${options.academie === code ? ' aria-current="page"' : ""}>${escapeHtml(label)}</a></li>`;
  const title = "Registre des lycées des métiers — région académique Provence-Alpes-Côte d'Azur";
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="Établissements titulaires du label « Lycée des métiers » en région académique PACA : intitulé et validité du label.">
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header><div class="bar"><p class="logo">République<br>française</p><p class="service">Label « Lycée des métiers »<small>Région académique Provence-Alpes-Côte d'Azur — DRAFPIC</small></p></div></header>
<main id="contenu" tabindex="-1">
<h1>Registre des lycées des métiers</h1>
<p class="lead">Établissements titulaires du label « Lycée des métiers » au ${escapeHtml(formatFrenchDate(options.today))}, avec l'intitulé de leur label et sa période de validité (cinq ans à compter de sa publication au Bulletin officiel de l'éducation nationale).</p>
<nav aria-label="Filtrer par académie"><ul>
${link(null, "Toutes les académies")}
${ACADEMIES.map((a) => link(a.code, academieTitle(a.name))).join("\n")}
</ul></nav>
<p>${entries.length} établissement${entries.length > 1 ? "s" : ""} labellisé${entries.length > 1 ? "s" : ""}.</p>
${sections}
</main>
<footer><p>Données publiques du registre des labels, également disponibles par la requête GraphQL <code>publicLabelRegistry</code>.</p></footer>
</body>
</html>
`;
}

/** Mounts GET /registre (public). */
export function mountRegistryPage(app: express.Express, deps: HttpDeps): void {
  app.get(REGISTRY_PATH, async (req, res) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    try {
      const requested = typeof req.query.academie === "string" ? req.query.academie : null;
      const academie = requested && isAcademieCode(requested) ? requested : null;
      if (requested !== null && academie === null) {
        res.status(404).type("html").setHeader("Cache-Control", "no-store");
        res.send(
          `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Académie inconnue</title></head><body><main><h1>Académie inconnue</h1><p>L'académie « ${escapeHtml(requested)} » n'existe pas dans la région académique PACA (AIX_MARSEILLE ou NICE). <a href="${REGISTRY_PATH}">Voir tout le registre</a>.</p></main></body></html>`,
        );
        return;
      }
      const ctx = createContext(deps.dataSource, deps.auth, {
        events: deps.events,
        ...(deps.clock ? { clock: deps.clock } : {}),
      });
      const entries = await publicRegistry(ctx, { academieCode: academie });
      res.status(200).type("html").setHeader("Cache-Control", "public, max-age=300");
      res.send(registryHtml(entries, { today: ctx.clock.today(), academie }));
    } catch (error) {
      const answer = errorAnswer(error, { where: "registre public" });
      res.status(answer.status).type("html").setHeader("Cache-Control", "no-store");
      res.send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Registre indisponible</title></head><body><main><h1>Registre momentanément indisponible</h1><p>${escapeHtml(answer.message)}</p></main></body></html>`,
      );
    }
  });
}
