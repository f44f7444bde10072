import { expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { systemActor } from "@/lib/auth/actor";
import { createUser, setUserDisabled } from "@/lib/db/users";
import { checkCredentials, clientAddress, SignInRefused } from "./credentials";
import { createSignInLimiter } from "./rate-limit";

const limits = { AUTH_MAX_FAILED_PER_ACCOUNT: 3, AUTH_MAX_FAILED_PER_ADDRESS: 5, AUTH_LOCKOUT_MINUTES: 15 };
const PASSWORD = "correct horse battery staple";

forEachDatabase((getDb) => {
  it("signs in with the right password and audits success", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "ok@x.org", role: "CLINICIAN", password: PASSWORD });
    const res = await checkCredentials(db, createSignInLimiter(limits), { email: "OK@x.org ", password: PASSWORD }, "10.0.0.1");
    expect(res).toMatchObject({ id: user.id, role: "CLINICIAN", sessionVersion: 0 });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signin" } })).toBe(1);
  });

  it("refuses a 10 MB password before hashing, with its own code", async () => {
    const db = getDb();
    const started = Date.now();
    await expect(
      checkCredentials(db, createSignInLimiter(limits), { email: "ok@x.org", password: "p".repeat(10 * 1024 * 1024) }, "a"),
    ).rejects.toMatchObject({ code: "too_long" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("blocks an account after repeated failures, even with the right password, and audits without the email", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "locked@x.org", role: "OUTREACH", password: PASSWORD });
    const limiter = createSignInLimiter(limits);
    for (let i = 0; i < 3; i++) {
      await expect(checkCredentials(db, limiter, { email: "locked@x.org", password: "wrong password!" }, `10.0.1.${i}`)).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(checkCredentials(db, limiter, { email: "locked@x.org", password: PASSWORD }, "10.0.2.1")).rejects.toMatchObject({ code: "rate_limited" });
    const fails = await db.auditEvent.findMany({ where: { action: "auth.signin.fail" } });
    expect(fails.filter((e) => e.actorId === user.id)).toHaveLength(3);
    expect(JSON.stringify(fails.map(({ id: _id, ...e }) => e))).not.toMatch(/locked@x\.org|wrong password|10\.0\./);
  });

  it("blocks an address trying many accounts", async () => {
    const db = getDb();
    const limiter = createSignInLimiter(limits);
    await createUser(db, systemActor("cli"), { email: "victim@x.org", role: "OUTREACH", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(checkCredentials(db, limiter, { email: `nobody${i}@x.org`, password: "guess guess guess" }, "192.0.2.9")).rejects.toBeInstanceOf(SignInRefused);
    }
    await expect(checkCredentials(db, limiter, { email: "victim@x.org", password: PASSWORD }, "192.0.2.9")).rejects.toMatchObject({ code: "rate_limited" });
    // The same account from another address still works.
    await expect(checkCredentials(db, limiter, { email: "victim@x.org", password: PASSWORD }, "192.0.2.10")).resolves.toMatchObject({ email: "victim@x.org" });
  });

  it("refuses disabled accounts with the same generic code", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "off@x.org", role: "OUTREACH", password: PASSWORD });
    await createUser(db, systemActor("cli"), { email: "keeper@x.org", role: "ADMIN" });
    await setUserDisabled(db, systemActor("cli"), user.id, true);
    await expect(checkCredentials(db, createSignInLimiter(limits), { email: "off@x.org", password: PASSWORD }, "x")).rejects.toMatchObject({ code: "invalid" });
  });

  it("treats malformed input as invalid", async () => {
    const db = getDb();
    await expect(checkCredentials(db, createSignInLimiter(limits), { email: ["a"], password: 5 }, "x")).rejects.toMatchObject({ code: "invalid" });
    await expect(checkCredentials(db, createSignInLimiter(limits), null, "x")).rejects.toMatchObject({ code: "invalid" });
  });
});

it("takes the first forwarded address", () => {
  expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
  expect(clientAddress(new Headers())).toBe("unknown");
});
