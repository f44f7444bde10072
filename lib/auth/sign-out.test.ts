import { expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "./actor";
import { createUser, findActiveSessionUser } from "@/lib/db/users";
import { endSessionOfToken } from "./sign-out";
import { decideSsoSignIn } from "./sso";

forEachDatabase((getDb) => {
  it("signing out refuses the old token from then on, and is audited once", async () => {
    const db = getDb();
    const { user } = await createUser(db, systemActor("cli"), { email: "out@x.org", role: "CLINICIAN", password: "correct horse battery staple" });
    const token = { uid: user.id, sv: 0 };
    expect(await findActiveSessionUser(db, token.uid, token.sv)).not.toBeNull();
    expect(await endSessionOfToken(db, token)).toBe(true);
    expect(await findActiveSessionUser(db, token.uid, token.sv)).toBeNull();
    // Replaying the sign-out with the stale token ends nothing more (and writes nothing).
    expect(await endSessionOfToken(db, token)).toBe(false);
    expect(await endSessionOfToken(db, null)).toBe(false);
    expect(await endSessionOfToken(db, { uid: user.id, sv: "0" })).toBe(false);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "auth.signout" } })).toBe(1);
  });

  it("SSO needs email_verified to be exactly true, an existing account, and an enabled one", async () => {
    const db = getDb();
    await createUser(db, systemActor("cli"), { email: "sso@x.org", role: "CLINICIAN" });
    expect(await decideSsoSignIn(db, { email: "sso@x.org", email_verified: true })).toMatchObject({ ok: true });
    for (const email_verified of [undefined, false, "true", 1, null]) {
      expect(await decideSsoSignIn(db, { email: "sso@x.org", email_verified })).toMatchObject({ ok: false, reason: "sso_email_unverified" });
    }
    expect(await decideSsoSignIn(db, { email: "nobody@x.org", email_verified: true })).toMatchObject({ ok: false, reason: "sso_unknown_account", user: null });
    expect(await decideSsoSignIn(db, {})).toMatchObject({ ok: false });
  });
});
