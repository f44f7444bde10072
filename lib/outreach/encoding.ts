import type { Notice } from "./notices";
import { plural } from "./notices";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  notices: Notice[];
}

export class UnreadableFileError extends Error {
  constructor(public readonly notice: Notice) {
    super(notice.message);
    this.name = "UnreadableFileError";
  }
}

const REPLACEMENT = "\uFFFD";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return "utf-16le";
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return "utf-16be";
  return null;
}

// Windows-1252 differs from ISO-8859-1 only in 0x80-0x9F (curly quotes, euro, dashes). Decoded by hand because
// Node's TextDecoder maps the "windows-1252" label to ISO-8859-1, unlike browsers: one result everywhere.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chars = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));
    out += chars.join("");
  }
  return out;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Characters that do not belong in a text file: NUL and the other C0 controls except tab, newlines and form feed. */
function controlCharShare(text: string): number {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) n++;
  }
  return n / sample.length;
}

function invalidBytesNotice(n: number): Notice {
  return {
    level: "warning",
    code: "invalid-bytes",
    message: `${plural(n, "character")} in this file could not be read and ${n === 1 ? "was" : "were"} replaced with “${REPLACEMENT}”. The rest of the file was read normally.`,
  };
}

/**
 * Turns an uploaded file into text. Spreadsheets save CSVs as UTF-8 (with or without a byte-order mark),
 * UTF-16 ("Unicode text") or a legacy Western code page, so each is detected rather than assumed;
 * every guess and every repair is reported to the worker.
 */
export function decodeUpload(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) {
    throw new UnreadableFileError({ level: "error", code: "empty-input", message: "This file is empty. Choose a CSV file that has posts in it." });
  }
  // xlsx, ods and docx are ZIP archives; old .xls is an OLE container.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UnreadableFileError({
      level: "error",
      code: "spreadsheet-file",
      message: "This looks like a spreadsheet or document file, not a CSV. In your spreadsheet app choose “Save as” → “CSV UTF-8”, then upload that file.",
    });
  }

  const notices: Notice[] = [];
  let encoding: TextEncodingName;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = "utf-8";
    body = bytes.subarray(3);
    notices.push({ level: "info", code: "encoding-utf8-bom", message: "Read as UTF-8 (the file starts with a byte-order mark, which was removed)." });
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = "utf-16le";
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = "utf-16be";
    body = bytes.subarray(2);
  } else {
    encoding = sniffUtf16(bytes) ?? "utf-8";
  }

  let text: string;
  if (encoding === "utf-8") {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      const lenient = new TextDecoder("utf-8").decode(body);
      const invalid = count(lenient, REPLACEMENT);
      // Real UTF-8 with a few damaged bytes still has many valid non-ASCII characters; a legacy
      // code page file has almost none (its accented letters are all invalid UTF-8).
      const validNonAscii = [...lenient].filter((c) => c.charCodeAt(0) > 0x7f && c !== REPLACEMENT).length;
      if (validNonAscii > invalid) {
        text = lenient;
        notices.push(invalidBytesNotice(invalid));
      } else {
        encoding = "windows-1252";
        text = decodeWindows1252(body);
        notices.push({
          level: "warning",
          code: "encoding-latin1",
          message:
            "This file is not UTF-8, so it was read as Latin-1 (Western European). If accented letters look wrong, save the file as “CSV UTF-8” and upload it again.",
        });
      }
    }
  } else {
    const label = encoding === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE";
    notices.push({ level: "info", code: "encoding-utf16", message: `Read as Unicode text (${label}).` });
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      // Unpaired surrogates or an odd trailing byte: keep everything else and say what was replaced.
      text = new TextDecoder(encoding).decode(body);
      notices.push(invalidBytesNotice(Math.max(count(text, REPLACEMENT), 1)));
    }
  }

  if (controlCharShare(text) > 0.01) {
    throw new UnreadableFileError({
      level: "error",
      code: "not-text",
      message: "This file does not look like text. Choose a CSV file (in a spreadsheet app: “Save as” → “CSV UTF-8”).",
    });
  }
  return { text, encoding, notices };
}
