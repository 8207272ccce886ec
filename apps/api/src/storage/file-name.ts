/**
 * File names given by clients: only a harmless base name is kept (it is shown and offered back on
 * download, never used as a path: files are stored under their SHA-256).
 */
import { badInput } from "../common/errors";
import { isExtensionOf, type FileType } from "./file-type";

export const FILE_NAME_MAX = 150;
/** A longer "extension" is part of the name (it is not kept whole when shortening). */
const EXTENSION_MAX = 16;

// Control characters (C0, DEL, C1), and format characters that disguise a name: bidirectional
// overrides (« rapport‮fdp.exe »), zero-width characters, byte-order marks.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Characters refused by Windows in a name. */
const WINDOWS_ILLEGAL = /[<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Splits a name into base and extension (".pdf"), the extension being empty when there is none. */
function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || name.length - dot > EXTENSION_MAX + 1 || /\s/.test(name.slice(dot))) {
    return { base: name, extension: "" };
  }
  return { base: name.slice(0, dot), extension: name.slice(dot) };
}

/** Cuts `text` to `max` characters without splitting a character made of two UTF-16 units. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

function shorten(name: string, max: number): string {
  if (Array.from(name).length <= max) return name;
  const { base, extension } = splitExtension(name);
  return `${cut(base, max - Array.from(extension).length).trimEnd()}${extension}`;
}

/**
 * Keeps the base name of a client file name: no directory (`/`, `\`, drive letter), no `..`, no control
 * or Windows-illegal character, single spaces, at most 150 characters (extension kept). Refuses a name
 * left empty (BAD_USER_INPUT).
 */
export function sanitizeFileName(raw: string | null | undefined): string {
  const original = typeof raw === "string" ? raw : "";
  let name = original.normalize("NFC").replace(CONTROL, "");
  // Only the last segment of a path, whichever the separator; then no drive letter ("C:rapport.pdf").
  name = name.split(/[/\\]/).pop() ?? "";
  name = name.replace(/^[a-z]:/i, "");
  name = name.replace(WINDOWS_ILLEGAL, "").replace(/\s+/g, " ");
  // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows drops them).
  name = name.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  name = shorten(name, FILE_NAME_MAX);
  if (name.length === 0) {
    throw badInput(
      `Le nom du fichier « ${cut(original, 80)} » est vide ou invalide : donnez au fichier un nom ordinaire (ex. « compte-rendu.pdf »).`,
      { fileName: cut(original, 200) },
    );
  }
  return name;
}

/**
 * Gives a sanitised name the extension of the type detected from the content: kept when it matches,
 * replaced when it names another format (« photo.pdf » holding a PNG → « photo.png »), added otherwise.
 */
export function withDetectedExtension(name: string, type: FileType): string {
  const { base, extension } = splitExtension(name);
  if (extension && isExtensionOf(type, extension.slice(1).toLowerCase())) return name;
  const looksLikeFormat = /^\.[a-z][a-z0-9]{1,4}$/i.test(extension);
  const stem = looksLikeFormat ? base : name;
  return shorten(`${stem}.${type.extension}`, FILE_NAME_MAX);
}
