import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESOURCES } from "./directory";

// Read from the shared research notes at test time (never copied into the repo), so a later edit of the
// exclusion list is enforced without touching this file.
const notes = readFileSync(path.resolve(import.meta.dirname, "../../../shared/reference/resources-unverified.md"), "utf8");

function section(title: string): string[] {
  const start = notes.indexOf(`## ${title}`);
  expect(start, `section "${title}" in resources-unverified.md`).toBeGreaterThanOrEqual(0);
  const end = notes.indexOf("\n## ", start + 3);
  return notes
    .slice(start, end === -1 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line) && !/^\|\s*(item|resource)\s*\|/.test(line));
}

const digits = (s: string) => s.replace(/\D/g, "");
// The first cell names the excluded item; later cells may quote the replacement, which is in the directory on purpose.
// Rows that say an item was "Left out" quote the rejected numbers in their reason, so those count whole.
const itemText = (row: string) => (/left out/i.test(row) ? row : (row.split("|")[1] ?? ""));
// Phone-shaped numbers with at least 7 digits ("1-833-943-5746", "0800 543 354", "07786 209697").
const phonesIn = (s: string) => (s.match(/\+?\d[\d\s-]{5,}\d/g) ?? []).map(digits).filter((d) => d.length >= 7);

const contactStrings = (kinds?: string[]) =>
  RESOURCES.flatMap((r) =>
    Object.entries(r.contact)
      .filter(([k]) => !kinds || kinds.includes(k))
      .map(([, v]) => ({ id: r.id, value: String(v) })),
  );

describe("entries the research excluded or could not confirm", () => {
  const excluded = section("Deliberately excluded (known to be discontinued or changed)");
  const unconfirmed = section("Could not confirm (not in resources.json)");

  it("found the tables", () => {
    expect(excluded.length).toBeGreaterThanOrEqual(4);
    expect(unconfirmed.length).toBeGreaterThanOrEqual(10);
  });

  it("never uses an excluded number as a phone or text route", () => {
    // The old Lifeline number is excluded as a primary number; the notes keep it only as the ASL videophone route.
    const callable = contactStrings(["phone", "phone_alt", "phone_CA", "sms", "tty"]);
    for (const row of excluded) {
      for (const number of phonesIn(itemText(row))) {
        for (const c of callable) expect(digits(c.value).includes(number), `${c.id} uses ${number} from: ${row.slice(0, 60)}`).toBe(false);
      }
    }
    const shortCodes = excluded.flatMap((row) => [...itemText(row).matchAll(/text (\d{4,6})\b/g)].map((m) => m[1]!));
    expect(shortCodes).toContain("45645");
    for (const code of shortCodes) for (const c of callable) expect(c.value, c.id).not.toMatch(new RegExp(`\\b${code}\\b`));
    const videophone = RESOURCES.filter((r) => r.contact.videophone && digits(r.contact.videophone) === "18002738255");
    expect(videophone.map((r) => r.id)).toEqual(["us-988-asl"]);
  });

  it("does not list the ended 988 Press 3 LGBTQ+ youth route or Talk Suicide Canada", () => {
    for (const r of RESOURCES) {
      const text = JSON.stringify(r.contact) + r.name;
      expect(text, r.id).not.toMatch(/press 3/i);
      expect(text, r.id).not.toMatch(/\bPRIDE\b/);
      expect(r.name, r.id).not.toMatch(/talk suicide canada/i);
    }
  });

  it("contains no number from the could-not-confirm list", () => {
    const all = contactStrings();
    for (const row of unconfirmed) {
      for (const number of phonesIn(itemText(row))) {
        for (const c of all) expect(digits(c.value).includes(number), `${c.id} uses unconfirmed ${number}`).toBe(false);
      }
    }
  });

  it("contains no unconfirmed service by name or by address", () => {
    const names = ["Postpartum Support International", "Wellness Together Canada", "AASRA", "Vandrevala", "iCall", "QLife", "headspace", "MensLine", "Teen Line", "Disaster Distress"];
    for (const name of names) {
      expect(notes, `"${name}" is still listed in the notes`).toContain(name);
      for (const r of RESOURCES) expect(`${r.name} ${r.organization}`, r.id).not.toContain(name);
    }
    for (const r of RESOURCES) {
      for (const u of [r.contact.url, r.contact.chat_url]) if (u) expect(new URL(u).hostname, r.id).not.toMatch(/trevorchat\.org|iasp\.info/);
    }
  });
});
