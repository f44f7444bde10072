/**
 * First start: when the database has no administrator at all, create one with a
 * random password and print it once to the server console. There is never a fixed
 * default password. The email is LANTERN_BOOTSTRAP_ADMIN_EMAIL (admin@lantern.local).
 */
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { Role } from "@/lib/db/generated/enums";
import { createUser } from "@/lib/db/users";
import { systemActor } from "./actor";
import { authConfig } from "./config";

export async function ensureBootstrapAdmin(
  db: PrismaClient,
  print: (message: string) => void = (m) => console.log(m),
): Promise<{ created: boolean; email?: string }> {
  if ((await db.user.count({ where: { role: Role.ADMIN } })) > 0) return { created: false };
  const email = authConfig().LANTERN_BOOTSTRAP_ADMIN_EMAIL;
  try {
    const { generatedPassword } = await createUser(db, systemActor("bootstrap"), { email, role: Role.ADMIN, name: "First administrator" });
    print(
      [
        "",
        "================ Lantern: first administrator created ================",
        `  email:    ${email}`,
        `  password: ${generatedPassword}`,
        "  This password is shown only once. Sign in at /signin, then add real",
        "  accounts under People and disable this one, or reset it:",
        `  npm run user -- reset --email ${email}`,
        "=======================================================================",
        "",
      ].join("\n"),
    );
    return { created: true, email };
  } catch (err) {
    // Another process created it first (several instances starting together).
    if ((err as { kind?: string }).kind === "conflict") return { created: false };
    throw err;
  }
}
