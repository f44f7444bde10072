import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { forEachDatabase } from "@/test/support/db";
import { findActiveSessionUser } from "@/lib/db/users";
import { ensureBootstrapAdmin } from "./bootstrap";
import { verifyPassword } from "./password";

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "lantern-bootstrap-")), "nested", "first-admin-password");

forEachDatabase((getDb) => {
  it("creates one admin whose random password goes to a 600 file (the path is printed, never the password), once", async () => {
    const db = getDb();
    const printed: string[] = [];
    const file = tempFile();
    expect(await ensureBootstrapAdmin(db, (m) => printed.push(m), file)).toEqual({ created: true, email: "admin@lantern.local", passwordFile: file });
    const password = readFileSync(file, "utf8").trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(printed.join("\n")).toContain(file);
    expect(printed.join("\n")).not.toContain(password);

    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@lantern.local" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(admin.passwordHash!, password)).toBe(true);
    // Signed in, the account can do nothing but choose its own password.
    expect(admin.mustChangePassword).toBe(true);
    expect(await findActiveSessionUser(db, admin.id, admin.sessionVersion)).toMatchObject({ mustChangePassword: true });
    expect(await db.auditEvent.count({ where: { action: "user.create", actorRole: "SYSTEM:bootstrap" } })).toBe(1);

    expect(await ensureBootstrapAdmin(db, (m) => printed.push(m), tempFile())).toEqual({ created: false });
    expect(printed).toHaveLength(1);
  });
});

it("uses a different password on every fresh database (never a fixed default)", async () => {
  const { createTestDatabase } = await import("@/test/support/db");
  const seen = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const t = await createTestDatabase("pglite");
    try {
      const file = tempFile();
      await ensureBootstrapAdmin(t.handle.prisma, () => {}, file);
      seen.add(readFileSync(file, "utf8").trim());
    } finally {
      await t.dispose();
    }
  }
  expect(seen.size).toBe(2);
});
