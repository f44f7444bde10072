import fc from "fast-check";
import { describe, it } from "vitest";
import { redactText } from "@/lib/anonymize";
import { fold } from "@/lib/anonymize/fold";

// No e-mail, phone number or URL survives in any Unicode form a person (or a filter-dodging bot) might write it:
// full-width, another script's digits, zero-width characters inside, confusable dots and at-signs, "(at)"/"(dot)".
// Checked on the output as written and folded, so a survivor in any disguise fails the property.

const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];
const DIGIT_ZEROS = [0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1d7ce];

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const digitsIn = (s: string, zero: number) => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const zeroWidthInside = (s: string, zw: string, every: number) => [...s].map((c, i) => (i > 0 && i % every === 0 ? zw + c : c)).join("");
const confusable = (s: string) => s.replace(/@/g, "＠").replace(/\./g, "。");
const spelledOut = (s: string) => s.replace(/@/g, "(at)").replace(/\./g, "(dot)");

type Form = (s: string) => string;
const forms: fc.Arbitrary<Form> = fc.oneof(
  fc.constant<Form>((s) => s),
  fc.constant<Form>(fullWidth),
  fc.constant<Form>(confusable),
  fc.constant<Form>(spelledOut),
  fc.constantFrom(...DIGIT_ZEROS).map<Form>((zero) => (s) => digitsIn(s, zero)),
  fc.tuple(fc.constantFrom(...ZERO_WIDTH), fc.integer({ min: 1, max: 4 })).map<Form>(([zw, every]) => (s) => zeroWidthInside(s, zw, every)),
);

const email = fc.emailAddress();
const phone = fc
  .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 }), fc.constantFrom("-", " ", ".", " - ", "–"))
  .map(([a, b, c, sep]) => `${a}${sep}${b}${sep}${c}`);
const url = fc.webUrl({ withQueryParameters: true });
const before = fc.constantFrom("reach me at ", "my contact: ", "here ", "(", "it's ");
const after = fc.constantFrom(" thanks", ". I'm so tired", ")", "", " if you want");

/** The identifier, or any run of its letters and digits long enough to use, is still readable after folding. */
function survives(out: string, identifier: string, minRun: number): boolean {
  const folded = fold(out).text.toLowerCase();
  const plain = fold(identifier).text.toLowerCase();
  if (folded.includes(plain)) return true;
  const runs = plain.match(new RegExp(`[a-z0-9]{${minRun},}`, "g")) ?? [];
  return runs.some((run) => folded.includes(run) && !"the and you not".includes(run));
}

const RUNS = { numRuns: 2_000, seed: 19 };

describe("no identifier survives in any Unicode form", () => {
  it("e-mail addresses", () => {
    fc.assert(fc.property(before, email, forms, after, (b, e, form, a) => !survives(redactText(`${b}${form(e)}${a}`), e, 99)), RUNS);
  });

  it("phone numbers: no run of four digits of them is left", () => {
    fc.assert(fc.property(before, phone, forms, after, (b, p, form, a) => !survives(redactText(`${b}${form(p)}${a}`), p, 4)), RUNS);
  });

  it("URLs", () => {
    fc.assert(fc.property(before, url, forms, after, (b, u, form, a) => !survives(redactText(`${b}${form(u)}${a}`), u, 99)), RUNS);
  });
});
