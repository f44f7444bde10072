import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { check, dir, embeddedEnv, port } from "./context";

// ---------------------------------------------------------------------------------------------------------
export async function drillEnv() {
  for (const [label, extra, named] of [
    ["missing AUTH_SECRET", { AUTH_SECRET: undefined }, "AUTH_SECRET"],
    ["weak AUTH_SECRET", { AUTH_SECRET: "changeme-changeme-changeme-changeme" }, "AUTH_SECRET"],
    ["two instances on the embedded database", { LANTERN_INSTANCES: "2" }, "DATABASE_URL"],
  ] as const) {
    const env = embeddedEnv(extra);
    for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
    const p = port();
    const child = spawn(path.join(dir, "node_modules/.bin/next"), ["start", "-p", String(p), "-H", "127.0.0.1"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    const exited = await Promise.race([once(child, "exit").then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 40_000))]);
    let healthy = false;
    if (!exited) {
      healthy = await fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.ok, () => false);
      child.kill("SIGKILL");
    }
    check("env", `${label}: refuses to start with exit code 78`, exited && child.exitCode === 78, exited ? `exit ${child.exitCode}` : `still running${healthy ? " and serving" : ""} after 40 s`);
    check("env", `${label}: one clear message naming ${named}, no stack trace`, output.includes(named) && /cannot start/i.test(output) && !/^\s+at /m.test(output), output.trim().split("\n").slice(-3).join(" | "));
  }
}
