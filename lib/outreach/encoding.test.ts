import { describe, expect, it } from "vitest";
import { decodeUpload, UnreadableFileError } from "./encoding";

const CSV = "id,text\n1,Café au lait, naïve façade — “quoted” 😊\n";

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(endian === "le" ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}

function unreadable(bytes: Uint8Array): UnreadableFileError {
  try {
    decodeUpload(bytes);
  } catch (err) {
    if (err instanceof UnreadableFileError) return err;
    throw err;
  }
  throw new Error("expected the file to be refused");
}

describe("decodeUpload", () => {
  it("reads plain UTF-8 without any notice", () => {
    const out = decodeUpload(new TextEncoder().encode(CSV));
    expect(out).toEqual({ text: CSV, encoding: "utf-8", notices: [] });
  });

  it("removes a UTF-8 byte-order mark and says so", () => {
    const out = decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]));
    expect(out.text).toBe(CSV);
    expect(out.notices.map((n) => n.code)).toEqual(["encoding-utf8-bom"]);
  });

  it.each([
    ["le", true],
    ["be", true],
    ["le", false],
    ["be", false],
  ] as const)("reads UTF-16 %s (byte-order mark: %s)", (endian, bom) => {
    const out = decodeUpload(utf16(CSV, endian, bom));
    expect(out.text).toBe(CSV);
    expect(out.encoding).toBe(`utf-16${endian}`);
    expect(out.notices.map((n) => n.code)).toEqual(["encoding-utf16"]);
  });

  it("falls back to Latin-1 (Windows-1252) with a notice when the file is not UTF-8", () => {
    // "Café, naïve" and a euro sign as a Western European spreadsheet saves them.
    const bytes = new Uint8Array([...new TextEncoder().encode("text\nCaf"), 0xe9, 0x2c, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x80, 0x0a]);
    const out = decodeUpload(bytes);
    expect(out.encoding).toBe("windows-1252");
    expect(out.text).toBe("text\nCafé, naïve €\n");
    expect(out.notices).toEqual([expect.objectContaining({ level: "warning", code: "encoding-latin1" })]);
    expect(out.notices[0]!.message).toMatch(/CSV UTF-8/);
  });

  it("keeps a UTF-8 file with a few damaged bytes, replacing only those and counting them", () => {
    const good = new TextEncoder().encode("text\nnaïve café “ok” — fine\n");
    const out = decodeUpload(new Uint8Array([...good, 0xff, 0xfe, 0x41, 0x0a]));
    expect(out.encoding).toBe("utf-8");
    expect(out.text.startsWith("text\nnaïve café “ok” — fine\n")).toBe(true);
    expect(out.text).toContain("A");
    expect(out.notices).toEqual([expect.objectContaining({ code: "invalid-bytes" })]);
    expect(out.notices[0]!.message).toMatch(/^2 characters/);
  });

  it("reports an unpaired surrogate in UTF-16 and keeps the rest", () => {
    const bytes = utf16("text\nhello \ud800 world\n", "le", true);
    const out = decodeUpload(bytes);
    expect(out.text).toContain("hello");
    expect(out.text).toContain("world");
    expect(out.notices.map((n) => n.code)).toEqual(["encoding-utf16", "invalid-bytes"]);
  });

  it("refuses an empty file, a spreadsheet and binary data with kind, specific messages", () => {
    expect(unreadable(new Uint8Array()).notice.code).toBe("empty-input");
    expect(unreadable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).notice.message).toMatch(/Save as.*CSV UTF-8/);
    const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    expect(unreadable(binary).notice.code).toBe("not-text");
  });
});
