/**
 * The dossier as a French PDF (pdfkit, set in Marianne, the State's typeface, embedded): a cover page
 * with the table of contents, one section per criterion (common strategy, then each establishment's
 * self-evaluation, indicator table and charts, evidence), the engagement documents, and « Page n / N »
 * footers. Pure layout: the data comes from `loadDossierExport`.
 */
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import {
  ATTAINMENT_LEVEL_LABELS,
  AWARD_TYPE_LABELS,
  CANDIDATURE_KIND_LABELS,
  CANDIDATURE_STATE_LABELS,
  ENGAGEMENT_DOCUMENT_LABELS,
  EVIDENCE_KIND_LABELS,
  IMPROVEMENT_STEPS,
  IMPROVEMENT_STEP_LABELS,
  INDICATOR_DIRECTION_LABELS,
  TREND_LABELS,
  answersCriterion,
  criterionCodeForVariant,
  criterionDisplayCode,
  formatFileSize,
  formatIndicatorTarget,
  getReferential,
  indicatorTrend,
  parseIndicatorTarget,
  targetLines,
  type Criterion,
  type ImprovementStep,
} from "@ldm/domain";
import {
  dossierCriteria,
  type DossierExport,
  type ExportEvidence,
  type ExportIndicator,
  type ExportMember,
  type ExportResponse,
} from "./dossier-export";
import { BOLD, FONT, ITALIC, registerFonts, type Printable } from "./pdf-fonts";

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Page geometry and colours

export const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
export const BLUE = "#000091";
export const INK = "#161616";
export const GREY = "#5a5a5a";
const LIGHT = "#eeeef8";
const ZEBRA = "#f7f7fb";
export const RULE = "#c5c5dc";
const RED = "#c9191e";

// ---------------------------------------------------------------------------------------------
// Text helpers (HTML, French formats)

type Htmlparser2 = typeof import("htmlparser2", { with: { "resolution-mode": "import" } });
let htmlparser2: Htmlparser2 | undefined;

/**
 * htmlparser2's `Parser`, loaded on the first export. The package is ESM-only: Node (≥ 22.12) loads it
 * into this CommonJS module with require(esm), but TypeScript's `module: node16` refuses a static
 * import of it, hence the typed `require`.
 */
function htmlParser(): Htmlparser2["Parser"] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- require(esm), typed above
  htmlparser2 ??= require("htmlparser2") as Htmlparser2;
  return htmlparser2.Parser;
}

/** A block of rich text once flattened for print. */
export type TextBlock =
  | { kind: "paragraph" | "heading" | "quote"; text: string }
  /** `marker` is empty for the paragraphs of a list item after its first one. */
  | { kind: "item"; text: string; depth: number; marker: string };

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements whose content is never printed. */
const HIDDEN = new Set(["script", "style", "template", "head", "title"]);

/**
 * Turns the dossier's sanitised HTML (p, br, strong, em, ul, ol, li, h3, h4, blockquote, a…) into plain
 * paragraphs and list items; links keep their address in brackets. Text without tags is read as plain
 * text (blank lines separate paragraphs, lines starting with « - » or « • » are list items).
 */
export function htmlToBlocks(html: string): TextBlock[] {
  const Parser = htmlParser();
  if (!/<[a-z/!][^>]*>/i.test(html)) {
    // Plain text: only its entities are decoded (« < » escaped so that nothing reads as a tag).
    let text = "";
    new Parser({ ontext: (chunk) => (text += chunk) }, { decodeEntities: true }).end(
      html.replace(/</g, "&lt;"),
    );
    return plainTextToBlocks(text);
  }

  const blocks: TextBlock[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  /** The open list items; a marker is printed once, before the item's first paragraph. */
  const items: { depth: number; marker: string }[] = [];
  const links: { href: string; start: number }[] = [];
  let buffer = "";
  let headings = 0;
  let quotes = 0;
  let hidden = 0;
  const flush = () => {
    const text = buffer
      .split("\n")
      .map((line) => line.replace(/[ \t\r\f\v]+/g, " ").trim())
      .filter((line, i, all) => line !== "" || (i > 0 && i < all.length - 1))
      .join("\n")
      .trim();
    buffer = "";
    for (const link of links) link.start = 0;
    if (text === "") return;
    const item = items.at(-1);
    if (item) {
      blocks.push({ kind: "item", text, depth: item.depth, marker: item.marker });
      item.marker = "";
    } else {
      blocks.push({ kind: headings > 0 ? "heading" : quotes > 0 ? "quote" : "paragraph", text });
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden++;
        else if (name === "br") buffer += "\n";
        else if (name === "a") links.push({ href: attributes.href ?? "", start: buffer.length });
        else if (name === "li") {
          flush();
          const list = lists.at(-1);
          if (list) list.count++;
          items.push({
            depth: Math.max(lists.length - 1, 0),
            marker: list?.ordered ? `${list.count}.` : "•",
          });
        } else if (name === "ul" || name === "ol") {
          flush();
          lists.push({ ordered: name === "ol", count: 0 });
        } else if (name === "blockquote") {
          flush();
          quotes++;
        } else if (HEADINGS.has(name)) {
          flush();
          headings++;
        } else if (name === "p" || name === "div") flush();
      },
      ontext(text) {
        // Collapse HTML whitespace, but not the no-break spaces of French typography.
        if (hidden === 0) buffer += text.replace(/[ \t\n\r\f\v]+/g, " ");
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(hidden - 1, 0);
        else if (name === "a") {
          const link = links.pop();
          const address = link?.href.trim().replace(/^mailto:/i, "") ?? "";
          const label = link ? buffer.slice(link.start).trim() : "";
          if (address !== "" && address !== label) buffer += ` (${address})`;
        } else if (name === "li") {
          flush();
          items.pop();
        } else if (name === "ul" || name === "ol") {
          flush();
          lists.pop();
        } else if (name === "blockquote") {
          flush();
          quotes = Math.max(quotes - 1, 0);
        } else if (HEADINGS.has(name)) {
          flush();
          headings = Math.max(headings - 1, 0);
        } else if (name === "p" || name === "div") flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  flush();
  return blocks;
}

function plainTextToBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    const flush = () => {
      const joined = paragraph.join("\n").trim();
      if (joined !== "") blocks.push({ kind: "paragraph", text: joined });
      paragraph = [];
    };
    for (const line of chunk.split("\n")) {
      const item = /^\s*(?:[-•*]|(\d+)[.)])\s+(.*)$/.exec(line);
      if (item) {
        flush();
        blocks.push({
          kind: "item",
          text: (item[2] ?? "").trim(),
          depth: 0,
          marker: item[1] ? `${item[1]}.` : "•",
        });
      } else paragraph.push(line.trim());
    }
    flush();
  }
  return blocks;
}

const NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

function frNumber(n: number): string {
  return NUMBER.format(n);
}

/** « 2024-05-12 » → « 12/05/2024 ». */
export function frDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? "");
}

/** « 12 mai 2024 à 10:32 » (Europe/Paris). */
export function frDateTime(d: Date): string {
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    dateStyle: "long",
    timeStyle: "short",
  }).format(d);
}

/** « 12/05/2024 » (Europe/Paris). */
export function frDay(d: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" }).format(
    d,
  );
}

// ---------------------------------------------------------------------------------------------
// Layout primitives

/** Shortens one line of text (current font) with an ellipsis to fit `width`. */
export function fitWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** The page layout helpers every PDF of the platform draws with (Marianne, DSFR colours). */
export class Layout {
  /** Makes text drawable by the embedded fonts (registered once, here). */
  readonly print: Printable;

  constructor(readonly doc: Doc) {
    this.print = registerFonts(doc);
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  height(text: string, font: string, size: number, width: number, lineGap = 1.5): number {
    return this.doc.font(font).fontSize(size).heightOfString(this.print(text), { width, lineGap });
  }

  /** Writes wrapped text at the left margin (or `x`), flowing onto new pages if needed. */
  text(
    text: string,
    options: {
      font?: string;
      size?: number;
      color?: string;
      x?: number;
      width?: number;
      align?: "left" | "right" | "center" | "justify";
      lineGap?: number;
      after?: number;
    } = {},
  ): void {
    const x = options.x ?? this.left;
    const width = options.width ?? this.left + this.width - x;
    this.doc
      .font(options.font ?? FONT)
      .fontSize(options.size ?? 9.5)
      .fillColor(options.color ?? INK)
      .text(this.print(text), x, this.doc.y, {
        width,
        align: options.align ?? "left",
        lineGap: options.lineGap ?? 1.5,
      });
    this.doc.x = this.left;
    if (options.after) this.gap(options.after);
  }

  /** « Label : value » on one wrapped line, the label in bold. */
  field(label: string, value: string, options: { x?: number; valueColor?: string } = {}): void {
    const x = options.x ?? this.left;
    const width = this.left + this.width - x;
    this.ensure(this.height(`${label} : ${value}`, FONT, 9.5, width) + 2);
    this.doc
      .font(BOLD)
      .fontSize(9.5)
      .fillColor(INK)
      .text(this.print(`${label} : `), x, this.doc.y, { width, continued: true, lineGap: 1.5 })
      .font(FONT)
      .fillColor(options.valueColor ?? INK)
      .text(this.print(value), { lineGap: 1.5 });
    this.doc.x = this.left;
    this.gap(3);
  }

  /** A heading kept with the first lines that follow it. */
  heading(text: string, size: number, color = BLUE, after = 4): void {
    this.ensure(this.height(text, BOLD, size, this.width) + 26);
    this.text(text, { font: BOLD, size, color, after });
  }

  rule(color = RULE, weight = 0.6): void {
    const y = this.doc.y;
    this.doc
      .save()
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke()
      .restore();
    this.gap(6);
  }

  /** Paragraphs and list items of a rich text; « Non renseigné. » when empty. */
  richText(html: string | null, options: { x?: number; empty?: string } = {}): void {
    const x = options.x ?? this.left;
    const width = this.left + this.width - x;
    const blocks = htmlToBlocks(html ?? "");
    if (blocks.length === 0) {
      this.text(options.empty ?? "Non renseigné.", { font: ITALIC, color: GREY, x, after: 4 });
      return;
    }
    /** Where the text of the last item of each depth starts, for the paragraphs that follow it. */
    const hanging = new Map<number, number>();
    for (const block of blocks) {
      if (block.kind === "item") {
        const indent = x + 6 + block.depth * 14;
        // Bullets hang by 11 points; numbers are right-aligned (« 9. » over « 10. »).
        const bullet = block.marker === "•";
        const markerBox = bullet
          ? 5
          : Math.max(14, this.doc.font(FONT).fontSize(9.5).widthOfString(block.marker));
        const offset =
          block.marker === "" ? (hanging.get(block.depth) ?? 11) : bullet ? 11 : markerBox + 4;
        hanging.set(block.depth, offset);
        const textX = indent + offset;
        this.ensure(
          Math.min(this.height(block.text, FONT, 9.5, this.left + this.width - textX), 60),
        );
        const y = this.doc.y;
        if (block.marker !== "") {
          this.doc
            .font(FONT)
            .fontSize(9.5)
            .fillColor(BLUE)
            .text(block.marker, indent, y, {
              width: markerBox,
              align: bullet ? "left" : "right",
              lineBreak: false,
            });
          this.doc.y = y;
        }
        this.text(block.text, { x: textX, after: 2 });
      } else if (block.kind === "heading") {
        this.ensure(30);
        this.text(block.text, { font: BOLD, x, width, after: 2 });
      } else if (block.kind === "quote") {
        this.text(block.text, { font: ITALIC, color: GREY, x: x + 12, after: 4 });
      } else {
        this.text(block.text, { x, width, after: 4 });
      }
    }
    this.gap(2);
  }

  /** A table with a shaded header repeated on every page, wrapped cells and zebra rows. */
  table(
    columns: { header: string; width: number; align?: "left" | "right" | "center" }[],
    rows: { cells: string[]; bold?: boolean }[],
    options: { size?: number; maxRowHeight?: number } = {},
  ): void {
    const doc = this.doc;
    const size = options.size ?? 8;
    const pad = 3.5;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const scale = total > this.width ? this.width / total : 1;
    const widths = columns.map((c) => c.width * scale);
    const rowHeight = (cells: string[], font: string) =>
      Math.min(
        Math.max(
          ...cells.map((cell, i) => this.height(cell, font, size, (widths[i] ?? 20) - 2 * pad, 1)),
        ) +
          2 * pad,
        options.maxRowHeight ?? 260,
      );
    const drawRow = (cells: string[], font: string, fill: string | null, color: string) => {
      const h = rowHeight(cells, font);
      const y = doc.y;
      let x = this.left;
      if (fill)
        doc
          .save()
          .rect(this.left, y, total * scale, h)
          .fill(fill)
          .restore();
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 20;
        doc
          .font(font)
          .fontSize(size)
          .fillColor(color)
          .text(this.print(cell), x + pad, y + pad, {
            width: w - 2 * pad,
            height: h - 2 * pad,
            ellipsis: true,
            lineGap: 1,
            align: columns[i]?.align ?? "left",
          });
        x += w;
      });
      doc
        .save()
        .moveTo(this.left, y + h)
        .lineTo(this.left + total * scale, y + h)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke()
        .restore();
      doc.x = this.left;
      doc.y = y + h;
    };
    const header = () => {
      drawRow(
        columns.map((c) => c.header),
        BOLD,
        LIGHT,
        BLUE,
      );
    };
    this.ensure(
      rowHeight(
        columns.map((c) => c.header),
        BOLD,
      ) + (rows[0] ? rowHeight(rows[0].cells, FONT) : 0),
    );
    header();
    rows.forEach((row, index) => {
      const h = rowHeight(row.cells, row.bold ? BOLD : FONT);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        header();
      }
      drawRow(row.cells, row.bold ? BOLD : FONT, index % 2 === 1 ? ZEBRA : null, INK);
    });
    this.gap(8);
  }

  /** A tick box, filled with a check mark when `ticked`. */
  checkbox(x: number, y: number, ticked: boolean): void {
    const s = 7.5;
    const doc = this.doc.save();
    if (ticked) {
      doc.rect(x, y, s, s).fill(BLUE);
      doc
        .moveTo(x + 1.6, y + 3.9)
        .lineTo(x + 3.1, y + 5.6)
        .lineTo(x + 6, y + 1.8)
        .lineWidth(1.2)
        .strokeColor("#ffffff")
        .stroke();
    } else {
      doc.rect(x, y, s, s).lineWidth(0.7).strokeColor(GREY).stroke();
    }
    doc.restore();
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Round bounds and step for an axis covering [min, max]. */
function niceScale(
  min: number,
  max: number,
  ticks = 4,
): { min: number; max: number; step: number } {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

function drawChart(
  layout: Layout,
  indicator: ExportIndicator,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const doc = layout.doc;
  const years = [...new Set(indicator.values.map((v) => v.schoolYear))].sort();
  const points = years.map((year) => ({
    year,
    value: indicator.values.find((v) => v.schoolYear === year)?.numericValue ?? null,
  }));
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // The domain's one reading of a target: one line for a bound, two (and a band) for a range.
  const target = parseIndicatorTarget(indicator.target, indicator.unit);
  const lines = targetLines(target);

  doc.save().roundedRect(x, y, w, h, 3).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  const title = `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ""}`;
  // Two lines at most.
  doc.font(BOLD).fontSize(8).fillColor(INK);
  doc.text(layout.print(title), x + 8, y + 7, {
    width: w - 16,
    height: 2 * (doc.currentLineHeight(true) + 0.5) + 0.5,
    ellipsis: true,
    lineGap: 0.5,
  });

  const plot = { left: x + 40, right: x + w - 14, top: y + 34, bottom: y + h - 32 };
  if (values.length === 0 || years.length === 0) {
    doc
      .font(ITALIC)
      .fontSize(8)
      .fillColor(GREY)
      .text("Aucune valeur chiffrée.", x + 8, y + h / 2, { width: w - 16, align: "center" });
    return;
  }
  const all = [...values, ...lines];
  let low = Math.min(...all);
  const high = Math.max(...all);
  if (low >= 0 && low < 0.5 * high) low = 0;
  const scale = niceScale(low, high);
  const yOf = (v: number) =>
    plot.bottom - ((v - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  const xOf = (i: number) =>
    years.length === 1
      ? (plot.left + plot.right) / 2
      : plot.left + 10 + (i * (plot.right - plot.left - 20)) / (years.length - 1);

  // Grid and axes.
  doc.save().lineWidth(0.3).strokeColor("#dddde8");
  for (let v = scale.min; v <= scale.max + scale.step / 2; v += scale.step) {
    const gy = yOf(v);
    doc.moveTo(plot.left, gy).lineTo(plot.right, gy).stroke();
    doc
      .font(FONT)
      .fontSize(6.5)
      .fillColor(GREY)
      .text(frNumber(Math.round(v * 1000) / 1000), x + 4, gy - 3, {
        width: plot.left - x - 8,
        align: "right",
        lineBreak: false,
      });
  }
  doc.restore();
  doc
    .save()
    .moveTo(plot.left, plot.top - 4)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom)
    .lineWidth(0.8)
    .strokeColor(GREY)
    .stroke()
    .restore();
  const labelWidth = Math.max(30, (plot.right - plot.left) / years.length);
  const short = labelWidth < 36;
  years.forEach((year, i) => {
    const label = short ? year.replace(/^\d{2}(\d{2})-\d{2}(\d{2})$/, "$1-$2") : year;
    doc
      .font(FONT)
      .fontSize(6.5)
      .fillColor(GREY)
      .text(label, xOf(i) - labelWidth / 2, plot.bottom + 5, {
        width: labelWidth,
        align: "center",
        lineBreak: false,
      });
  });

  // Target: a dashed line per bound, the band between the two bounds of a range lightly filled.
  if (target !== null) {
    if (target.kind === "BETWEEN") {
      const top = yOf(target.max);
      doc
        .save()
        .rect(plot.left, top, plot.right - plot.left, yOf(target.min) - top)
        .fillOpacity(0.08)
        .fill(RED)
        .restore();
    }
    for (const line of lines) {
      const ty = yOf(line);
      doc
        .save()
        .moveTo(plot.left, ty)
        .lineTo(plot.right, ty)
        .dash(3, { space: 2 })
        .lineWidth(0.9)
        .strokeColor(RED)
        .stroke()
        .undash()
        .restore();
    }
    // Legend, bottom right: a dashed segment and the target (« ≥ 80 % », « entre 10 et 20 % »).
    const legend = layout.print(`Cible : ${formatIndicatorTarget(target, indicator.unit)}`);
    doc.font(FONT).fontSize(6.5);
    const legendWidth = doc.widthOfString(legend);
    const ly = y + h - 10;
    doc
      .save()
      .moveTo(plot.right - legendWidth - 22, ly + 2.5)
      .lineTo(plot.right - legendWidth - 6, ly + 2.5)
      .dash(3, { space: 2 })
      .lineWidth(0.9)
      .strokeColor(RED)
      .stroke()
      .undash()
      .restore();
    doc.fillColor(RED).text(legend, plot.right - legendWidth, ly, { lineBreak: false });
  }

  // Line and points.
  const drawn = points
    .map((p, i) => ({ ...p, px: xOf(i) }))
    .filter((p): p is { year: string; value: number; px: number } => p.value !== null);
  if (drawn.length > 1) {
    doc.save();
    drawn.forEach((p, i) => {
      if (i === 0) doc.moveTo(p.px, yOf(p.value));
      else doc.lineTo(p.px, yOf(p.value));
    });
    doc.lineWidth(1.6).strokeColor(BLUE).stroke().restore();
  }
  for (const p of drawn) {
    const py = yOf(p.value);
    doc.save().circle(p.px, py, 2.6).fill(BLUE).restore();
    doc
      .font(BOLD)
      .fontSize(6.5)
      .fillColor(BLUE)
      .text(frNumber(p.value), p.px - 25, py - plot.top < 10 ? py + 4 : py - 11, {
        width: 50,
        align: "center",
        lineBreak: false,
      });
  }
  doc.fillColor(INK);
}

// ---------------------------------------------------------------------------------------------
// Sections

/** « Lycée … (0130001A) ». */
export function memberLabel(m: Pick<ExportMember, "name" | "uai">): string {
  return `${m.name}${m.uai ? ` (${m.uai})` : ""}`;
}

function trendLabel(indicator: ExportIndicator): string {
  if (indicator.kind === "QUALITATIVE") return "Qualitatif";
  const { trend, improving } = indicatorTrend(
    indicator.direction,
    indicator.values.map((v) => ({ schoolYear: v.schoolYear, value: v.numericValue })),
  );
  const label = TREND_LABELS[trend];
  if (improving === true) return `${label} (favorable)`;
  if (improving === false && trend !== "STABLE") return `${label} (défavorable)`;
  return label;
}

function indicatorTable(layout: Layout, indicators: ExportIndicator[]): void {
  const allYears = [
    ...new Set(indicators.flatMap((i) => i.values.map((v) => v.schoolYear))),
  ].sort();
  const years = allYears.slice(-6);
  const size = years.length > 4 ? 7 : 8;
  const doc = layout.doc;
  /**
   * Width a column needs so that no word of its cells is cut (cell padding included), between
   * `least` and `most` (longer words are cut).
   */
  const columnWidth = (headers: string[], cells: string[], least: number, most = 80) => {
    /** The longest word (lines break at spaces and after hyphens, not at no-break spaces). */
    const longest = (text: string) => {
      const words = layout.print(text).split(/[ \n]+|(?<=-)/);
      return Math.max(...words.map((word) => doc.widthOfString(word)));
    };
    doc.font(BOLD).fontSize(size);
    const widths = headers.map(longest);
    doc.font(FONT).fontSize(size);
    return Math.min(Math.max(least, ...widths, ...cells.map(longest)), most) + 8;
  };
  const units = indicators.map((i) => i.unit ?? "—");
  const targets = indicators.map((i) => i.target ?? "—");
  const sources = indicators.map((i) => i.source);
  const fixed = {
    unit: columnWidth(["Unité"], units, 36),
    target: columnWidth(["Cible"], targets, 44),
    source: columnWidth(["Source"], sources, 50),
    trend: columnWidth(["Tendance"], indicators.map(trendLabel), 52),
  };
  const fixedTotal = fixed.unit + fixed.target + fixed.source + fixed.trend;
  // Year columns: up to 48 points while the indicator's name keeps 110, never narrower than their
  // figures (the name then keeps at least 90).
  const figures = indicators.flatMap((i) =>
    i.values.flatMap((v) =>
      years.includes(v.schoolYear) && v.numericValue !== null ? [frNumber(v.numericValue)] : [],
    ),
  );
  const yearWidth =
    years.length === 0
      ? 0
      : Math.max(
          Math.min(48, (layout.width - fixedTotal - 110) / years.length),
          Math.min(columnWidth(years, figures, 0), (layout.width - fixedTotal - 90) / years.length),
        );
  const nameWidth = layout.width - fixedTotal - yearWidth * years.length;
  // A qualitative appreciation stays in its cell when it fits in three lines without cutting words;
  // otherwise the cell holds a note call and the text is written in full under the table.
  const fits = (text: string) => {
    doc.font(FONT).fontSize(size);
    const inner = yearWidth - 7;
    return (
      text.split(/\s+/).every((word) => doc.widthOfString(layout.print(word)) <= inner) &&
      doc.heightOfString(layout.print(text), { width: inner, lineGap: 1 }) <=
        3 * (doc.currentLineHeight(true) + 1) + 0.5
    );
  };
  const below: { indicator: string; year: string; text: string }[] = [];
  const rows = indicators.map((indicator) => ({
    cells: [
      indicator.name,
      ...years.map((year) => {
        const v = indicator.values.find((x) => x.schoolYear === year);
        if (!v) return "—";
        if (v.numericValue !== null) return frNumber(v.numericValue);
        const text = (v.textValue ?? "").trim();
        if (text === "") return "—";
        if (fits(text)) return text;
        below.push({ indicator: indicator.name, year, text });
        return `(${below.length})`;
      }),
      indicator.unit ?? "—",
      indicator.target ?? "—",
      indicator.source,
      trendLabel(indicator),
    ],
  }));
  layout.table(
    [
      { header: "Indicateur", width: nameWidth },
      ...years.map((year) => ({
        // « 2023-2024 » on two lines when narrow (no line break is allowed between « - » and a digit).
        header:
          doc.font(BOLD).fontSize(size).widthOfString(year) <= yearWidth - 7
            ? year
            : year.replace("-", "-\n"),
        width: yearWidth,
        align: "center" as const,
      })),
      { header: "Unité", width: fixed.unit },
      { header: "Cible", width: fixed.target },
      { header: "Source", width: fixed.source },
      { header: "Tendance", width: fixed.trend },
    ],
    rows,
    { size },
  );
  if (allYears.length > years.length) {
    layout.text(
      `Seules les ${years.length} dernières années scolaires figurent dans le tableau (${allYears.length} renseignées).`,
      { font: ITALIC, size: 8, color: GREY, after: 4 },
    );
  }
  below.forEach((t, i) => layout.field(`(${i + 1}) ${t.indicator}, ${t.year}`, t.text));
  const quantitative = indicators.filter((i) => i.kind === "QUANTITATIVE");
  if (quantitative.length > 0) {
    layout.text(
      `Sens de progression souhaité : ${quantitative
        .map((i) => `${i.name} : ${INDICATOR_DIRECTION_LABELS[i.direction].toLowerCase()}`)
        .join(" ; ")}.`,
      { size: 7.5, color: GREY, after: 6 },
    );
  }
}

function indicatorCharts(layout: Layout, indicators: ExportIndicator[]): void {
  const charted = indicators.filter(
    (i) => i.kind === "QUANTITATIVE" && i.values.some((v) => v.numericValue !== null),
  );
  const gutter = 14;
  const w = (layout.width - gutter) / 2;
  const h = 150;
  for (let i = 0; i < charted.length; i += 2) {
    layout.ensure(h + 8);
    const y = layout.doc.y;
    const first = charted[i];
    const second = charted[i + 1];
    if (first) drawChart(layout, first, layout.left, y, w, h);
    if (second) drawChart(layout, second, layout.left + w + gutter, y, w, h);
    layout.doc.x = layout.left;
    layout.doc.y = y + h + 10;
  }
}

function evidenceTable(
  layout: Layout,
  evidence: ExportEvidence[],
  citedIds: ReadonlySet<string>,
): void {
  layout.table(
    [
      { header: "Titre", width: 122 },
      { header: "Nature", width: 76 },
      { header: "Date", width: 50 },
      { header: "Fichier", width: 112 },
      { header: "Rév.", width: 26, align: "center" },
      { header: "SHA-256", width: 68 },
      { header: "Citée", width: 41, align: "center" },
    ],
    evidence.map((e) => ({
      cells: [
        e.title,
        EVIDENCE_KIND_LABELS[e.kind],
        frDate(e.effectiveDate),
        e.file
          ? `${e.file.fileName} (${formatFileSize(e.file.sizeBytes)})`
          : "Aucun fichier déposé",
        e.file ? String(e.file.revision) : "—",
        e.file ? `${e.file.sha256.slice(0, 12)}…` : "—",
        citedIds.has(e.id) ? "Oui" : "Non",
      ],
    })),
    { size: 7.5 },
  );
}

function byDateThenTitle(a: ExportEvidence, b: ExportEvidence): number {
  return b.effectiveDate.localeCompare(a.effectiveDate) || a.title.localeCompare(b.title, "fr");
}

function establishmentBlock(
  layout: Layout,
  dossier: DossierExport,
  criterion: Criterion,
  member: ExportMember,
  citedIds: ReadonlySet<string>,
): void {
  const response: ExportResponse | undefined = dossier.responses.find(
    (r) => r.criterionCode === criterion.code && r.establishmentId === member.establishmentId,
  );
  layout.ensure(90);
  layout.text(memberLabel(member) + (member.isLead ? " — établissement porteur" : ""), {
    font: BOLD,
    size: 12,
    color: BLUE,
    after: 2,
  });
  layout.rule(BLUE, 0.8);

  const pilots = dossier.pilots.filter(
    (p) => p.criterionCode === criterion.code && p.establishmentId === member.establishmentId,
  );
  layout.field(
    pilots.length > 1 ? "Pilotes" : "Pilote",
    pilots.length === 0
      ? "aucun pilote désigné"
      : pilots.map((p) => p.fullName ?? "nom masqué (donnée personnelle)").join(", "),
  );
  layout.field(
    "Niveau auto-évalué",
    response?.selfAssessedLevel
      ? ATTAINMENT_LEVEL_LABELS[response.selfAssessedLevel]
      : "non renseigné",
  );
  if (criterion.code === "6") {
    layout.field(
      "Label Euroscol",
      response?.metByEuroscol ? "oui — le critère est rempli de fait par le label Euroscol" : "non",
    );
  }
  layout.gap(2);

  if (!response) {
    layout.text("Aucune auto-évaluation saisie par cet établissement pour ce critère.", {
      font: ITALIC,
      color: GREY,
      after: 8,
    });
  } else {
    selfEvaluation(layout, dossier, criterion, response);
  }
  supportingItems(layout, dossier, criterion, member, citedIds);
}

function selfEvaluation(
  layout: Layout,
  dossier: DossierExport,
  criterion: Criterion,
  response: ExportResponse,
): void {
  if (htmlToBlocks(response.narrative).length > 0) {
    layout.heading("Synthèse de la démarche", 10.5, INK, 2);
    layout.richText(response.narrative);
  }

  const steps: Record<ImprovementStep, string> = {
    PLANNED: response.planned,
    DONE: response.done,
    MEASURED: response.measured,
    IMPROVED: response.improved,
  };
  IMPROVEMENT_STEPS.forEach((step, i) => {
    layout.heading(`${i + 1}. ${IMPROVEMENT_STEP_LABELS[step]}`, 10.5, INK, 2);
    layout.richText(steps[step], { x: layout.left + 10 });
  });

  const addressed = new Set(response.addressedExpectationIds);
  layout.heading(
    `Attendus du cahier des charges (${criterion.expectations.filter((e) => addressed.has(e.id)).length} / ${criterion.expectations.length} traités)`,
    10.5,
    INK,
    4,
  );
  for (const expectation of criterion.expectations) {
    const x = layout.left + 18;
    const width = layout.left + layout.width - x;
    const text = `${expectation.id}  ${expectation.text}`;
    layout.ensure(Math.min(layout.height(text, FONT, 8.5, width), 80) + 3);
    const y = layout.doc.y;
    layout.checkbox(layout.left + 4, y + 1, addressed.has(expectation.id));
    layout.text(text, {
      x,
      size: 8.5,
      color: addressed.has(expectation.id) ? INK : GREY,
      after: 3,
    });
  }
  layout.gap(4);

  const fiches = getReferential(dossier.candidature.referentialVersion).qualeducFiches;
  const codes = response.qualeducFicheCodes;
  layout.heading("Fiches Qualéduc mobilisées", 10.5, INK, 2);
  if (codes.length === 0) {
    layout.text("Aucune.", { font: ITALIC, color: GREY, after: 6 });
  } else {
    layout.richText(
      codes
        .map(
          (code) => `- ${code} — ${fiches.find((f) => f.code === code)?.title ?? "fiche inconnue"}`,
        )
        .join("\n"),
      { x: layout.left + 4 },
    );
  }

  layout.heading("Action emblématique", 10.5, INK, 2);
  if (!response.emblematicActionTitle && !response.emblematicActionDescription) {
    layout.text("Non renseignée.", { font: ITALIC, color: GREY, after: 6 });
  } else {
    if (response.emblematicActionTitle) {
      layout.text(response.emblematicActionTitle, { font: BOLD, x: layout.left + 10, after: 2 });
    }
    layout.richText(response.emblematicActionDescription, {
      x: layout.left + 10,
      empty: "Sans description.",
    });
  }
}

function supportingItems(
  layout: Layout,
  dossier: DossierExport,
  criterion: Criterion,
  member: ExportMember,
  citedIds: ReadonlySet<string>,
): void {
  const indicators = dossier.indicators.filter(
    (i) =>
      i.establishmentId === member.establishmentId && i.criterionCodes.includes(criterion.code),
  );
  layout.heading("Indicateurs", 10.5, INK, 4);
  if (indicators.length === 0) {
    layout.text("Aucun indicateur n'étaye ce critère.", { font: ITALIC, color: GREY, after: 6 });
  } else {
    indicatorTable(layout, indicators);
    indicatorCharts(layout, indicators);
  }

  const evidence = dossier.evidence
    .filter(
      (e) =>
        e.establishmentId === member.establishmentId && e.criterionCodes.includes(criterion.code),
    )
    .sort(byDateThenTitle);
  layout.heading("Pièces justificatives", 10.5, INK, 4);
  if (evidence.length === 0) {
    layout.text("Aucune pièce n'étaye ce critère.", { font: ITALIC, color: GREY, after: 6 });
  } else {
    evidenceTable(layout, evidence, citedIds);
  }
  layout.gap(8);
}

function criterionSection(layout: Layout, dossier: DossierExport, criterion: Criterion): void {
  const doc = layout.doc;
  const display = criterionDisplayCode(criterion.code);
  doc.outline.addItem(layout.print(`Critère ${display} — ${criterion.shortTitle}`));

  // Banner.
  const titleHeight = layout.height(criterion.title, BOLD, 13, layout.width - 24, 1.5);
  const bannerHeight = titleHeight + 34;
  const top = doc.y;
  doc.save().rect(layout.left, top, layout.width, bannerHeight).fill(BLUE).restore();
  doc
    .font(BOLD)
    .fontSize(9)
    .fillColor("#ffffff")
    .text(
      layout.print(
        `CRITÈRE ${display.toUpperCase()}${criterion.optional ? " (RÉGIONAL, OPTIONNEL)" : ""}`,
      ),
      layout.left + 12,
      top + 10,
      { width: layout.width - 24, characterSpacing: 0.6 },
    );
  doc
    .font(BOLD)
    .fontSize(13)
    .fillColor("#ffffff")
    .text(layout.print(criterion.title), layout.left + 12, top + 24, {
      width: layout.width - 24,
      lineGap: 1.5,
    });
  doc.x = layout.left;
  doc.y = top + bannerHeight + 14;

  const cited = new Set(
    dossier.responses
      .filter((r) => r.criterionCode === criterion.code)
      .flatMap((r) => r.citedEvidenceIds),
  );

  if (dossier.candidature.kind === "NETWORK" && criterion.networkCommonStrategy) {
    const strategy = dossier.commonStrategies.find((s) => s.criterionCode === criterion.code);
    layout.heading("Stratégie commune du réseau", 12, BLUE, 2);
    layout.rule(BLUE, 0.8);
    layout.richText(strategy?.text ?? "", { empty: "Non renseignée." });
    layout.gap(8);
  }

  // Criterion 9: only the establishments that chose this variant answer it.
  const answering = dossier.members.filter((m) =>
    answersCriterion(m.optionalCriterionVariant, criterion.code),
  );
  if (criterion.optional && dossier.members.length > 1) {
    layout.field("Retenu par", answering.map(memberLabel).join(", "));
    layout.gap(6);
  }
  for (const member of answering) {
    establishmentBlock(layout, dossier, criterion, member, cited);
  }

  const common = dossier.evidence
    .filter((e) => e.establishmentId === null && e.criterionCodes.includes(criterion.code))
    .sort(byDateThenTitle);
  if (common.length > 0) {
    layout.heading("Pièces communes à la candidature", 12, BLUE, 2);
    layout.rule(BLUE, 0.8);
    evidenceTable(layout, common, cited);
  }
}

/** The candidature's establishments (UAI, town, académie, role, criterion 9), for every PDF of it. */
export function establishmentsTable(layout: Layout, members: readonly ExportMember[]): void {
  layout.heading(members.length > 1 ? "Établissements du réseau" : "Établissement", 12);
  layout.table(
    [
      { header: "Établissement", width: 170 },
      { header: "UAI", width: 62 },
      { header: "Commune", width: 75 },
      { header: "Académie", width: 75 },
      { header: "Rôle", width: 63 },
      { header: "Critère 9", width: 50 },
    ],
    members.map((m) => ({
      cells: [
        m.name,
        m.uai ?? "—",
        m.city ?? "—",
        m.academieName ?? "—",
        m.isLead ? "Porteur" : "Cocandidat",
        m.optionalCriterionVariant
          ? criterionDisplayCode(criterionCodeForVariant(m.optionalCriterionVariant))
          : "aucun",
      ],
      bold: m.isLead,
    })),
    { size: 8.5 },
  );
}

function coverPage(layout: Layout, dossier: DossierExport): void {
  const doc = layout.doc;
  const c = dossier.candidature;
  const lead = dossier.members.find((m) => m.isLead) ?? dossier.members[0];

  doc.save().rect(0, 0, doc.page.width, 8).fill(BLUE).restore();
  doc.y = 70;
  layout.text("Région académique Provence-Alpes-Côte d'Azur — DRAFPIC", {
    size: 9,
    color: GREY,
    after: 30,
  });
  layout.text("Dossier de candidature au label Lycée des métiers", {
    font: BOLD,
    size: 24,
    color: BLUE,
    lineGap: 3,
    after: 12,
  });
  layout.text(c.labelTitle ? `« ${c.labelTitle} »` : "Intitulé du label non renseigné", {
    font: c.labelTitle ? BOLD : ITALIC,
    size: 15,
    color: c.labelTitle ? INK : GREY,
    after: 8,
  });
  if (lead) layout.text(memberLabel(lead), { size: 12, color: INK, after: 18 });

  const referential = getReferential(c.referentialVersion);
  const lead9 = lead?.optionalCriterionVariant ?? null;
  const optional =
    lead9 === null
      ? undefined
      : referential.criteria.find((k) => k.code === criterionCodeForVariant(lead9));
  const submitted = dossier.snapshot?.submittedAt ?? c.submittedAt;
  const info: [string, string][] = [
    ["Candidature", CANDIDATURE_KIND_LABELS[c.kind]],
    ["Nature", AWARD_TYPE_LABELS[c.awardType]],
    ["État de la procédure", CANDIDATURE_STATE_LABELS[c.state]],
    ["Date de dépôt", submitted ? frDateTime(submitted) : "dossier non déposé"],
    ["Référentiel", `${referential.title} (version ${c.referentialVersion})`],
    [
      "Critère régional optionnel",
      // « Au choix de l'établissement »: in a network, each one's choice is in the table below.
      c.kind === "NETWORK"
        ? "au choix de chaque établissement (colonne « Critère 9 » ci-dessous)"
        : optional
          ? `${criterionDisplayCode(optional.code)} — ${optional.shortTitle}`
          : "non retenu",
    ],
  ];
  if (c.auditDate) info.push(["Date de l'audit", frDate(c.auditDate)]);
  for (const [label, value] of info) layout.field(label, value);
  layout.gap(10);

  establishmentsTable(layout, dossier.members);

  const notice =
    dossier.source === "SNAPSHOT" && dossier.snapshot
      ? `Version déposée du dossier, figée le ${frDateTime(dossier.snapshot.submittedAt)} (empreinte SHA-256 ${dossier.snapshot.sha256.slice(0, 16)}…) : c'est la version lue par les auditeurs.`
      : "Version de travail : le dossier n'est pas encore déposé et peut encore évoluer.";
  layout.text(notice, { font: ITALIC, size: 8.5, color: GREY, after: 4 });
  layout.text(`Document produit le ${frDateTime(dossier.generatedAt)}.`, {
    font: ITALIC,
    size: 8.5,
    color: GREY,
    after: 14,
  });
}

// ---------------------------------------------------------------------------------------------
// Document

/** What a PDF of the platform says about itself (its document information). */
export interface PdfInfo {
  title: string;
  subject: string;
  creationDate: Date;
}

/**
 * Writes a PDF of the platform into `out` (A4, Marianne embedded, French): `draw` lays the pages out
 * with a `Layout` (pages are buffered, so it may come back to an earlier one); resolves once `out` has
 * finished, rejects on a failure of `draw`, the document or `out`.
 */
export function renderPdf(
  out: Writable,
  info: PdfInfo,
  draw: (layout: Layout) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const doc: Doc = new PDFDocument({
      size: "A4",
      margins: MARGIN,
      bufferPages: true,
      lang: "fr-FR",
      displayTitle: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Author: "Plateforme du label Lycée des métiers — région académique PACA",
        Creator: "Plateforme du label Lycée des métiers",
        CreationDate: info.creationDate,
      },
    });
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    doc.on("error", fail);
    out.on("error", fail);
    out.on("finish", () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    });
    out.on("close", () => {
      if (!settled && !out.writableFinished)
        fail(new Error("Le flux du PDF a été fermé avant la fin."));
    });

    try {
      draw(new Layout(doc));
    } catch (error) {
      fail(error);
      return;
    }
    doc.pipe(out);
    doc.end();
  });
}

/** « left text … Page n / N » under a rule at the foot of every buffered page. */
export function drawFooters(layout: Layout, left: string): void {
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  doc.font(FONT).fontSize(7.5);
  const footerLeft = fitWidth(doc, layout.print(left), layout.width - 90);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc
      .save()
      .moveTo(layout.left, y - 6)
      .lineTo(layout.left + layout.width, y - 6)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke()
      .restore();
    doc
      .font(FONT)
      .fontSize(7.5)
      .fillColor(GREY)
      .text(footerLeft, layout.left, y, { lineBreak: false });
    doc.text(`Page ${i + 1} / ${range.count}`, layout.left + layout.width - 80, y, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Writes the dossier as a PDF into `out` (ended when done); resolves once `out` has finished. */
export function writeDossierPdf(dossier: DossierExport, out: Writable): Promise<void> {
  const c = dossier.candidature;
  const lead = dossier.members.find((m) => m.isLead) ?? dossier.members[0];
  return renderPdf(
    out,
    {
      title: `Dossier de candidature au label Lycée des métiers${c.labelTitle ? ` — ${c.labelTitle}` : ""}`,
      subject: lead ? memberLabel(lead) : c.id,
      creationDate: dossier.generatedAt,
    },
    (layout) => {
      const doc = layout.doc;
      coverPage(layout, dossier);

      const criteria = dossierCriteria(dossier);
      // The table of contents is written once the sections' pages are known.
      const tocEntries = criteria.length + 1;
      layout.ensure(40 + tocEntries * 17);
      layout.heading("Sommaire", 12);
      const toc = {
        page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1,
        y: doc.y,
      };
      doc.y += tocEntries * 17;

      const starts: { label: string; page: number }[] = [];
      for (const criterion of criteria) {
        doc.addPage();
        starts.push({
          label: `Critère ${criterionDisplayCode(criterion.code)} — ${criterion.shortTitle}`,
          page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1,
        });
        criterionSection(layout, dossier, criterion);
      }

      doc.addPage();
      starts.push({
        label: "Documents d'engagement",
        page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1,
      });
      engagementSection(layout, dossier);

      // Table of contents.
      doc.switchToPage(toc.page);
      starts.forEach((entry, i) => {
        const y = toc.y + i * 17;
        const number = String(entry.page + 1);
        doc.font(FONT).fontSize(10).fillColor(INK);
        const labelWidth = doc.widthOfString(layout.print(entry.label));
        const numberWidth = doc.widthOfString(number);
        doc.text(layout.print(entry.label), layout.left, y, { lineBreak: false });
        const dotsFrom = layout.left + labelWidth + 6;
        const dotsTo = layout.left + layout.width - numberWidth - 6;
        if (dotsTo > dotsFrom) {
          doc
            .save()
            .moveTo(dotsFrom, y + 8)
            .lineTo(dotsTo, y + 8)
            .dash(0.6, { space: 2.4 })
            .lineWidth(0.6)
            .strokeColor(GREY)
            .stroke()
            .undash()
            .restore();
        }
        doc.text(number, layout.left + layout.width - numberWidth, y, { lineBreak: false });
      });

      drawFooters(
        layout,
        `Label Lycée des métiers — ${lead ? memberLabel(lead) : c.id}${
          dossier.source === "SNAPSHOT" ? " — version déposée" : " — version de travail"
        }`,
      );
    },
  );
}

function engagementSection(layout: Layout, dossier: DossierExport): void {
  layout.doc.outline.addItem("Documents d'engagement");
  layout.text("Documents d'engagement", { font: BOLD, size: 16, color: BLUE, after: 4 });
  layout.rule(BLUE, 1);
  layout.table(
    [
      { header: "Établissement", width: 195 },
      { header: "Lettre d'engagement reçue le", width: 150 },
      { header: "Conseil d'administration du", width: 150 },
    ],
    dossier.members.map((m) => ({
      cells: [
        memberLabel(m),
        m.engagementLetterOn ? frDate(m.engagementLetterOn) : "—",
        m.boardMinutesOn ? frDate(m.boardMinutesOn) : "—",
      ],
    })),
    { size: 8.5 },
  );
  if (dossier.engagementDocuments.length === 0) {
    layout.text("Aucun document d'engagement déposé sur la plateforme.", {
      font: ITALIC,
      color: GREY,
    });
    return;
  }
  const names = new Map(dossier.members.map((m) => [m.establishmentId, memberLabel(m)]));
  layout.table(
    [
      { header: "Établissement", width: 150 },
      { header: "Document", width: 110 },
      { header: "Fichier", width: 130 },
      { header: "Déposé le", width: 55 },
      { header: "SHA-256", width: 64 },
    ],
    dossier.engagementDocuments.map((d) => ({
      cells: [
        names.get(d.establishmentId) ?? d.establishmentId,
        ENGAGEMENT_DOCUMENT_LABELS[d.kind],
        `${d.fileName} (${formatFileSize(d.sizeBytes)})`,
        frDay(d.uploadedAt),
        `${d.sha256.slice(0, 10)}…`,
      ],
    })),
    { size: 8 },
  );
}
