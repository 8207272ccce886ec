import { Fragment, useMemo, type ReactNode } from "react";

const BLOCK_TAGS = new Set(["p", "ul", "ol", "li", "blockquote", "h3", "h4"]);
const INLINE_TAGS = new Set(["strong", "b", "em", "i", "u", "s"]);

function render(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const tag = node.tagName.toLowerCase();
  const children = [...node.childNodes].map((child, i) => render(child, i));
  if (tag === "br") return <br key={key} />;
  if (tag === "a") {
    const href = node.getAttribute("href") ?? "";
    return /^(https?:|mailto:)/i.test(href) ? (
      <a key={key} href={href} rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <Fragment key={key}>{children}</Fragment>
    );
  }
  if (BLOCK_TAGS.has(tag) || INLINE_TAGS.has(tag)) {
    // Headings inside a text are shown as bold paragraphs: they must not break the page's outline.
    const Tag = (tag === "h3" || tag === "h4" ? "p" : tag) as "p";
    const content = tag === "h3" || tag === "h4" ? <strong>{children}</strong> : children;
    return <Tag key={key}>{content}</Tag>;
  }
  return <Fragment key={key}>{children}</Fragment>;
}

/**
 * The API's rich text (already sanitised by the API) rendered as React elements from an allow-list of
 * tags, never through `innerHTML`: nothing in the text can run.
 */
export function RichTextView({ html, empty }: { html: string | null | undefined; empty?: string }) {
  const nodes = useMemo(() => {
    if (!html) return null;
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    return [...doc.body.childNodes].map((child, i) => render(child, i));
  }, [html]);
  if (!nodes || nodes.length === 0) return <p className="fr-text--sm fr-mb-0">{empty ?? "—"}</p>;
  return <div className="ldm-rich-text">{nodes}</div>;
}
