/**
 * Seeds the e2e database BEFORE the server starts (PGlite allows one process):
 * one account per role (plus spares for destructive tests) with random passwords,
 * and saved cases for the review specs. Writes test-results/e2e-staff.json, read by
 * setup/10-users.ts (stored logins) and the specs. Every case text carries a canary
 * string so access specs can prove that no text leaked.
 *
 * Run by servers/50-staff-seed.mjs with DATABASE_URL or LANTERN_DATA_DIR set.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ANONYMIZER_VERSION } from "@/lib/anonymize";
import { openDatabase } from "@/lib/db/connect";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/db/users";
import type { Tier } from "@/lib/db/generated/enums";
import type { StaffFixture } from "./fixture-types";

const root = path.resolve(import.meta.dirname, "../../..");
const run = randomBytes(3).toString("hex").toUpperCase();
const canary = (name: string) => `CANARY${run}${name.toUpperCase()}`;

const ACCOUNTS = {
  admin: "ADMIN",
  clinician: "CLINICIAN",
  clinician2: "CLINICIAN",
  outreach: "OUTREACH",
  disposable: "CLINICIAN",
  lockout: "OUTREACH",
  // Signing out ends every session of the account (sessionVersion), so sign-out tests use their own accounts
  // rather than ending the stored logins the other specs use.
  signoutAdmin: "ADMIN",
  signoutClinician: "CLINICIAN",
} as const;

const handle = await openDatabase();
const db = handle.prisma;
try {
  const users = {} as StaffFixture["users"];
  for (const [key, role] of Object.entries(ACCOUNTS)) {
    const password = randomBytes(18).toString("base64url");
    const { user } = await createUser(db, systemActor("cli"), { email: `${key}@e2e.lantern.test`, role, password });
    users[key as keyof typeof ACCOUNTS] = { id: user.id, email: user.email, password, role };
  }

  let n = 0;
  const today = new Date().toISOString().slice(0, 10);
  // Seeded text counts as anonymized by the current rules (the server re-anonymizes older rows at start), unless a
  // case says otherwise (`anonymizerVersion: 1`: saved under the rules before 2.0).
  async function makeCase(
    name: string,
    s: { tier: Tier; confidence: number; labels: string[]; country?: string; createdOn?: string; text?: string; anonymizerVersion?: number; tierReason?: object },
  ) {
    n++;
    const text = `I keep telling myself it will pass. ${canary(name)} ${s.text ?? "Nothing feels worth it lately and I can't sleep. Tomorrow I will try to call someone."}`;
    const c = await db.case.create({
      data: {
        reference: `LNT-E${String(n).padStart(3, "0")}-${run.slice(0, 4)}`,
        submissionKey: `e2e-${run}-${n}`,
        createdOn: new Date(`${s.createdOn ?? today}T00:00:00Z`),
        redactedText: text,
        anonymizerVersion: s.anonymizerVersion ?? ANONYMIZER_VERSION,
        probabilities: { depression: 0.81, anxiety: 0.22, bipolar: 0.04, suicidal: s.tier === "CRISIS" ? 0.77 : 0.12 },
        labels: s.labels,
        topLabel: s.labels[0] ?? "none",
        tier: s.tier,
        ...(s.tierReason ? { tierReason: s.tierReason } : {}),
        confidence: s.confidence,
        evidence: [{ sentence: "Nothing feels worth it lately and I can't sleep.", start: 0, end: 0, weight: 0.9 }],
        modelName: "lantern-e2e",
        modelVersion: "9.9.9",
        resourcesShown: ["us-988-call-text", "us-crisis-text-line"],
        generatedMessage: "Thank you for putting this into words. You deserve support, and you do not have to carry this alone.",
        country: s.country ?? "US",
      },
    });
    return { id: c.id, reference: c.reference, canary: canary(name) };
  }

  const cases: StaffFixture["cases"] = {
    // Risk order in country ZQ: crisis first, then confidence, then oldest.
    orderLow: await makeCase("orderLow", { tier: "LOW", confidence: 0.99, labels: [], country: "ZQ" }),
    orderElevated: await makeCase("orderElevated", { tier: "ELEVATED", confidence: 0.9, labels: ["anxiety"], country: "ZQ" }),
    orderCrisis: await makeCase("orderCrisis", { tier: "CRISIS", confidence: 0.55, labels: ["suicidal"], country: "ZQ" }),
    workflow: await makeCase("workflow", {
      tier: "CRISIS",
      confidence: 0.88,
      labels: ["suicidal", "depression"],
      tierReason: { words: "want to die", model: { tier: "crisis", condition: "suicidal", score: 0.77, threshold: 0.18 } },
    }),
    toDelete: await makeCase("toDelete", { tier: "LOW", confidence: 0.4, labels: ["depression"] }),
    target: await makeCase("target", { tier: "ELEVATED", confidence: 0.7, labels: ["depression"] }),
    othersClaim: await makeCase("othersClaim", { tier: "ELEVATED", confidence: 0.6, labels: ["anxiety"] }),
    audited: await makeCase("audited", { tier: "LOW", confidence: 0.35, labels: [] }),
    // Text that the rules kept but that may still identify someone: the case page warns (lib/anonymize/leftovers.ts).
    leftovers: await makeCase("leftovers", {
      tier: "LOW",
      confidence: 0.2,
      labels: [],
      text: "Nothing feels worth it lately and I can't sleep. Zorblax Quint keeps calling, his number is 4471902, find me on discord.",
    }),
    // Saved under the rules before 2.0: the server anonymizes it again at start, in the background.
    stale: await makeCase("stale", {
      tier: "LOW",
      confidence: 0.2,
      labels: [],
      anonymizerVersion: 1,
      text: "Nothing feels worth it lately and I can't sleep. Text me on ５５５-０１９９-１２３４ or jane.doe(at)gmail(dot)com.",
    }),
    // Found by reference and claimed from the keyboard (review.spec.ts).
    keys: await makeCase("keys", { tier: "LOW", confidence: 0.33, labels: [], country: "ZS" }),
    // Worked through on a phone-sized screen (review-phone.spec.ts).
    phone: await makeCase("phone", {
      tier: "ELEVATED",
      confidence: 0.72,
      labels: ["depression"],
      country: "ZR",
      tierReason: { words: null, model: { tier: "elevated", condition: "depression", score: 0.81, threshold: 0.5 } },
    }),
  };
  for (let i = 0; i < 26; i++) await makeCase(`page${i}`, { tier: "LOW", confidence: 0.3, labels: ["anxiety"], country: "ZP" });

  // A case held by clinician2, with a private note.
  await db.case.update({
    where: { id: cases.othersClaim.id },
    data: { status: "IN_REVIEW", claimedById: users.clinician2.id, updatedAt: new Date() },
  });
  await db.caseNote.create({ data: { caseId: cases.othersClaim.id, authorId: users.clinician2.id, body: `Private note ${canary("note")}`, anonymizerVersion: ANONYMIZER_VERSION } });

  const fixture: StaffFixture = { run, users, cases, noteCanary: canary("note") };
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(root, "test-results", "e2e-staff.json"), JSON.stringify(fixture, null, 2), { mode: 0o600 });
  console.log(`[e2e] seeded ${Object.keys(users).length} staff accounts and ${n} cases (run ${run})`);
} finally {
  await handle.close();
}
