import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { NewCase, SavedCase } from "@/lib/db/cases";
import { createOutbox } from "./outbox";

const RAW = "I'm Sam, write to sam.doe@example.org, I can't go on";

function newCase(): NewCase {
  return {
    submissionKey: randomUUID(),
    text: RAW,
    classification: {
      probabilities: { depression: 0.7, anxiety: 0.2, bipolar: 0.05, suicidal: 0.6 },
      labels: ["depression", "suicidal"],
      topLabel: "depression",
      tier: "crisis",
      evidence: [{ sentence: "write to sam.doe@example.org", weight: 0.4 }],
      model: { name: "test", version: "1" },
    },
    resourcesShown: ["crisis-line"],
    country: "US",
  };
}

/** A database stand-in that can be switched off; counts rows per key like the real unique constraint. */
function fakeDatabase() {
  const rows = new Map<string, string>();
  const state = { up: true, calls: 0 };
  const save = async (input: NewCase): Promise<SavedCase> => {
    state.calls++;
    if (!state.up) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const existing = rows.get(input.submissionKey);
    if (existing) return { reference: existing, created: false };
    const reference = `LNT-${rows.size}`;
    rows.set(input.submissionKey, reference);
    return { reference, created: true };
  };
  return { rows, state, save };
}

describe("case outbox", () => {
  it("saves directly while the database is up", async () => {
    const db = fakeDatabase();
    const outbox = createOutbox({ dir: mkdtempSync(path.join(tmpdir(), "outbox-")), save: db.save });
    expect(await outbox.saveOrQueue(newCase())).toMatchObject({ status: "saved", created: true });
    expect(db.rows.size).toBe(1);
  });

  it("queues anonymized cases during an outage, without waiting on the dead database again, and writes them all when it returns", async () => {
    const db = fakeDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "outbox-"));
    const outbox = createOutbox({ dir, save: db.save, retryMs: 60_000 });
    db.state.up = false;
    const cases = Array.from({ length: 5 }, newCase);
    for (const c of cases) expect(await outbox.saveOrQueue(c)).toEqual({ status: "queued" });
    expect(db.state.calls).toBe(1); // only the first one tried the database
    expect(outbox.pending()).toBe(5);

    const files = readdirSync(dir);
    expect(files).toHaveLength(5);
    for (const f of files) {
      const body = readFileSync(path.join(dir, f), "utf8");
      expect(body).not.toContain("sam.doe@example.org");
      expect(body).not.toContain("Sam,");
    }

    expect(await outbox.flush()).toBe(5); // still down: nothing lost, nothing written
    db.state.up = true;
    expect(await outbox.flush()).toBe(0);
    expect([...db.rows.keys()].sort()).toEqual(cases.map((c) => c.submissionKey).sort());
    expect(readdirSync(dir)).toEqual([]);
    outbox.stop();
  });

  it("resumes after a restart, ignores a half-written entry, and never duplicates a case that was already saved", async () => {
    const db = fakeDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "outbox-"));
    const first = createOutbox({ dir, save: db.save, retryMs: 60_000 });
    db.state.up = false;
    const a = newCase();
    const b = newCase();
    await first.saveOrQueue(a);
    await first.saveOrQueue(b);
    first.stop();
    // The process died: one entry was mid-write, and case `a` had in fact been committed before the crash.
    writeFileSync(path.join(dir, `.${randomUUID()}.tmp`), '{"submissionKey":"');
    db.rows.set(a.submissionKey, "LNT-A");
    db.state.up = true;

    const second = createOutbox({ dir, save: db.save, retryMs: 60_000 });
    await second.ready();
    expect(second.pending()).toBe(2);
    expect(await second.flush()).toBe(0);
    expect(db.rows.get(a.submissionKey)).toBe("LNT-A");
    expect(db.rows.size).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    second.stop();
  });

  it("retries by itself once the database is back", async () => {
    const db = fakeDatabase();
    const outbox = createOutbox({ dir: mkdtempSync(path.join(tmpdir(), "outbox-")), save: db.save, retryMs: 20, maxRetryMs: 40 });
    db.state.up = false;
    await outbox.saveOrQueue(newCase());
    await new Promise((r) => setTimeout(r, 100));
    db.state.up = true;
    await expect.poll(() => db.rows.size, { timeout: 2_000 }).toBe(1);
    expect(outbox.pending()).toBe(0);
  });

  it("once the database is back, new saves go to it directly (with a reference) even while older ones wait", async () => {
    const db = fakeDatabase();
    const outbox = createOutbox({ dir: mkdtempSync(path.join(tmpdir(), "outbox-")), save: db.save, retryMs: 30, maxRetryMs: 30 });
    db.state.up = false;
    expect(await outbox.saveOrQueue(newCase())).toEqual({ status: "queued" });
    db.state.up = true;
    await new Promise((r) => setTimeout(r, 40)); // past the retry delay: no longer "known down"
    expect(await outbox.saveOrQueue(newCase())).toMatchObject({ status: "saved" });
    await expect.poll(() => outbox.pending(), { timeout: 2_000 }).toBe(0);
    expect(db.rows.size).toBe(2);
    outbox.stop();
  });

  it("a case the database would reject as invalid is not queued forever", async () => {
    const outbox = createOutbox({
      dir: mkdtempSync(path.join(tmpdir(), "outbox-")),
      save: async () => {
        throw new z.ZodError([]);
      },
    });
    expect(await outbox.saveOrQueue(newCase())).toEqual({ status: "failed" });
    expect(outbox.pending()).toBe(0);
  });

  it("a slow database counts as down: the person gets an answer within the save timeout", async () => {
    const outbox = createOutbox({
      dir: mkdtempSync(path.join(tmpdir(), "outbox-")),
      save: () => new Promise<SavedCase>(() => {}),
      saveTimeoutMs: 50,
      retryMs: 60_000,
    });
    const started = Date.now();
    expect(await outbox.saveOrQueue(newCase())).toEqual({ status: "queued" });
    expect(Date.now() - started).toBeLessThan(1_000);
    outbox.stop();
  });
});
