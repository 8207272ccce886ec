/**
 * Fichiers de démonstration — FICTIFS : de petits PDF d'une page (quelques lignes en Helvetica) et de
 * petites images PNG, écrits octet par octet, sans dépendance. Ils servent de pièces justificatives
 * et de documents d'engagement aux dossiers de la démonstration (voir `seed.ts`).
 */
import { crc32, deflateSync } from "node:zlib";

export const PDF_MEDIA_TYPE = "application/pdf";
export const PNG_MEDIA_TYPE = "image/png";

// ---------------------------------------------------------------------------------------------
// PDF

/** WinAnsiEncoding codes of the characters outside Latin-1 that French texts use. */
const WIN_ANSI_EXTRA: Readonly<Record<string, number>> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  Œ: 0x8c,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
  œ: 0x9c,
  Ÿ: 0x9f,
  "\u202f": 0xa0,
};

/** The text in WinAnsiEncoding (the encoding of the standard fonts); unknown characters become « ? ». */
function winAnsi(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const extra = WIN_ANSI_EXTRA[ch];
    const code = ch.codePointAt(0) ?? 0x3f;
    if (extra !== undefined) bytes.push(extra);
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

/** A PDF literal string: `(…)` with backslash, parentheses escaped. */
function literalString(text: string): Buffer {
  const escaped: number[] = [];
  for (const byte of winAnsi(text)) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) escaped.push(0x5c);
    escaped.push(byte);
  }
  return Buffer.concat([Buffer.from("("), Buffer.from(escaped), Buffer.from(")")]);
}

/** A PDF text string for the document information: UTF-16BE with its byte order mark, in hex. */
function hexTextString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, "utf16le").swap16();
  return `<${utf16.toString("hex").toUpperCase()}>`;
}

/** Cuts a paragraph into lines of at most `width` characters, on spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

export interface PdfDocument {
  /** Heading, in bold. */
  title: string;
  /** Lines under the title (e.g. the establishment, the date). */
  subtitle: readonly string[];
  /** Paragraphs of the body, wrapped to the page. */
  paragraphs: readonly string[];
  /** Small print at the bottom of the page. */
  footer: string;
}

/**
 * A valid one-page PDF 1.4 (A4) showing the document's text in Helvetica, with a correct
 * cross-reference table: small (about 1 to 2 kB) and readable by any viewer.
 */
export function demoPdf(doc: PdfDocument): Buffer {
  const ops: Buffer[] = [];
  const op = (text: string) => ops.push(Buffer.from(`${text}\n`, "latin1"));
  const show = (text: string) =>
    ops.push(Buffer.concat([literalString(text), Buffer.from(" Tj\n")]));
  // A thin coloured rule under the heading.
  op("0.13 0.33 0.55 RG 1.5 w 56 742 m 539 742 l S");
  op("BT");
  op("/F2 15 Tf 19 TL 56 770 Td");
  for (const [index, line] of wrap(doc.title, 58).entries()) {
    if (index > 0) op("T*");
    show(line);
  }
  op("ET");
  op("BT");
  op("/F1 10 Tf 14 TL 56 722 Td");
  for (const line of doc.subtitle) {
    show(line);
    op("T*");
  }
  op("/F1 11 Tf 15 TL T*");
  for (const paragraph of doc.paragraphs) {
    for (const line of wrap(paragraph, 88)) {
      show(line);
      op("T*");
    }
    op("T*");
  }
  op("ET");
  op("BT");
  op("/F1 8 Tf 56 48 Td");
  show(doc.footer);
  op("ET");
  const content = Buffer.concat(ops);

  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    ),
    Buffer.from(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ),
    Buffer.from(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from("endstream"),
    ]),
    Buffer.from(
      `<< /Title ${hexTextString(doc.title)} /Producer ${hexTextString("Plateforme « Lycée des métiers » — données de démonstration")} >>`,
    ),
  ];
  // Header, then a comment with high bytes so that tools treat the file as binary.
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    const object = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      body,
      Buffer.from("\nendobj\n"),
    ]);
    offsets.push(offset);
    parts.push(object);
    offset += object.length;
  }
  // Each cross-reference entry is exactly 20 bytes: 10 digits, space, 5 digits, space, type, CR LF.
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f\r",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n\r`),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    "startxref",
    String(offset),
    "%%EOF",
    "",
  ].join("\n");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// PNG

export type Rgb = readonly [number, number, number];

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A small valid PNG (RGB, 8 bits), 24 × 32 pixels, that looks like a poster: a coloured band at the
 * top, a light body with a few « lines of text » and a coloured footer.
 */
export function demoPng(accent: Rgb): Buffer {
  const width = 24;
  const height = 32;
  const paper: Rgb = [250, 247, 240];
  const ink: Rgb = [60, 60, 70];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const inMargin = x < 3 || x >= width - 3;
      const textLine = !inMargin && y >= 12 && y < 24 && y % 3 === 0 && x < width - 3 - (y % 5);
      const colour = y < 9 || y >= height - 3 ? accent : textLine ? ink : paper;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
