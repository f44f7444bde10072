import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { saveCheckInputSchema, selfCheckInputSchema } from "@/lib/self-check/schema";
import { resourceCaseSchema } from "@/lib/ai/context";
import { newUserSchema } from "@/lib/db/users";
import { classifyChunkInput, saveCaseInput } from "@/lib/outreach/schema";
import { caseRefSchema, labelsSchema, noteSchema, queueFilterSchema, statusChangeSchema } from "@/lib/review/schemas";
import { openInputSchema, replySchema } from "@/lib/follow-up/person";
import { writeToPersonSchema } from "@/lib/db/case-messages";
import { FUZZ } from "./runs";

// Every server action (and the JSON routes that mirror them) parses its input with one of these schemas
// before doing anything. Whatever a client sends: parsing never throws, never lets an undeclared field
// through (no mass assignment: role, claimedById, status ...), never pollutes prototypes, and whatever it
// accepts stays within the declared bounds.

const CASE_ID = "3f0c2a6e-8d4b-4c1a-9e7f-5b2d1c0a9f8e";
const UUID = "3b241101-e2bb-4255-8caa-c4c4f4f2c1a9";

type Entry = { name: string; schema: z.ZodType; valid: Record<string, unknown>; maxJson: number };
const SCHEMAS: Entry[] = [
  { name: "self-check (checkPost, POST /api/self-check)", schema: selfCheckInputSchema, valid: { text: "I feel low", consent: true, submissionKey: UUID, country: "US" }, maxJson: 1_100_000 },
  { name: "save a self-check (saveCheckedPost, POST /api/self-check/save)", schema: saveCheckInputSchema, valid: { receipt: "e30.c2ln", text: "I feel low" }, maxJson: 1_070_000 },
  { name: "resources (POST /api/resources)", schema: resourceCaseSchema, valid: { text: "I feel low", tier: "elevated", country: "US", conditions: { depression: 0.6 } }, maxJson: 20_000 },
  { name: "outreach classifyChunk", schema: classifyChunkInput, valid: { posts: ["a post"], country: "", countries: ["GB"], batchSize: 1 }, maxJson: 25 * 10_000 * 6 + 1_500 },
  { name: "outreach saveRow", schema: saveCaseInput, valid: { text: "a post", country: "GB", submissionKey: UUID, confirmed: true }, maxJson: 61_000 },
  { name: "review claim/release/delete", schema: caseRefSchema, valid: { caseId: CASE_ID }, maxJson: 100 },
  { name: "review setStatus", schema: statusChangeSchema, valid: { caseId: CASE_ID, status: "REVIEWED" }, maxJson: 200 },
  { name: "review addNote", schema: noteSchema, valid: { caseId: CASE_ID, body: "Called back, safe." }, maxJson: 31_000 },
  { name: "review saveLabels", schema: labelsSchema, valid: { caseId: CASE_ID, labels: { depression: true, anxiety: false, bipolar: false, suicidal: true } }, maxJson: 300 },
  // Every field a smuggled key could name must be in the valid example, or the check below counts it as undeclared.
  { name: "review queue filters (search params)", schema: queueFilterSchema, valid: { status: "NEW", reference: "lnt 7k3q", page: "2" }, maxJson: 400 },
  { name: "follow-up open (openFollowUpAction)", schema: openInputSchema, valid: { reference: "LNT-W39E-K7MN", code: "7K3Q-9MZD-X2PA" }, maxJson: 2_000 },
  { name: "follow-up reply (writeBackAction)", schema: replySchema, valid: { text: "Thank you." }, maxJson: 13_000 },
  { name: "review writeToPerson / previewMessage", schema: writeToPersonSchema, valid: { caseId: CASE_ID, body: "Thank you.", resourceIds: ["us-988-call-text"] }, maxJson: 75_000 },
  { name: "admin createUser", schema: newUserSchema, valid: { email: "new@lantern.local", role: "CLINICIAN" }, maxJson: 2_000 },
];

const SMUGGLED = ["role", "claimedById", "disabled", "sessionVersion", "status", "reference", "id", "isAdmin", "constructor", "__proto__"];

// Hostile values for any field: wrong types, huge strings, odd Unicode, nested junk, prototype tricks.
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(null, undefined, NaN, Infinity, -1, 0, 1e308, "", " ", "\u0000", "__proto__", "ADMIN", "<script>", "' OR 1=1 --", [], {}),
  fc.integer({ min: 1, max: 3 }).map((n) => "x".repeat(10 ** (n + 3))),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

function jsonSize(v: unknown): number {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))?.length ?? 0;
}

describe("server action input schemas", { timeout: 600_000 }, () => {
  for (const { name, schema, valid, maxJson } of SCHEMAS) {
    it(`${name}: the valid example passes`, () => {
      expect(schema.safeParse(valid).success).toBe(true);
    });

    it(`${name}: any value of any shape parses or is refused, never throws, stays in bounds`, () => {
      fc.assert(
        fc.property(fc.oneof(hostile, fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 6 })), (input) => {
          const r = schema.safeParse(input);
          return !r.success || jsonSize(r.data) <= maxJson;
        }),
        FUZZ,
      );
    });

    it(`${name}: a valid input with one field replaced by anything, or extra fields smuggled in`, () => {
      const keys = Object.keys(valid);
      fc.assert(
        fc.property(fc.constantFrom(...keys), hostile, fc.subarray(SMUGGLED), hostile, (key, value, extra, extraValue) => {
          const input: Record<string, unknown> = { ...valid, [key]: value };
          for (const k of extra) Object.defineProperty(input, k, { value: extraValue, enumerable: true, configurable: true, writable: true });
          const r = schema.safeParse(input);
          if (({} as Record<string, unknown>).polluted !== undefined) return false;
          if (!r.success) return true;
          const out = r.data as Record<string, unknown>;
          const undeclared = extra.filter((k) => !keys.includes(k) && Object.prototype.hasOwnProperty.call(out, k));
          return undeclared.length === 0 && jsonSize(out) <= maxJson;
        }),
        FUZZ,
      );
    });
  }
});
