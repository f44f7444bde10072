/**
 * First start: when the database has no administrator at all, create one with a random password. The password is
 * written to a file only the server's user can read (mode 600) and the console shows the file's path, never the
 * password: consoles end up in log collectors. The account must choose its own password at first sign-in. There is
 * never a fixed default password. The email is LANTERN_BOOTSTRAP_ADMIN_EMAIL (admin@lantern.local); the file is
 * LANTERN_FIRST_ADMIN_PASSWORD_FILE, by default `first-admin-password` beside the embedded database's folder.
 */
import "server-only";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import { Role } from "@/lib/db/generated/enums";
import { createUser } from "@/lib/db/users";
import { systemActor } from "./actor";
import { readEnv } from "@/lib/env";
import { authConfig } from "./config";

export function firstAdminPasswordFile(env?: Record<string, string | undefined>): string {
  const configured = authConfig(env).LANTERN_FIRST_ADMIN_PASSWORD_FILE;
  if (configured) return path.resolve(configured);
  return path.join(path.dirname(path.resolve((env ?? readEnv()).LANTERN_DATA_DIR || "data/pglite")), "first-admin-password");
}

/** A fresh file with mode 600 from the start (an existing file is replaced, never reused with its old mode). */
function writeSecretFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  rmSync(file, { force: true });
  writeFileSync(file, content, { mode: 0o600, flag: "wx" });
}

export async function ensureBootstrapAdmin(
  db: PrismaClient,
  print: (message: string) => void = (m) => console.log(m),
  passwordFile: string = firstAdminPasswordFile(),
): Promise<{ created: boolean; email?: string; passwordFile?: string }> {
  if ((await db.user.count({ where: { role: Role.ADMIN } })) > 0) return { created: false };
  const email = authConfig().LANTERN_BOOTSTRAP_ADMIN_EMAIL;
  try {
    const { generatedPassword } = await createUser(
      db,
      systemActor("bootstrap"),
      { email, role: Role.ADMIN, name: "First administrator" },
      { mustChangePassword: true },
    );
    writeSecretFile(passwordFile, `${generatedPassword}\n`);
    print(
      [
        "",
        "================ Lantern: first administrator created ================",
        `  email:    ${email}`,
        `  password: in ${passwordFile} (readable only by this user)`,
        "  Sign in at /signin; you will be asked to choose your own password.",
        "  Then delete the file. A lost password: npm run user -- reset --email " + email,
        "=======================================================================",
        "",
      ].join("\n"),
    );
    return { created: true, email, passwordFile };
  } catch (err) {
    // Another process created it first (several instances starting together).
    if ((err as { kind?: string }).kind === "conflict") return { created: false };
    throw err;
  }
}
