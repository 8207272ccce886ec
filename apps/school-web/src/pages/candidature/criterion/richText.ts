/**
 * The dossier's rich text (the API stores a small sanitised subset of HTML: paragraphs, lists, bold,
 * italics, links) edited as plain text with a light markup, so that a native, accessible `<textarea>`
 * is the editor:
 *
 * - paragraphs are separated by a blank line (a single line break stays a line break);
 * - a line starting with « - » is a bullet, « 1. » a numbered item;
 * - `**gras**`, `*italique*`, `[texte](https://…)`.
 *
 * `htmlToText` reads the API's HTML into that markup, `textToHtml` writes it back. Text is escaped, so
 * nothing typed can become active HTML.
 */

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Inline markup of one escaped line: links, bold, italics. */
function inline(line: string): string {
  let html = escapeHtml(line);
  html = html.replace(
    /\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g,
    (_m, text: string, href: string) => `<a href="${href}">${text}</a>`,
  );
  html = html.replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");
  html = html.replace(/(^|[^*])\*(?!\s)([^*]+?)\*(?!\*)/g, "$1<em>$2</em>");
  return html;
}

/** The markup typed in the editor, as the HTML the API stores (`<p>`, `<ul><li>`, `<ol><li>`). */
export function textToHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { tag: "ul" | "ol"; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list)
      out.push(
        `<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`,
      );
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const tag = BULLET.test(line) ? "ul" : NUMBERED.test(line) ? "ol" : null;
    if (tag) {
      flushParagraph();
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push(line.replace(tag === "ul" ? BULLET : NUMBERED, ""));
    } else if (line.trim() === "") {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return out.join("");
}

function inlineText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").replace(/\s+/g, " ");
  if (!(node instanceof Element)) return "";
  const children = [...node.childNodes].map(inlineText).join("");
  switch (node.tagName.toLowerCase()) {
    case "strong":
    case "b":
      return children.trim() ? `**${children}**` : children;
    case "em":
    case "i":
      return children.trim() ? `*${children}*` : children;
    case "br":
      return "\n";
    case "a": {
      const href = node.getAttribute("href");
      return href ? `[${children}](${href})` : children;
    }
    default:
      return children;
  }
}

function blocks(parent: Node): string[] {
  const out: string[] = [];
  let pending = "";
  const flush = () => {
    if (pending.trim()) out.push(pending.trim());
    pending = "";
  };
  for (const node of parent.childNodes) {
    if (node instanceof Element) {
      const tag = node.tagName.toLowerCase();
      if (tag === "ul" || tag === "ol") {
        flush();
        const items = [...node.children].filter((c) => c.tagName.toLowerCase() === "li");
        out.push(
          items
            .map((li, i) => `${tag === "ul" ? "-" : `${i + 1}.`} ${inlineText(li).trim()}`)
            .join("\n"),
        );
        continue;
      }
      if (tag === "blockquote") {
        flush();
        out.push(...blocks(node));
        continue;
      }
      if (["p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "li"].includes(tag)) {
        flush();
        const text = inlineText(node)
          .split("\n")
          .map((l) => l.trim())
          .join("\n")
          .trim();
        if (text) out.push(tag.startsWith("h") ? `**${text}**` : text);
        continue;
      }
    }
    pending += inlineText(node);
  }
  flush();
  return out;
}

/** The API's HTML as the editor's markup. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return "";
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return blocks(doc.body).join("\n\n");
}

/** True when the markup has no visible text. */
export function isBlank(text: string): boolean {
  return text.replace(/[-*•\s\d.)]/g, "") === "";
}
