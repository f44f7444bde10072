import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSelfCheck, type SelfCheckDeps } from "@/lib/self-check/run";
import type { Analysis } from "@/lib/self-check/types";
import { CaseQueuedError, createOutbox } from "@/lib/outbox/outbox";

// A consented self-check while the database is down: the person still gets the result and the crisis card,
// is told plainly the case is not saved yet, and the case waits in the outbox until the database is back.
const CRISIS: Analysis = {
  tier: "crisis",
  confidence: "high",
  probabilities: { depression: 0.6, anxiety: 0.1, bipolar: 0.02, suicidal: 0.93 },
  labels: ["suicidal", "depression"],
  topLabel: "suicidal",
  evidence: [],
  model: { name: "test-double", version: "0" },
};

describe("self-check during a database outage", () => {
  it("answers with the result and the crisis card, says the case is kept, and saves it when the database returns", async () => {
    let up = false;
    const written: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), "outage-"));
    const outbox = createOutbox({
      dir,
      retryMs: 60_000,
      save: async (input) => {
        if (!up) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
        written.push(input.submissionKey);
        return { reference: "LNT-TEST-0001", created: true };
      },
    });
    const deps: SelfCheckDeps = {
      classify: async () => ({ ok: true, analysis: CRISIS }),
      fetchPost: async () => {
        throw new Error("not used");
      },
      saveCase: async (input) => {
        const o = await outbox.saveOrQueue(input);
        if (o.status === "saved") return { reference: o.reference, created: o.created };
        if (o.status === "queued") throw new CaseQueuedError();
        throw new Error("failed");
      },
      limit: async () => {},
      limitSave: async () => {},
      log: () => {},
    };
    const key = randomUUID();
    const result = await runSelfCheck({ text: "I have a plan to end my life tonight and I have said goodbye.", consent: true, submissionKey: key }, { acceptLanguage: "en-GB" }, deps);
    expect(result.outcome).toBe("result");
    expect(result.showCrisis).toBe(true);
    expect(result.save).toEqual({ status: "queued" });
    expect(readdirSync(dir)).toEqual([`${key}.json`]);

    up = true;
    expect(await outbox.flush()).toBe(0);
    expect(written).toEqual([key]);
    outbox.stop();
  });
});
