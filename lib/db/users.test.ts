import { describe, expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { systemActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { createUser, findActiveSessionUser, listUsers, resetUserPassword, setUserDisabled } from "./users";
import { listAuditEvents } from "./audit";
import { makeUser } from "@/test/review/fixtures";

const cli = systemActor("cli");

forEachDatabase((getDb) => {
  describe("staff accounts", () => {
    it("creates a user with a generated argon2id password shown once", async () => {
      const db = getDb();
      const { user, generatedPassword } = await createUser(db, cli, { email: "  New.Person@Example.org ", role: "CLINICIAN" });
      expect(user.email).toBe("new.person@example.org");
      expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row.passwordHash!, generatedPassword!)).toBe(true);
      expect(JSON.stringify(user)).not.toContain("argon2");
      await expect(createUser(db, cli, { email: "new.person@example.org", role: "ADMIN" })).rejects.toThrow(/already exists/);
    });

    it("rejects short and oversized chosen passwords before hashing", async () => {
      const db = getDb();
      await expect(createUser(db, cli, { email: "a@b.org", role: "OUTREACH", password: "short" })).rejects.toThrow(/at least 12/);
      const started = Date.now();
      await expect(
        createUser(db, cli, { email: "a@b.org", role: "OUTREACH", password: "x".repeat(10 * 1024 * 1024) }),
      ).rejects.toThrow(/longer than 256/);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await db.user.count({ where: { email: "a@b.org" } })).toBe(0);
    });

    it("disabling and resetting end existing sessions at the next check", async () => {
      const db = getDb();
      const admin = await makeUser(db, "ADMIN");
      const { user } = await createUser(db, admin, { email: "s@x.org", role: "CLINICIAN", password: "a long enough passphrase" });
      expect(await findActiveSessionUser(db, user.id, 0)).toMatchObject({ id: user.id, role: "CLINICIAN" });

      const { generatedPassword } = await resetUserPassword(db, admin, user.id);
      expect(generatedPassword).toBeTruthy();
      expect(await findActiveSessionUser(db, user.id, 0)).toBeNull();
      expect(await findActiveSessionUser(db, user.id, 1)).not.toBeNull();

      await setUserDisabled(db, admin, "S@X.org", true);
      expect(await findActiveSessionUser(db, user.id, 1)).toBeNull();
      expect(await findActiveSessionUser(db, user.id, 2)).toBeNull(); // disabled, whatever the version
      await setUserDisabled(db, admin, user.id, false);
      expect(await findActiveSessionUser(db, user.id, 2)).not.toBeNull();

      const { rows } = await listAuditEvents(db, admin, { actorId: admin.id });
      expect(rows.map((r) => r.action)).toEqual(["user.enable", "user.disable", "user.reset", "user.create"]);
      expect(rows[0]).toMatchObject({ actorEmail: admin.email, actorRole: "ADMIN" });
    });

    it("never disables the last active admin or yourself", async () => {
      const db = getDb();
      await db.user.updateMany({ where: { role: "ADMIN" }, data: { disabled: true } });
      const only = await makeUser(db, "ADMIN");
      await expect(setUserDisabled(db, only, only.id, true)).rejects.toThrow(/your own account/);
      await expect(setUserDisabled(db, cli, only.id, true)).rejects.toThrow(/only active administrator/);
    });

    it("refuses clinicians and outreach workers in the data layer", async () => {
      const db = getDb();
      const target = await makeUser(db, "OUTREACH");
      for (const role of ["CLINICIAN", "OUTREACH"] as const) {
        const u = await makeUser(db, role);
        await expect(listUsers(db, u)).rejects.toMatchObject({ kind: "forbidden" });
        await expect(createUser(db, u, { email: `${role}@evil.org`, role: "ADMIN" })).rejects.toMatchObject({ kind: "forbidden" });
        await expect(setUserDisabled(db, u, target.id, true)).rejects.toMatchObject({ kind: "forbidden" });
        await expect(resetUserPassword(db, u, target.id)).rejects.toMatchObject({ kind: "forbidden" });
        await expect(listAuditEvents(db, u)).rejects.toMatchObject({ kind: "forbidden" });
      }
      expect(await db.user.count({ where: { email: { endsWith: "@evil.org" } } })).toBe(0);
      expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ disabled: false, sessionVersion: 0 });
    });
  });

  describe("audit trail", () => {
    it("is append-only in the database", async () => {
      const db = getDb();
      const admin = await makeUser(db, "ADMIN");
      await createUser(db, admin, { email: "ap@x.org", role: "OUTREACH" });
      await expect(db.auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow();
      await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
      expect(await db.auditEvent.count({ where: { action: "user.create" } })).toBeGreaterThan(0);
    });

    it("pages newest first", async () => {
      const db = getDb();
      const admin = await makeUser(db, "ADMIN");
      for (let i = 0; i < 5; i++) await createUser(db, admin, { email: `pg${i}@x.org`, role: "OUTREACH" });
      const p1 = await listAuditEvents(db, admin, { actorId: admin.id, take: 3 });
      const p2 = await listAuditEvents(db, admin, { actorId: admin.id, take: 3, before: p1.nextBefore! });
      expect(p1.rows).toHaveLength(3);
      expect(p2.rows).toHaveLength(2);
      expect(p2.nextBefore).toBeNull();
      expect(BigInt(p1.rows[0]!.id) > BigInt(p2.rows[0]!.id)).toBe(true);
    });
  });
});
