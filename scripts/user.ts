/**
 * Staff accounts from the command line (operator tool, direct database access):
 *
 *   npm run user -- add --email a@b.org --role clinician [--name "A B"] [--password "..."]
 *   npm run user -- disable --email a@b.org      (ends their sessions at the next request)
 *   npm run user -- enable --email a@b.org
 *   npm run user -- reset --email a@b.org [--password "..."]
 *   npm run user -- list
 *
 * Without --password a random one is generated and printed ONCE. Every change is audited
 * as SYSTEM:cli. With the embedded database, stop the server first (one process at a time).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/lib/db/connect";
import { systemActor } from "@/lib/auth/actor";
import { createUser, listUsers, resetUserPassword, setUserDisabled } from "@/lib/db/users";
import { isUserFacingError } from "@/lib/errors";
import { AuthError } from "@/lib/auth/errors";

const USAGE = `Usage:
  npm run user -- add --email <email> --role <admin|clinician|outreach> [--name <name>] [--password <password>]
  npm run user -- disable --email <email>
  npm run user -- enable --email <email>
  npm run user -- reset --email <email> [--password <password>]
  npm run user -- list`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

const command = z.enum(["add", "disable", "enable", "reset", "list"]).safeParse(positionals[0]);
if (values.help || !command.success) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 64);
}

function need(v: string | undefined, flag: string): string {
  if (!v) {
    console.error(`Missing --${flag}.\n\n${USAGE}`);
    process.exit(64);
  }
  return v;
}

function printPassword(email: string, password: string | null) {
  if (!password) return;
  console.log(`\nPassword for ${email} (shown only now, store it safely):\n\n    ${password}\n`);
}

const cli = systemActor("cli");
const handle = await openDatabase();
try {
  switch (command.data) {
    case "add": {
      const role = need(values.role, "role").toUpperCase();
      if (!["ADMIN", "CLINICIAN", "OUTREACH"].includes(role)) {
        console.error("--role must be admin, clinician or outreach.");
        process.exit(64);
      }
      const { user, generatedPassword } = await createUser(handle.prisma, cli, {
        email: need(values.email, "email"),
        role: role as "ADMIN",
        name: values.name,
        password: values.password,
      });
      console.log(`Added ${user.email} as ${user.role.toLowerCase()}.`);
      printPassword(user.email, generatedPassword);
      break;
    }
    case "disable":
    case "enable": {
      const u = await setUserDisabled(handle.prisma, cli, need(values.email, "email"), command.data === "disable");
      console.log(`${u.email} is now ${u.disabled ? "disabled; their sessions end at their next request" : "enabled"}.`);
      break;
    }
    case "reset": {
      const { user, generatedPassword } = await resetUserPassword(handle.prisma, cli, need(values.email, "email"), values.password);
      console.log(`New password set for ${user.email}; their existing sessions have ended.`);
      printPassword(user.email, generatedPassword);
      break;
    }
    case "list": {
      for (const u of await listUsers(handle.prisma, cli)) {
        console.log(`${u.role.padEnd(9)} ${u.disabled ? "disabled" : "active  "} ${u.email}`);
      }
      break;
    }
  }
} catch (err) {
  if (err instanceof z.ZodError) {
    console.error(err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n"));
  } else if (isUserFacingError(err) || err instanceof AuthError) {
    console.error(err.message);
  } else {
    console.error(`Failed: ${(err as Error)?.message ?? err}`);
  }
  process.exitCode = 1;
} finally {
  await handle.close();
}
