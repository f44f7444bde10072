import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyProject } from "@/scripts/lib/project-copy";

// Builds the app (in a throwaway copy) with a unique sentinel in every server-only secret, then searches
// everything the browser can download (.next/static) for those sentinels, raw and base64-encoded.

const tag = randomBytes(6).toString("hex");
const sentinel = (name: string) => `sentinel${tag}${name.replace(/_/g, "").toLowerCase()}Zq8`;

// Every env name in the source that holds a secret, plus the ones providers read implicitly.
function secretEnvNames(root: string): string[] {
  const names = new Set(["AUTH_SECRET", "NEXTAUTH_SECRET", "AUTH_OIDC_SECRET", "DATABASE_URL", "OPENAI_API_KEY", "TOGETHER_AI_API_KEY", "LLM_API_KEY"]);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", ".next", ".git", "generated", "training", "models", "test-results"].includes(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs|js)$/.test(e.name)) {
        for (const m of readFileSync(p, "utf8").matchAll(/\b([A-Z][A-Z0-9_]*(?:SECRET|API_KEY|TOKEN|PASSWORD|DATABASE_URL))\b/g)) names.add(m[1]!);
      }
    }
  };
  for (const d of ["app", "lib", "components"]) walk(path.join(root, d));
  return [...names].filter((n) => !n.startsWith("NEXT_PUBLIC_"));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe("client bundles", () => {
  const copy = copyProject("lantern-bundle-");
  afterAll(() => copy.remove());

  it("contain no server-only secret", { timeout: 600_000 }, () => {
    const names = secretEnvNames(copy.dir);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    delete env.VITEST;
    for (const name of names) {
      env[name] = name.endsWith("_URL") ? `postgresql://${sentinel("user")}:${sentinel(name)}@127.0.0.1:5/${sentinel("db")}` : sentinel(name);
    }
    try {
      execFileSync(path.join(copy.dir, "node_modules/.bin/next"), ["build"], { cwd: copy.dir, env, stdio: "pipe", timeout: 540_000 });
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`next build failed:\n${e.stdout?.toString().slice(-3000)}\n${e.stderr?.toString().slice(-3000)}`);
    }

    const files = filesUnder(path.join(copy.dir, ".next/static"));
    const scripts = files.filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(5); // the search really covered the client code
    const needles = names.flatMap((n) => [sentinel(n), Buffer.from(sentinel(n)).toString("base64").slice(0, 24)]);
    needles.push(tag);
    const leaks: string[] = [];
    for (const file of files) {
      const body = readFileSync(file, "latin1");
      for (const needle of needles) if (body.includes(needle)) leaks.push(`${path.relative(copy.dir, file)}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
