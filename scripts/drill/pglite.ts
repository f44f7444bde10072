import { mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startServer } from "../lib/harness";
import { answeredSafely, check, dir, embeddedEnv, port, selfCheck } from "./context";

export async function drillPglite() {
  // Locked: a second server on the same folder (PGlite allows one process).
  const env = embeddedEnv();
  const first = await startServer(dir, port(), env);
  try {
    await new Promise((r) => setTimeout(r, 2_000)); // instrumentation opens the database at start
    const second = await startServer(dir, port(), { ...env, AUTH_SECRET: env.AUTH_SECRET });
    try {
      const r = await selfCheck(second, true);
      const a = answeredSafely(r);
      check("pglite", "folder locked by another process: self-check still answers with the crisis card or a result", a.ok, a.detail);
      await new Promise((res) => setTimeout(res, 1_500));
      const alive = second.child.exitCode === null && (await fetch(`${second.url}/api/health`).then((x) => x.ok, () => false));
      check("pglite", "folder locked: the second server stays up (no crash loop)", alive);
      const lines = second.output().split("\n").filter((l) => /lock|in use|another process|already open/i.test(l));
      check("pglite", "folder locked: one clear message in the log", lines.length >= 1 && lines.length <= 10, lines[0]?.slice(0, 150) ?? "no message mentions the lock");
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
  }

  // Damaged: a data folder whose files are garbage.
  const damaged = embeddedEnv();
  const data = damaged.LANTERN_DATA_DIR!;
  mkdirSync(path.join(data, "base"), { recursive: true });
  writeFileSync(path.join(data, "PG_VERSION"), "not a version\n");
  writeFileSync(path.join(data, "base", "junk"), randomBytes(8192));
  const server = await startServer(dir, port(), damaged);
  try {
    const a = answeredSafely(await selfCheck(server, true));
    check("pglite", "damaged data folder: self-check still answers safely", a.ok, a.detail);
    const alive = server.child.exitCode === null;
    check("pglite", "damaged data folder: server stays up", alive);
    const lines = server.output().split("\n").filter((l) => /database|pglite|data folder|LANTERN_DATA_DIR/i.test(l) && /fail|damag|corrupt|cannot|could not|invalid/i.test(l));
    check("pglite", "damaged data folder: a clear message in the log", lines.length >= 1, lines[0]?.slice(0, 150) ?? "no message");
  } finally {
    await server.stop();
  }
}
