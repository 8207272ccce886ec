/**
 * The type of an uploaded file, detected from its first bytes (never from its name or the type the client
 * claims). Only documents we accept are recognised: PDF, images, office documents (OOXML, OpenDocument,
 * legacy OLE2 Office). Everything else — executables, scripts, HTML, plain ZIP archives… — is refused.
 */

export interface FileType {
  /** The media type served back on download. */
  mediaType: string;
  /** The usual extension (without dot), given to the stored file name when it does not match. */
  extension: string;
  /** French name of the format, for messages. */
  label: string;
}

const PDF: FileType = { mediaType: "application/pdf", extension: "pdf", label: "PDF" };
const PNG: FileType = { mediaType: "image/png", extension: "png", label: "image PNG" };
const JPEG: FileType = { mediaType: "image/jpeg", extension: "jpg", label: "image JPEG" };
const GIF: FileType = { mediaType: "image/gif", extension: "gif", label: "image GIF" };
const WEBP: FileType = { mediaType: "image/webp", extension: "webp", label: "image WebP" };
const DOCX: FileType = {
  mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  extension: "docx",
  label: "document Word",
};
const XLSX: FileType = {
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  extension: "xlsx",
  label: "classeur Excel",
};
const PPTX: FileType = {
  mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  extension: "pptx",
  label: "présentation PowerPoint",
};
const ODT: FileType = {
  mediaType: "application/vnd.oasis.opendocument.text",
  extension: "odt",
  label: "texte OpenDocument",
};
const ODS: FileType = {
  mediaType: "application/vnd.oasis.opendocument.spreadsheet",
  extension: "ods",
  label: "classeur OpenDocument",
};
const ODP: FileType = {
  mediaType: "application/vnd.oasis.opendocument.presentation",
  extension: "odp",
  label: "présentation OpenDocument",
};
const DOC: FileType = { mediaType: "application/msword", extension: "doc", label: "document Word" };
const XLS: FileType = {
  mediaType: "application/vnd.ms-excel",
  extension: "xls",
  label: "classeur Excel",
};
const PPT: FileType = {
  mediaType: "application/vnd.ms-powerpoint",
  extension: "ppt",
  label: "présentation PowerPoint",
};
/** A legacy Office file whose directory lies beyond the first bytes (Word, Excel or PowerPoint). */
const LEGACY_OFFICE: FileType = {
  mediaType: "application/vnd.ms-office",
  extension: "doc",
  label: "document Office (ancien format)",
};

/** Every type accepted for evidence. */
export const EVIDENCE_FILE_TYPES: readonly FileType[] = [
  PDF,
  PNG,
  JPEG,
  GIF,
  WEBP,
  DOCX,
  XLSX,
  PPTX,
  ODT,
  ODS,
  ODP,
  DOC,
  XLS,
  PPT,
  LEGACY_OFFICE,
];
/** Engagement letters and board minutes: a PDF or a scan. */
export const ENGAGEMENT_FILE_TYPES: readonly FileType[] = [PDF, PNG, JPEG, GIF, WEBP];

/** Short French list of accepted formats, for the refusal message. */
export const EVIDENCE_FORMATS_TEXT =
  "PDF, images (PNG, JPEG, GIF, WebP), documents bureautiques (Word, Excel, PowerPoint, OpenDocument)";
export const ENGAGEMENT_FORMATS_TEXT = "PDF ou image (PNG, JPEG, GIF, WebP)";

/** Extensions that designate a type as well as its usual one (a `.jpeg` file stays `.jpeg`). */
const EXTENSION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  [JPEG.mediaType]: ["jpg", "jpeg", "jpe", "jfif"],
  [DOC.mediaType]: ["doc", "dot"],
  [XLS.mediaType]: ["xls", "xlt"],
  [PPT.mediaType]: ["ppt", "pot", "pps"],
  [LEGACY_OFFICE.mediaType]: ["doc", "dot", "xls", "xlt", "ppt", "pot", "pps"],
};

function startsWith(head: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

function ascii(head: Buffer, offset: number, text: string): boolean {
  return head.toString("latin1", offset, offset + text.length) === text;
}

// ---------------------------------------------------------------------------------------------
// ZIP containers (OOXML and OpenDocument)

interface ZipEntry {
  name: string;
  /** Compression method (0: stored). */
  method: number;
  /** Offset of the entry's data in `head`, and its compressed size (when known). */
  dataOffset: number;
  compressedSize: number;
}

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Local file headers found in the first bytes of a ZIP archive, in order. */
function zipEntries(head: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= head.length && entries.length < 1000) {
    if (head.readUInt32LE(offset) !== ZIP_LOCAL_HEADER) break;
    const flags = head.readUInt16LE(offset + 6);
    const method = head.readUInt16LE(offset + 8);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const nameEnd = offset + 30 + nameLength;
    if (nameEnd > head.length) break;
    const name = head.toString(flags & 0x800 ? "utf8" : "latin1", offset + 30, nameEnd);
    const dataOffset = nameEnd + extraLength;
    entries.push({ name, method, dataOffset, compressedSize });
    if (flags & 0x08) {
      // Sizes follow the data (data descriptor): look for the next local header.
      const next = head.indexOf(Buffer.from(ZIP_SIGNATURE), dataOffset);
      if (next < 0) break;
      offset = next;
    } else {
      offset = dataOffset + compressedSize;
    }
  }
  return entries;
}

const OPENDOCUMENT: Readonly<Record<string, FileType>> = {
  "application/vnd.oasis.opendocument.text": ODT,
  "application/vnd.oasis.opendocument.spreadsheet": ODS,
  "application/vnd.oasis.opendocument.presentation": ODP,
};

function detectZip(head: Buffer): FileType | null {
  const entries = zipEntries(head);
  const first = entries[0];
  if (!first) return null;
  if (first.name === "mimetype") {
    if (first.method !== 0) return null;
    const end = first.dataOffset + first.compressedSize;
    if (end > head.length) return null;
    return OPENDOCUMENT[head.toString("latin1", first.dataOffset, end).trim()] ?? null;
  }
  const names = entries.map((e) => e.name);
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((n) => n.startsWith("word/"))) return DOCX;
  if (names.some((n) => n.startsWith("xl/"))) return XLSX;
  if (names.some((n) => n.startsWith("ppt/"))) return PPTX;
  return null;
}

// ---------------------------------------------------------------------------------------------
// OLE2 compound files (legacy Office)

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

const OLE_STREAMS: readonly [string, FileType][] = [
  ["WordDocument", DOC],
  ["Workbook", XLS],
  ["Book", XLS],
  ["PowerPoint Document", PPT],
];

/**
 * Reads the directory of a compound file as far as it lies within `head`: the names of its entries, or
 * null when the directory is out of reach.
 */
function oleDirectoryNames(head: Buffer): string[] | null {
  if (head.length < 512) return null;
  const shift = head.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (sid: number) => (sid + 1) * sectorSize;
  /** Next sector of a chain, through the FAT sectors listed in the header (when within `head`). */
  const nextSector = (sid: number): number | null => {
    const fatIndex = Math.floor(sid / perSector);
    if (fatIndex >= 109) return null;
    const fatSid = head.readUInt32LE(0x4c + fatIndex * 4);
    const at = sectorOffset(fatSid) + (sid % perSector) * 4;
    return at + 4 <= head.length ? head.readUInt32LE(at) : null;
  };
  const names: string[] = [];
  let sid: number | null = head.readUInt32LE(0x30);
  for (let hops = 0; sid !== null && sid !== END_OF_CHAIN && hops < 64; hops++) {
    const start = sectorOffset(sid);
    if (start + sectorSize > head.length) return names.length > 0 ? names : null;
    for (let at = start; at < start + sectorSize; at += 128) {
      const nameBytes = head.readUInt16LE(at + 0x40);
      if (nameBytes >= 2 && nameBytes <= 64) {
        names.push(head.toString("utf16le", at, at + nameBytes - 2));
      }
    }
    sid = nextSector(sid);
  }
  return names;
}

function detectOle(head: Buffer): FileType | null {
  const names = oleDirectoryNames(head);
  if (names === null) {
    // The directory lies beyond the first bytes: look for the stream names written in UTF-16.
    for (const [name, type] of OLE_STREAMS) {
      if (head.includes(Buffer.from(name, "utf16le"))) return type;
    }
    // Word, Excel and PowerPoint often write the directory at the end of big files: accept the file as
    // a legacy Office document (its name keeps a .doc, .xls or .ppt extension).
    return LEGACY_OFFICE;
  }
  for (const [name, type] of OLE_STREAMS) if (names.includes(name)) return type;
  // An installer (MSI), an Outlook message…: not a document we accept.
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Detects the type of a file from its first bytes (up to 64 KiB are given). Returns null for anything we
 * do not accept.
 */
export function detectFileType(head: Buffer): FileType | null {
  if (ascii(head, 0, "%PDF-")) return PDF;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) return GIF;
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) return WEBP;
  if (startsWith(head, ZIP_SIGNATURE)) return detectZip(head);
  if (startsWith(head, OLE2_SIGNATURE)) return detectOle(head);
  return null;
}

/** True when `extension` (lower case, no dot) designates `type`. */
export function isExtensionOf(type: FileType, extension: string): boolean {
  return (EXTENSION_ALIASES[type.mediaType] ?? [type.extension]).includes(extension);
}
