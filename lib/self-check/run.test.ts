// Over 300 lines on purpose: the whole self-check journey (paste, link, consent, receipt, save) against one database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { saveCase } from "@/lib/db/cases";
import { fetchPostFromLink } from "@/lib/ingest";
import { UserFacingError } from "@/lib/errors";
import type { Analysis } from "./types";
import { createLinkFixtureServer, DISTRESS_POST } from "../../e2e/support/servers/link-fixtures.mjs";
import { checkFollowUpCode } from "@/lib/follow-up/code";
import { runSelfCheck, type ClassifyOutcome, type SelfCheckDeps } from "./run";
import { runSaveCheck } from "./save";

// Test double for the classifier (a unit seam, not a fake model): the journey around it is what is under test.
const CRISIS: Analysis = {
  tier: "crisis",
  confidence: "high",
  probabilities: { depression: 0.64, anxiety: 0.1, bipolar: 0.03, suicidal: 0.95 },
  labels: ["suicidal", "depression"],
  topLabel: "suicidal",
  evidence: [{ sentence: "I plan to kill myself tonight.", weight: 0.9 }],
  model: { name: "test-double", version: "0" },
};

const POST = "Hi, I'm Jordan Miles (jordan.m@example.com, u/jmiles_88). I plan to kill myself tonight.";
const fixtures = createLinkFixtureServer();
let origin = "";
beforeAll(async () => {
  origin = await fixtures.listen();
});
afterAll(() => fixtures.close());

function deps(
  db: () => Parameters<typeof saveCase>[0],
  overrides: Partial<SelfCheckDeps> = {},
): SelfCheckDeps & { logged: string[] } {
  const logged: string[] = [];
  return {
    logged,
    classify: async (): Promise<ClassifyOutcome> => ({ ok: true, analysis: CRISIS }),
    fetchPost: (link) =>
      fetchPostFromLink(link, { fixtureOrigin: new URL(origin), resolve: async () => ["151.101.1.140"] }),
    saveCase: (input) => saveCase(db(), input),
    limit: async () => {},
    limitSave: async () => {},
    log: (event) => logged.push(event),
    ...overrides,
  };
}

const ctx = { acceptLanguage: "en-GB,en;q=0.9" };

// The first save of each database loads the anonymizer (compromise) and argon2: 21.7 s measured in the full suite
// on the loaded 2-core dev machine, too close to the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

forEachDatabase((getDb) => {
  it("with consent: saves one anonymized case and returns its reference", async () => {
    const key = randomUUID();
    const result = await runSelfCheck({ text: POST, consent: true, submissionKey: key }, ctx, deps(getDb));
    expect(result).toMatchObject({ outcome: "result", showCrisis: true, country: "GB", save: { status: "saved" } });
    const reference = result.save.status === "saved" ? result.save.reference : "";
    const row = await getDb().case.findUniqueOrThrow({ where: { reference } });
    expect(row.submissionKey).toBe(key);
    expect(row.country).toBe("GB");
    expect(row.redactedText).toContain("I plan to kill myself tonight.");
    for (const identifier of ["Jordan", "Miles", "jordan.m@example.com", "jmiles_88"])
      expect(JSON.stringify(row)).not.toContain(identifier);
    expect(row.resourcesShown).toEqual(result.resources.map((r) => r.resource.id));
    expect(row.resourcesShown.length).toBeGreaterThan(0);
  });

  it("without consent: stores nothing", async () => {
    const before = await getDb().case.count();
    const result = await runSelfCheck({ text: POST, consent: false, submissionKey: randomUUID() }, ctx, deps(getDb));
    expect(result).toMatchObject({ outcome: "result", save: { status: "not_requested" } });
    expect(await getDb().case.count()).toBe(before);
  });

  it("from a link: stores the post's words, never the link or the author", async () => {
    const link = "https://www.reddit.com/r/test/comments/sad001/im_done/";
    const result = await runSelfCheck(
      { link, consent: true, submissionKey: randomUUID(), country: "US" },
      ctx,
      deps(getDb),
    );
    expect(result).toMatchObject({ outcome: "result", source: "link", country: "US", save: { status: "saved" } });
    expect(result.textRead).toContain(DISTRESS_POST);
    const row = await getDb().case.findUniqueOrThrow({
      where: { reference: result.save.status === "saved" ? result.save.reference : "" },
    });
    const stored = JSON.stringify(row);
    expect(stored).toContain("goodbye letters");
    for (const leak of ["reddit", "sad001", "testuser", "https://"]) expect(stored.toLowerCase()).not.toContain(leak);
  });

  it("bad input, hostile links, other languages and failures: a clear message and nothing stored", async () => {
    const before = await getDb().case.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: "   " }, "invalid"],
      [{ text: "a".repeat(100_000) }, "invalid"],
      [{ text: "bin\u0000ary" }, "invalid"],
      [{ link: "javascript:alert(1)" }, "invalid"],
      [{ link: "http://127.0.0.1:3100/api/health" }, "invalid"],
      [{ link: "https://www.reddit.com/r/test/comments/evil01/x/" }, "invalid"],
      [{ link: "https://www.reddit.com/r/test/comments/huge01/x/" }, "invalid"],
      [{ text: "No puedo más, me siento muy solo y quiero desaparecer de este mundo para siempre." }, "not_english"],
    ];
    for (const [fields, outcome] of cases) {
      const result = await runSelfCheck({ ...fields, consent: true, submissionKey: randomUUID() }, ctx, deps(getDb));
      expect(result.outcome, JSON.stringify(fields).slice(0, 80)).toBe(outcome);
      expect(result.message).toBeTruthy();
      expect(result.save.status).toBe("nothing_to_save");
    }
    expect(await getDb().case.count()).toBe(before);
  });

  it("fails safe: model missing or throwing -> crisis card, nothing stored", async () => {
    const before = await getDb().case.count();
    for (const classify of [
      async (): Promise<ClassifyOutcome> => ({ ok: false, reason: "model_unavailable" }),
      async (): Promise<ClassifyOutcome> => Promise.reject(new Error("boom")),
    ]) {
      const result = await runSelfCheck(
        { text: "I feel fine today, just checking this out.", consent: true, submissionKey: randomUUID() },
        ctx,
        deps(getDb, { classify }),
      );
      expect(result).toMatchObject({ outcome: "unavailable", showCrisis: true });
    }
    expect(await getDb().case.count()).toBe(before);
  });

  it("saveLater: answers with a receipt and stores nothing until the page sends it back with the words", async () => {
    const key = randomUUID();
    const result = await runSelfCheck(
      { text: POST, consent: true, submissionKey: key, saveLater: true },
      ctx,
      deps(getDb),
    );
    expect(result).toMatchObject({ outcome: "result", showCrisis: true, save: { status: "pending" } });
    expect(await getDb().case.count({ where: { submissionKey: key } })).toBe(0);
    const receipt = result.save.status === "pending" ? result.save.receipt : "";
    for (const identifier of ["Jordan", "jordan.m@example.com"]) expect(receipt).not.toContain(identifier);

    const saved = await runSaveCheck({ receipt, text: result.textRead }, deps(getDb));
    expect(saved).toMatchObject({ ok: true, save: { status: "saved" } });
    const row = await getDb().case.findUniqueOrThrow({ where: { submissionKey: key } });
    expect(saved.ok && saved.save.status === "saved" && saved.save.reference).toBe(row.reference);
    expect(row.country).toBe("GB");
    expect(row.resourcesShown).toEqual(result.resources.map((r) => r.resource.id));
    for (const identifier of ["Jordan", "Miles", "jordan.m@example.com", "jmiles_88"])
      expect(JSON.stringify(row)).not.toContain(identifier);
    // the follow-up code: shown in this answer, only its hash stored
    const code = saved.ok && saved.save.status === "saved" ? saved.save.followUpCode! : "";
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(row.followUpHash).toMatch(/^\$sha256\$/);
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ""));
    expect(await checkFollowUpCode(row.followUpHash, code)).toBe(true);
    // a retry (the page retries once on a network error) answers with the same case, written once; the person never
    // saw the first answer's code, so the retry's new code replaces it
    const retried = await runSaveCheck({ receipt, text: result.textRead }, deps(getDb));
    expect(retried).toMatchObject({ ok: true, save: { status: "saved", reference: row.reference } });
    const newCode = retried.ok && retried.save.status === "saved" ? retried.save.followUpCode! : "";
    expect(newCode).not.toBe(code);
    const after = await getDb().case.findUniqueOrThrow({ where: { submissionKey: key } });
    expect(await checkFollowUpCode(after.followUpHash, newCode)).toBe(true);
    expect(await checkFollowUpCode(after.followUpHash, code)).toBe(false);
    expect(await getDb().case.count({ where: { submissionKey: key } })).toBe(1);
  });

  it("classifies inside the answer's counted work, which saves wait for", async () => {
    let counted = false;
    let classifiedWhileCounted = false;
    const answering = async <T>(work: () => Promise<T>) => {
      counted = true;
      try {
        return await work();
      } finally {
        counted = false;
      }
    };
    const classify = async (): Promise<ClassifyOutcome> => (
      (classifiedWhileCounted = counted),
      { ok: true, analysis: CRISIS }
    );
    const result = await runSelfCheck(
      { text: POST, submissionKey: randomUUID() },
      ctx,
      deps(getDb, { answering, classify }),
    );
    expect(result.outcome).toBe("result");
    expect(classifiedWhileCounted).toBe(true);
    expect(counted).toBe(false);
  });

  it("saveLater: the save waits for answers still being worked on before it writes", async () => {
    const key = randomUUID();
    const result = await runSelfCheck(
      { text: POST, consent: true, submissionKey: key, saveLater: true },
      ctx,
      deps(getDb),
    );
    const receipt = result.save.status === "pending" ? result.save.receipt : "";
    let answersDone!: () => void;
    const answers = new Promise<void>((resolve) => (answersDone = resolve));
    const saving = runSaveCheck(
      { receipt, text: result.textRead },
      deps(getDb, { asSave: async (work) => (await answers, work()) }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await getDb().case.count({ where: { submissionKey: key } })).toBe(0);
    answersDone();
    expect(await saving).toMatchObject({ ok: true, save: { status: "saved" } });
    expect(await getDb().case.count({ where: { submissionKey: key } })).toBe(1);
  });

  it("saveLater: a receipt for other words, a forged one, or none saves nothing", async () => {
    const key = randomUUID();
    const result = await runSelfCheck(
      { text: POST, consent: true, submissionKey: key, saveLater: true },
      ctx,
      deps(getDb),
    );
    const receipt = result.save.status === "pending" ? result.save.receipt : "";
    const [payload, mac] = receipt.split(".");
    const forged = Buffer.from(
      Buffer.from(payload!, "base64url").toString("utf8").replace('"tier":"crisis"', '"tier":"low"'),
    ).toString("base64url");
    for (const body of [
      { receipt, text: `${result.textRead} and more` },
      { receipt: `${forged}.${mac}`, text: result.textRead },
      { receipt: `${payload}.${"A".repeat(mac!.length)}`, text: result.textRead },
      { receipt: "", text: result.textRead },
      { text: result.textRead },
      "not an object",
    ]) {
      const outcome = await runSaveCheck(body, deps(getDb));
      expect(outcome.ok, JSON.stringify(body).slice(0, 60)).toBe(false);
      expect(!outcome.ok && outcome.message).toMatch(/nothing was stored/);
    }
    expect(await getDb().case.count({ where: { submissionKey: key } })).toBe(0);
  });

  it("saveLater without consent: no receipt, nothing stored", async () => {
    const result = await runSelfCheck(
      { text: POST, consent: false, submissionKey: randomUUID(), saveLater: true },
      ctx,
      deps(getDb),
    );
    expect(result.save).toEqual({ status: "not_requested" });
  });

  it("database down: the result still shows, with a note that it wasn't saved", async () => {
    const result = await runSelfCheck(
      { text: POST, consent: true, submissionKey: randomUUID() },
      ctx,
      deps(getDb, { saveCase: () => Promise.reject(new Error("connect ECONNREFUSED")) }),
    );
    expect(result).toMatchObject({ outcome: "result", showCrisis: true, save: { status: "failed" } });
    expect(result.analysis?.labels).toEqual(["suicidal", "depression"]);
  });
});

describe("runSelfCheck without a database", () => {
  const noDb = () => {
    throw new Error("no database in this test");
  };

  it("keeps the crisis card when rate-limited", async () => {
    const limit = async () => {
      throw new UserFacingError("Please wait a few minutes before checking another post.", { kind: "rate_limited" });
    };
    const result = await runSelfCheck({ text: POST, submissionKey: randomUUID() }, ctx, deps(noDb, { limit }));
    expect(result).toMatchObject({
      outcome: "unavailable",
      rateLimited: true,
      showCrisis: true,
      message: expect.stringContaining("wait"),
    });
  });

  it("shows the crisis card for explicit words of suicidal intent even when the model says low risk", async () => {
    const low: Analysis = { ...CRISIS, tier: "low", confidence: "low", labels: [], topLabel: "none" };
    const classify = async (): Promise<ClassifyOutcome> => ({ ok: true, analysis: low });
    const explicit = await runSelfCheck(
      { text: "I wrote goodbye letters and I want to die.", submissionKey: randomUUID() },
      ctx,
      deps(noDb, { classify }),
    );
    expect(explicit).toMatchObject({
      outcome: "result",
      showCrisis: true,
      crisisReason: "risk",
      analysis: { tier: "low" },
    });
    const calm = await runSelfCheck(
      { text: "Work was long today but the dog cheered me up.", submissionKey: randomUUID() },
      ctx,
      deps(noDb, { classify }),
    );
    expect(calm.showCrisis).toBe(false);
  });

  it("refuses a malformed request without throwing", async () => {
    for (const raw of [null, "text", { text: 5, submissionKey: randomUUID() }, { text: "hi", submissionKey: "nope" }]) {
      expect((await runSelfCheck(raw, ctx, deps(noDb))).outcome).toBe("invalid");
    }
  });

  it("uses the chosen country over Accept-Language, and ZZ for unknown", async () => {
    expect(
      (await runSelfCheck({ text: "I feel fine", submissionKey: randomUUID(), country: "AU" }, ctx, deps(noDb)))
        .country,
    ).toBe("AU");
    expect(
      (await runSelfCheck({ text: "I feel fine", submissionKey: randomUUID(), country: "BR" }, ctx, deps(noDb)))
        .country,
    ).toBe("ZZ");
  });
});
