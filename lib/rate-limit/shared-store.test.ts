import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/support/db";
import { LIMITER_TABLE } from "./store";

// The process's store as the server picks it from its configuration: lib/env.ts reads the environment once per
// module instance, so each case loads the modules afresh.
async function freshStoreModule() {
  vi.resetModules();
  return import("./shared-store");
}

describe("the server's limiter store", () => {
  it("is this process's memory on the embedded database (no DATABASE_URL)", async () => {
    vi.stubEnv("DATABASE_URL", "");
    try {
      const { limiterStore, closeLimiterStore } = await freshStoreModule();
      expect(limiterStore("lockouts")).toEqual({ kind: "memory" });
      await closeLimiterStore();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL && !process.env.CI)("[postgres]", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase("postgres");
    }, 120_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await db?.dispose();
    }, 60_000);

    it("is the shared table with DATABASE_URL, one pool per process, closed by the shutdown drain", async () => {
      vi.stubEnv("DATABASE_URL", db.url!);
      const { limiterStore, closeLimiterStore } = await freshStoreModule();
      const store = limiterStore("lockouts");
      expect(store.kind).toBe("postgres");
      expect(limiterStore("lockouts")).toBe(store);
      if (store.kind !== "postgres") return;
      const { rows } = await store.client.query({ text: `SELECT count(*)::int AS n FROM "${LIMITER_TABLE}"` });
      expect(rows).toEqual([{ n: 0 }]);
      await closeLimiterStore();
      // The closed pool refuses (a limiter on it would answer from its insurance); the next call opens a new one.
      await expect(store.client.query({ text: "SELECT 1" })).rejects.toThrow(/after calling end/);
      const again = limiterStore("lockouts");
      expect(again).not.toBe(store);
      await closeLimiterStore();
    });

    it("keeps request limits in memory on one instance, and in the shared table with several", async () => {
      vi.stubEnv("DATABASE_URL", db.url!);
      vi.stubEnv("LANTERN_INSTANCES", "1");
      let m = await freshStoreModule();
      expect(m.limiterStore("requests")).toEqual({ kind: "memory" });
      expect(m.limiterStore("lockouts").kind).toBe("postgres");
      await m.closeLimiterStore();
      vi.stubEnv("LANTERN_INSTANCES", "2");
      m = await freshStoreModule();
      const requests = m.limiterStore("requests");
      expect(requests.kind).toBe("postgres");
      expect(m.limiterStore("lockouts")).toBe(requests);
      await m.closeLimiterStore();
    });
  });
});
