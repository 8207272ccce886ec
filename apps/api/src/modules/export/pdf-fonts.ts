/**
 * Marianne, the French State's typeface, embedded in the PDF exports. The fonts come from the DSFR
 * package (`@gouvfr/dsfr/dist/fonts`), which ships them for the web only: as WOFF2, whose subsets
 * fontkit (pdfkit's font engine) writes without any outline (foliojs/fontkit#201: it reads a
 * transformed `glyf` through the untransformed `loca`), and as WOFF, which fontkit fails to subset.
 * The WOFF files are therefore unpacked here into the TrueType fonts they wrap, which fontkit subsets
 * correctly. Their metrics are adapted to print on the way (see `fitForPrint`).
 * Marianne covers French and the other Latin languages; the few characters it lacks (emoji, check
 * marks…) are replaced by `printable` rather than drawn as empty boxes.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

type Doc = PDFKit.PDFDocument;

export const FONT = "Marianne";
export const BOLD = "Marianne-Bold";
export const ITALIC = "Marianne-Italic";
export const BOLD_ITALIC = "Marianne-BoldItalic";

const FILES: Record<string, string> = {
  [FONT]: "Marianne-Regular.woff",
  [BOLD]: "Marianne-Bold.woff",
  [ITALIC]: "Marianne-Regular_Italic.woff",
  [BOLD_ITALIC]: "Marianne-Bold_Italic.woff",
};

/**
 * The DSFR's font folder. The package has no `exports` map, so its package.json resolves (from
 * `src/` under jest as from `dist/` after tsc) and gives the package's folder.
 */
function fontDirectory(): string {
  return path.join(path.dirname(require.resolve("@gouvfr/dsfr/package.json")), "dist", "fonts");
}

/**
 * The TrueType (or OpenType) font a WOFF 1.0 file wraps: the same tables, inflated, behind an sfnt
 * header (https://www.w3.org/TR/WOFF/).
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString("latin1", 0, 4) !== "wOFF") {
    throw new Error("Ce fichier n'est pas une police WOFF.");
  }
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + 20 * i;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    if (offset + compLength > woff.length) throw new Error("Police WOFF tronquée.");
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error("Police WOFF corrompue.");
    tables.push({ tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data });
  }
  const padded = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + 16 * numTables;
  const sfnt = Buffer.alloc(tables.reduce((sum, t) => sum + padded(t.data.length), headerLength));
  const entrySelector = Math.floor(Math.log2(Math.max(numTables, 1)));
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(16 * 2 ** entrySelector, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(16 * numTables - 16 * 2 ** entrySelector, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    // WOFF keeps the table directory sorted by tag, as sfnt requires.
    const record = 12 + 16 * i;
    sfnt.writeUInt32BE(table.tag, record);
    sfnt.writeUInt32BE(table.checksum, record + 4);
    sfnt.writeUInt32BE(offset, record + 8);
    sfnt.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

/** Rewrites a table of an sfnt font made by `woffToSfnt` (tables padded to 4 bytes) in place. */
function patchTable(sfnt: Buffer, tag: string, patch: (offset: number) => void): void {
  const numTables = sfnt.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    if (sfnt.toString("latin1", record, record + 4) !== tag) continue;
    const offset = sfnt.readUInt32BE(record + 8);
    const length = sfnt.readUInt32BE(record + 12);
    patch(offset);
    let checksum = 0;
    for (let at = offset; at < offset + length; at += 4) {
      checksum = (checksum + sfnt.readUInt32BE(at)) >>> 0;
    }
    sfnt.writeUInt32BE(checksum, record + 4);
    return;
  }
  throw new Error(`Police sans table ${tag}.`);
}

/**
 * Adapts a TrueType font to pdfkit's layout:
 * - the line height pdfkit derives from the `hhea` ascender, descender and line gap becomes 1.2 em:
 *   0.95 em above the baseline, 0.25 em below, which encloses every glyph of Marianne (accented
 *   capitals reach 0.895 em, descenders 0.25 em). Marianne's own metrics (1.1 + 0.4 em) give the
 *   1.5 em line height of the web; in print they would space lines a third more than the Helvetica
 *   the layout was drawn with (1.16 em), set the text low in table cells, and split wrapped table
 *   cells apart in text extraction (pdftotext joins lines less than 1.5 em apart);
 * - the missing-glyph box (`.notdef`) gets no width: pdfkit measures line breaks (`\n`) with it
 *   (foliojs/pdfkit#208), which wrapped lines ending with a break too early. `printable` leaves no
 *   other character without a glyph.
 */
export function fitForPrint(sfnt: Buffer, ascender = 950, descender = -250): Buffer {
  patchTable(sfnt, "hhea", (hhea) => {
    sfnt.writeInt16BE(ascender, hhea + 4);
    sfnt.writeInt16BE(descender, hhea + 6);
    sfnt.writeInt16BE(0, hhea + 8);
  });
  patchTable(sfnt, "hmtx", (hmtx) => sfnt.writeUInt16BE(0, hmtx));
  return sfnt;
}

/** The TrueType fonts, unpacked once per process. */
let fontBytes: Map<string, Buffer> | undefined;

function loadFonts(): Map<string, Buffer> {
  if (fontBytes) return fontBytes;
  const directory = fontDirectory();
  const loaded = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(FILES)) {
    const location = path.join(directory, file);
    try {
      loaded.set(name, fitForPrint(woffToSfnt(fs.readFileSync(location))));
    } catch (error) {
      throw new Error(
        `Police Marianne illisible (${location}) : le paquet @gouvfr/dsfr est-il installé ?`,
        { cause: error },
      );
    }
  }
  fontBytes = loaded;
  return loaded;
}

/** Code points all the Marianne styles draw, found once per process (null: unknown). */
let coverage: ReadonlySet<number> | null | undefined;

/** The fontkit font behind pdfkit's current font, or null if pdfkit's internals ever change. */
function currentCharacterSet(doc: Doc): number[] | null {
  const font = (doc as unknown as { _font?: { font?: { characterSet?: unknown } } })._font?.font;
  const set = font?.characterSet;
  return Array.isArray(set) && set.every((c) => typeof c === "number") ? set : null;
}

function fontCoverage(doc: Doc): ReadonlySet<number> | null {
  if (coverage !== undefined) return coverage;
  const sets: Set<number>[] = [];
  for (const name of Object.keys(FILES)) {
    const set = currentCharacterSet(doc.font(name));
    if (!set) return (coverage = null);
    sets.push(new Set(set));
  }
  const [first = new Set<number>(), ...others] = sets;
  return (coverage = new Set([...first].filter((c) => others.every((set) => set.has(c)))));
}

/** Turns a string into what the fonts can draw. */
export type Printable = (text: string) => string;

/**
 * Registers the Marianne styles in `doc` (names `FONT`, `BOLD`, `ITALIC`, `BOLD_ITALIC`), selects the
 * regular one, and returns `printable` bound to the characters the fonts draw.
 */
export function registerFonts(doc: Doc): Printable {
  for (const [name, bytes] of loadFonts()) doc.registerFont(name, bytes);
  const covered = fontCoverage(doc);
  doc.font(FONT);
  return covered ? (text) => printable(text, (c) => covered.has(c)) : (text) => printable(text);
}

/**
 * Prepares text for a Unicode font: line separators become line breaks, tabs spaces, control and
 * invisible formatting characters are dropped. A character the font lacks is replaced by its
 * compatibility form (« ﬁ » → « fi »), else its letter without accents, a plain hyphen or space for
 * dashes and spaces, else « ? ».
 */
export function printable(
  text: string,
  hasGlyph: (codePoint: number) => boolean = () => true,
): string {
  const drawable = (s: string) => [...s].every((c) => hasGlyph(c.codePointAt(0) ?? 0));
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n").normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n") out += ch;
    else if (ch === "\t") out += " ";
    else if (/[\p{Zl}\p{Zp}]/u.test(ch)) out += "\n";
    else if (/[\p{Cc}\u00ad]/u.test(ch)) continue;
    else if (hasGlyph(code)) out += ch;
    else if (/[\p{Cf}\p{Mn}\p{Me}\p{Cs}]/u.test(ch)) continue;
    else if (/\p{Zs}/u.test(ch)) out += " ";
    else if (/\p{Pd}/u.test(ch)) out += "-";
    else {
      const compatible = ch.normalize("NFKC");
      const base = ch.normalize("NFD").replace(/\p{Mn}/gu, "");
      if (compatible !== ch && drawable(compatible)) out += compatible;
      else if (base !== "" && base !== ch && drawable(base)) out += base;
      else out += "?";
    }
  }
  return out;
}
