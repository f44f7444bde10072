/**
 * Limits shared by several instances on one real PostgreSQL (TEST_DATABASE_URL): each "instance" here is what a
 * server process builds, its own limiter set on its own pool, with its own salt derived from the same AUTH_SECRET.
 * A client alternating between them must meet the same limits as on one instance. Then the store's insurance:
 * an unreachable or silent database never throws anything but a UserFacingError and never blocks an answer.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { checkCredentials, SignInRefused } from "@/lib/auth/credentials";
import { authConfig } from "@/lib/auth/config";
import { createSignInLimiter } from "@/lib/auth/rate-limit";
import { createLimiterPool } from "@/lib/db/limiter-pool";
import { createUser } from "@/lib/db/users";
import { isUserFacingError } from "@/lib/errors";
import { hashFollowUpCode, newFollowUpCode } from "@/lib/follow-up/code";
import { createFollowUpLimiter } from "@/lib/follow-up/limits";
import { openCase } from "@/lib/follow-up/person";
import { makeCase } from "@/test/review/fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/support/db";
import { hashClientAddress, limiterKeySalt } from "./client-key";
import { readRateLimitConfig } from "./config";
import { createLimiters } from "./limiters";
import { LIMITER_TABLE, MEMORY_STORE, postgresStore, sweepExpiredLimits, type LimiterStore } from "./store";

vi.setConfig({ testTimeout: 60_000 });

const SECRET = "k3J9xQ2mZr8LwP5vT1yB6nH4cF7dS0aE+/=";
const ADDRESS = "198.51.100.7";
const config = readRateLimitConfig({}); // the shipped defaults
const signInLimits = authConfig({});
const PASSWORD = "correct horse battery staple";
const noTally = { record: () => {} };

/** What one server process holds: its store and its own salt (derived from the shared AUTH_SECRET). */
interface Instance {
  store: LimiterStore;
  key(address: string): string;
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok" as const,
    (e: unknown) => {
      if (isUserFacingError(e) && e.kind === "rate_limited") return "limited" as const;
      throw e;
    },
  );

describe.skipIf(!process.env.TEST_DATABASE_URL && !process.env.CI)("[postgres] limits shared by two instances", () => {
  let db: TestDatabase;
  const pools: pg.Pool[] = [];
  let a: Instance;
  let b: Instance;

  const instance = (): Instance => {
    const pool = createLimiterPool(db.url!, { max: 2, timeoutMs: 5_000 });
    pools.push(pool);
    const salt = limiterKeySalt(SECRET);
    return { store: postgresStore(pool), key: (address) => hashClientAddress(address, salt) };
  };

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    a = instance();
    b = instance();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await db?.dispose();
  }, 60_000);

  it(`a client alternating between them is limited after the same ${config.RATE_LIMIT_SELF_CHECK_MAX} self-checks as on one`, async () => {
    expect(config.RATE_LIMIT_SELF_CHECK_MAX).toBe(20);
    const [la, lb] = [createLimiters(config, a.store), createLimiters(config, b.store)];
    const alternating = [];
    for (let i = 0; i < 30; i++) {
      const [limits, inst] = i % 2 === 0 ? [la, a] : [lb, b];
      alternating.push(await outcome(limits.limitSelfCheck(inst.key(ADDRESS))));
    }
    const single = [];
    for (let i = 0; i < 30; i++) single.push(await outcome(la.limitSelfCheck(a.key("198.51.100.8"))));
    const expected = [...Array<string>(20).fill("ok"), ...Array<string>(10).fill("limited")];
    expect(alternating).toEqual(expected);
    expect(single).toEqual(expected);

    // The same client from two instances with memory stores gets two quotas: what the shared store prevents.
    const [ma, mb] = [createLimiters(config, MEMORY_STORE), createLimiters(config, MEMORY_STORE)];
    const split = [];
    for (let i = 0; i < 30; i++) split.push(await outcome((i % 2 === 0 ? ma : mb).limitSelfCheck(a.key(ADDRESS))));
    expect(split.filter((o) => o === "ok")).toHaveLength(30);
  });

  it("30 self-checks at once, spread over both, let exactly 20 through (one atomic count)", async () => {
    const [la, lb] = [createLimiters(config, a.store), createLimiters(config, b.store)];
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome((i % 2 === 0 ? la : lb).limitSelfCheck((i % 2 === 0 ? a : b).key("203.0.113.40")))),
    );
    expect(all.filter((o) => o === "ok")).toHaveLength(20);
  });

  it("sign-in: guesses from one client alternating between them lock that client after the same 5, on both", async () => {
    const prisma = db.handle.prisma;
    await createUser(prisma, systemActor("cli"), { email: "shared@x.org", role: "CLINICIAN", password: PASSWORD });
    const [sa, sb] = [createSignInLimiter(signInLimits, a.store), createSignInLimiter(signInLimits, b.store)];
    const attempt = (i: number, password: string, address = ADDRESS) =>
      checkCredentials(prisma, i % 2 === 0 ? sa : sb, noTally, { email: "shared@x.org", password }, (i % 2 === 0 ? a : b).key(address)).then(
        () => "ok",
        (e: unknown) => (e instanceof SignInRefused ? e.code : Promise.reject(e)),
      );
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await attempt(i, `guess ${i}`));
    expect(signInLimits.AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS).toBe(5);
    expect(codes).toEqual([...Array<string>(5).fill("invalid"), ...Array<string>(7).fill("rate_limited")]);
    // The right password from the locked client waits on either instance; from another client it works on either.
    expect(await attempt(0, PASSWORD)).toBe("rate_limited");
    expect(await attempt(1, PASSWORD)).toBe("rate_limited");
    expect(await attempt(0, PASSWORD, "192.0.2.10")).toBe("ok");
    expect(await attempt(1, PASSWORD, "192.0.2.10")).toBe("ok");
  });

  it("sign-in: the doubling backoff counts the locks of both instances", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const [sa, sb] = [createSignInLimiter(signInLimits, a.store), createSignInLimiter(signInLimits, b.store)];
      const spend = async () => {
        for (let i = 0; i < 5; i++) {
          const limiter = i % 2 === 0 ? sa : sb;
          const taken = await limiter.take("backoff@x.org", (i % 2 === 0 ? a : b).key(ADDRESS));
          if (!taken.ok) throw new Error(`refused at guess ${i}`);
          await limiter.failed(taken.attempt);
        }
      };
      await spend(); // locked by instance a (the fifth guess)
      const first = await sb.take("backoff@x.org", b.key(ADDRESS));
      expect(first).toMatchObject({ ok: false });
      expect(first.ok === false && first.retryAfterSeconds).toBe(15 * 60);
      vi.setSystemTime(Date.now() + 15 * 60_000 + 1_000);
      await spend();
      const second = await sa.take("backoff@x.org", a.key(ADDRESS));
      expect(second.ok === false && second.retryAfterSeconds).toBe(30 * 60);
    } finally {
      vi.useRealTimers();
    }
  });

  it("follow-up: wrong codes from rotating clients on both instances lock the reference after the same 5, once", async () => {
    const prisma = db.handle.prisma;
    const code = newFollowUpCode();
    const row = await makeCase(prisma);
    await prisma.case.update({ where: { id: row.id }, data: { followUpHash: await hashFollowUpCode(code) } });
    const [fa, fb] = [createFollowUpLimiter(config, a.store), createFollowUpLimiter(config, b.store)];
    const problems = [];
    for (let i = 0; i < 40; i++) {
      let guess = newFollowUpCode();
      while (guess === code) guess = newFollowUpCode();
      const r = await openCase(prisma, i % 2 === 0 ? fa : fb, { reference: row.reference, code: guess }, (i % 2 === 0 ? a : b).key(`203.0.113.${i}`));
      problems.push(r.ok ? "ok" : r.problem);
    }
    expect(config.FOLLOW_UP_MAX_FAILED_PER_REFERENCE).toBe(5);
    expect(problems).toEqual([...Array<string>(5).fill("wrong"), ...Array<string>(35).fill("locked")]);
    for (const limiter of [fa, fb]) {
      expect(await openCase(prisma, limiter, { reference: row.reference, code }, a.key("192.0.2.99"))).toMatchObject({ ok: false, problem: "locked" });
    }
    expect(await prisma.auditEvent.count({ where: { caseId: row.id, action: "followup.lockout" } })).toBe(1);
  });

  it("follow-up: one client sweeping references, and replies on one case, count across both", async () => {
    const [fa, fb] = [createFollowUpLimiter(config, a.store), createFollowUpLimiter(config, b.store)];
    const taken = [];
    for (let i = 0; i < 25; i++) {
      const limiter = i % 2 === 0 ? fa : fb;
      const t = await limiter.take(`LNT-${String(i).padStart(4, "0")}-SWPR`, (i % 2 === 0 ? a : b).key("203.0.113.77"));
      if (t.ok) await limiter.failed(t.attempt);
      taken.push(t.ok);
    }
    expect(taken.filter(Boolean)).toHaveLength(config.FOLLOW_UP_MAX_FAILED_PER_CLIENT);
    const replies = [];
    for (let i = 0; i < 25; i++) replies.push(await (i % 2 === 0 ? fa : fb).takeReply("case-shared-replies"));
    expect(replies.filter(Boolean)).toHaveLength(config.FOLLOW_UP_REPLIES_PER_DAY);
  });

  it("stores keyed hashes only: no address, email or reference in the table", async () => {
    const { rows } = await pools[0]!.query<{ key: string }>(`SELECT key FROM "${LIMITER_TABLE}"`);
    expect(rows.length).toBeGreaterThan(10);
    const text = rows.map((r) => r.key).join("\n");
    for (const raw of [ADDRESS, "198.51.100", "203.0.113", "@x.org", "shared", "LNT-", "case-shared"]) expect(text).not.toContain(raw);
    for (const { key } of rows) expect(key).toMatch(/^[a-z-]+:[A-Za-z0-9_-]{22}(\.[A-Za-z0-9_-]{22})?$/);
  });

  it("the limiters' pool commits without waiting for the disk, and says who it is", async () => {
    const { rows } = await pools[0]!.query<{ sync: string; app: string }>("SELECT current_setting('synchronous_commit') AS sync, current_setting('application_name') AS app");
    expect(rows[0]).toEqual({ sync: "off", app: "lantern-limits" });
  });

  it("the sweep deletes rows whose window ended over an hour ago, and only those", async () => {
    const pool = pools[0]!;
    const now = Date.now();
    await pool.query(`INSERT INTO "${LIMITER_TABLE}" (key, points, expire) VALUES ('sweep:old', 3, $1), ('sweep:recent', 3, $2), ('sweep:live', 3, $3)`, [
      now - 2 * 3_600_000,
      now - 60_000,
      now + 60_000,
    ]);
    expect(await sweepExpiredLimits(pool, now)).toBeGreaterThanOrEqual(1);
    const { rows } = await pool.query<{ key: string }>(`SELECT key FROM "${LIMITER_TABLE}" WHERE key LIKE 'sweep:%' ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(["sweep:live", "sweep:recent"]);
  });
});

describe("when the database does not answer, the insurance limiter does", () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  async function withSilentServer<T>(run: (port: number) => Promise<T>): Promise<T> {
    // Accepts connections and never says a word, like a database host that hangs.
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      return await run((server.address() as AddressInfo).port);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("refused connections: every limiter still counts (in memory), refuses with a UserFacingError, and reports", async () => {
    const failures: unknown[] = [];
    const pool = createLimiterPool(`postgresql://nobody:nothing@127.0.0.1:${await closedPort()}/lantern`, { max: 2, timeoutMs: 500 });
    try {
      const store = postgresStore(pool, (err) => failures.push(err));
      const limits = createLimiters(config, store);
      const results = [];
      for (let i = 0; i < 22; i++) results.push(await outcome(limits.limitSelfCheck("client")));
      expect(results).toEqual([...Array<string>(20).fill("ok"), "limited", "limited"]);
      const rejection = await limits.limitSave("client").then(
        () => null,
        (e: unknown) => e,
      );
      expect(rejection).toBeNull();
      for (let i = 0; i < 20; i++) await limits.limitGeneration(`g${i}`).catch(() => {});
      await expect(limits.limitOutreach("staff-1", 10)).resolves.toBeUndefined();

      const signIn = createSignInLimiter(signInLimits, store);
      for (let i = 0; i < 5; i++) {
        const t = await signIn.take("down@x.org", "client");
        expect(t.ok).toBe(true);
        if (t.ok) await signIn.failed(t.attempt);
      }
      expect(await signIn.take("down@x.org", "client")).toMatchObject({ ok: false });
      const followUp = createFollowUpLimiter(config, store);
      const t = await followUp.take("LNT-DOWN-DOWN", "client");
      expect(t.ok).toBe(true);
      if (t.ok) await followUp.succeeded(t.attempt);
      expect(await followUp.takeReply("case-down")).toBe(true);
      expect(failures.length).toBeGreaterThan(20);
      expect((failures[0] as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
    } finally {
      await pool.end();
    }
  });

  it("a database that accepts connections and never answers: the limiter answers after its timeout", async () => {
    await withSilentServer(async (port) => {
      const failures: unknown[] = [];
      const pool = createLimiterPool(`postgresql://nobody:nothing@127.0.0.1:${port}/lantern`, { max: 2, timeoutMs: 200 });
      try {
        const limits = createLimiters(readRateLimitConfig({ RATE_LIMIT_SELF_CHECK_MAX: "2" }), postgresStore(pool, (err) => failures.push(err)));
        const results = [];
        for (let i = 0; i < 3; i++) results.push(await outcome(limits.limitSelfCheck("client")));
        expect(results).toEqual(["ok", "ok", "limited"]);
        expect(failures).toHaveLength(3);
        expect(String((failures[0] as Error).message)).toMatch(/timeout|terminated/i);
      } finally {
        await pool.end();
      }
    });
  });
});

describe("the client key across instances", () => {
  it("is the same on two processes with the same AUTH_SECRET, and differs with another secret or none", () => {
    const one = hashClientAddress(ADDRESS, limiterKeySalt(SECRET));
    const two = hashClientAddress(ADDRESS, limiterKeySalt(SECRET));
    expect(one).toBe(two);
    expect(one).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(one).not.toContain("198.51");
    expect(hashClientAddress(ADDRESS, limiterKeySalt(`${SECRET}x`))).not.toBe(one);
    // Without a secret each process draws its own salt: keys are not linkable across processes or restarts.
    expect(hashClientAddress(ADDRESS, limiterKeySalt(undefined))).not.toBe(hashClientAddress(ADDRESS, limiterKeySalt(undefined)));
    // The IPv6 /64 rule holds with the derived salt too.
    expect(hashClientAddress("2001:db8:1:2::1", limiterKeySalt(SECRET))).toBe(hashClientAddress("2001:db8:1:2:ffff::9", limiterKeySalt(SECRET)));
  });
});
