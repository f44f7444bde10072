import { afterEach, expect, it, vi } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditMany } from "@/lib/db/audit";
import { createUser, setUserDisabled } from "@/lib/db/users";
import { checkCredentials, SignInRefused } from "./credentials";
import { createFailedSignIns } from "./failed-signins";
import { createSignInLimiter } from "./rate-limit";

const limits = { AUTH_MAX_FAILED_PER_ACCOUNT_ADDRESS: 5, AUTH_MAX_FAILED_PER_ADDRESS: 8, AUTH_MAX_FAILED_PER_ACCOUNT: 12, AUTH_LOCKOUT_MINUTES: 15 };
const PASSWORD = "correct horse battery staple";
const noTally = { record: () => {} };

afterEach(() => vi.useRealTimers());

forEachDatabase((getDb) => {
  it("signs in with the right password and audits success", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "ok@x.org", role: "CLINICIAN", password: PASSWORD });
    const res = await checkCredentials(db, createSignInLimiter(limits), noTally, { email: "OK@x.org ", password: PASSWORD }, "client-1");
    expect(res).toMatchObject({ id: user.id, role: "CLINICIAN", sessionVersion: 0, mustChangePassword: false });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signin" } })).toBe(1);
  });

  it("refuses a 10 MB password before hashing, with its own code", async () => {
    const db = getDb();
    const started = Date.now();
    await expect(
      checkCredentials(db, createSignInLimiter(limits), noTally, { email: "ok@x.org", password: "p".repeat(10 * 1024 * 1024) }, "a"),
    ).rejects.toMatchObject({ code: "too_long" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("takes the point before verifying: 12 parallel guesses from one client, only 5 are checked", async () => {
    const db = getDb();
    await createUser(db, systemActor("cli"), { email: "parallel@x.org", role: "CLINICIAN", password: PASSWORD });
    const limiter = createSignInLimiter(limits);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        checkCredentials(db, limiter, noTally, { email: "parallel@x.org", password: `guess number ${i}` }, "one-client").catch((e: SignInRefused) => e.code),
      ),
    );
    expect(outcomes.filter((c) => c === "invalid")).toHaveLength(5);
    expect(outcomes.filter((c) => c === "rate_limited")).toHaveLength(7);
  });

  it("a right password costs nothing: many sign-ins in a row are never limited", async () => {
    const db = getDb();
    await createUser(db, systemActor("cli"), { email: "often@x.org", role: "CLINICIAN", password: PASSWORD });
    const limiter = createSignInLimiter(limits);
    for (let i = 0; i < 15; i++) await checkCredentials(db, limiter, noTally, { email: "often@x.org", password: PASSWORD }, "desk");
  });

  it("guessing from one client locks out that client with a doubling wait, never the account's owner elsewhere", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    const db = getDb();
    await createUser(db, systemActor("cli"), { email: "admin2@x.org", role: "ADMIN", password: PASSWORD });
    const limiter = createSignInLimiter(limits);
    const attempt = (password: string, client: string) =>
      checkCredentials(db, limiter, noTally, { email: "admin2@x.org", password }, client).then(
        () => "ok",
        (e: SignInRefused) => e.code,
      );
    for (let i = 0; i < 5; i++) expect(await attempt("wrong password!", "attacker")).toBe("invalid");
    // The attacker now waits, even with the right password; the owner, on their own connection, does not.
    expect(await attempt(PASSWORD, "attacker")).toBe("rate_limited");
    expect(await attempt(PASSWORD, "owner")).toBe("ok");

    const waitOf = async () => {
      const t = await limiter.take("admin2@x.org", "attacker");
      return t.ok ? 0 : t.retryAfterSeconds;
    };
    expect(await waitOf()).toBeGreaterThan(14 * 60);
    expect(await waitOf()).toBeLessThanOrEqual(15 * 60);
    vi.advanceTimersByTime(15 * 60_000 + 1_000);
    for (let i = 0; i < 5; i++) expect(await attempt("wrong again!!", "attacker")).toBe("invalid");
    // Spent again within the day: twice as long.
    expect(await waitOf()).toBeGreaterThan(29 * 60);
    expect(await attempt(PASSWORD, "owner")).toBe("ok");
  });

  it("blocks a client trying many accounts", async () => {
    const db = getDb();
    const limiter = createSignInLimiter(limits);
    await createUser(db, systemActor("cli"), { email: "victim@x.org", role: "OUTREACH", password: PASSWORD });
    for (let i = 0; i < 8; i++) {
      await expect(checkCredentials(db, limiter, noTally, { email: `nobody${i}@x.org`, password: "guess guess guess" }, "sprayer")).rejects.toBeInstanceOf(SignInRefused);
    }
    await expect(checkCredentials(db, limiter, noTally, { email: "victim@x.org", password: PASSWORD }, "sprayer")).rejects.toMatchObject({ code: "rate_limited" });
    await expect(checkCredentials(db, limiter, noTally, { email: "victim@x.org", password: PASSWORD }, "someone-else")).resolves.toMatchObject({ email: "victim@x.org" });
  });

  it("writes one audit row per account per window with the count, and none with an email or address", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "counted@x.org", role: "OUTREACH", password: PASSWORD });
    const tally = createFailedSignIns((events) => recordAuditMany(db, events), 900);
    try {
      const limiter = createSignInLimiter(limits);
      for (let i = 0; i < 7; i++) await checkCredentials(db, limiter, tally, { email: "counted@x.org", password: "wrong password!" }, "client-9").catch(() => {});
      for (let i = 0; i < 2; i++) await checkCredentials(db, limiter, tally, { email: `ghost${i}@x.org`, password: "wrong password!" }, "client-8").catch(() => {});
      expect(await db.auditEvent.count({ where: { action: "auth.signin.fail" } })).toBe(0);
      await tally.flush();
      const rows = await db.auditEvent.findMany({ where: { action: "auth.signin.fail" } });
      expect(rows).toHaveLength(2);
      expect(rows.find((r) => r.actorId === user.id)?.details).toEqual({ count: 7, reasons: { bad_password: 5, rate_limited: 2 }, windowSeconds: 900 });
      expect(rows.find((r) => r.actorId === null)?.details).toEqual({ count: 2, reasons: { unknown_account: 2 }, windowSeconds: 900 });
      expect(JSON.stringify(rows.map(({ id: _id, at: _at, ...e }) => e))).not.toMatch(/counted@|ghost|wrong password|client-/);
      await tally.flush();
      expect(await db.auditEvent.count({ where: { action: "auth.signin.fail" } })).toBe(2);
    } finally {
      tally.stop();
    }
  });

  it("refuses disabled accounts with the same generic code", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "off@x.org", role: "OUTREACH", password: PASSWORD });
    await createUser(db, systemActor("cli"), { email: "keeper@x.org", role: "ADMIN" });
    await setUserDisabled(db, systemActor("cli"), user.id, true);
    await expect(checkCredentials(db, createSignInLimiter(limits), noTally, { email: "off@x.org", password: PASSWORD }, "x")).rejects.toMatchObject({ code: "invalid" });
  });

  it("treats malformed input as invalid", async () => {
    const db = getDb();
    await expect(checkCredentials(db, createSignInLimiter(limits), noTally, { email: ["a"], password: 5 }, "x")).rejects.toMatchObject({ code: "invalid" });
    await expect(checkCredentials(db, createSignInLimiter(limits), noTally, null, "x")).rejects.toMatchObject({ code: "invalid" });
  });
});
