import { expect, it } from "vitest";
import { forEachDatabase } from "@/lib/db/testing";
import { ensureBootstrapAdmin } from "./bootstrap";
import { verifyPassword } from "./password";

forEachDatabase((getDb) => {
  it("creates one admin with a random password printed once, and never again", async () => {
    const db = getDb();
    const printed: string[] = [];
    expect(await ensureBootstrapAdmin(db, (m) => printed.push(m))).toEqual({ created: true, email: "admin@lantern.local" });
    const password = /password: (\S+)/.exec(printed.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@lantern.local" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifyPassword(admin.passwordHash!, password!)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.create", actorRole: "SYSTEM:bootstrap" } })).toBe(1);

    expect(await ensureBootstrapAdmin(db, (m) => printed.push(m))).toEqual({ created: false });
    expect(printed).toHaveLength(1);
  });
});

it("uses a different password on every fresh database (never a fixed default)", async () => {
  const { createTestDatabase } = await import("@/lib/db/testing");
  const seen = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const t = await createTestDatabase("pglite");
    try {
      let out = "";
      await ensureBootstrapAdmin(t.handle.prisma, (m) => (out = m));
      seen.add(/password: (\S+)/.exec(out)![1]!);
    } finally {
      await t.dispose();
    }
  }
  expect(seen.size).toBe(2);
});
