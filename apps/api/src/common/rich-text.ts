/**
 * Rich text of the dossier (narratives, strategies): a small safe subset of HTML. Active content
 * (scripts, event handlers, javascript: links, frames…) is refused with a clear error rather than
 * silently dropped; what remains is sanitised before storage.
 */
import sanitizeHtml from "sanitize-html";
import { badInput } from "./errors";

const ACTIVE_CONTENT =
  /<\s*\/?\s*(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|link|meta|base|svg|math)\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text\/html/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "blockquote",
    "a",
  ],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
  disallowedTagsMode: "discard",
};

/** Returns the sanitised HTML, or refuses text that carries active content. */
export function cleanRichText(html: string, label: string, max = 50_000): string {
  if (html.length > max) throw badInput(`Le texte « ${label} » dépasse ${max} caractères.`);
  if (ACTIVE_CONTENT.test(html)) {
    throw badInput(
      `Le texte « ${label} » contient du contenu actif interdit (script, gestionnaire d'événement, cadre…) : retirez-le.`,
      { field: label },
    );
  }
  return sanitizeHtml(html, OPTIONS).trim();
}
