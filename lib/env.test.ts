import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEnv, INTERNAL_VARIABLES, serverShape } from "./env";

const STRONG = "k3J9xQ2mZr8LwP5vT1yB6nH4cF7dS0aE+/=";

describe("lib/env", () => {
  it("applies defaults with an empty environment (development)", () => {
    const r = checkEnv({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.env.LLM_PROVIDER).toBe("offline");
    expect(r.env.CASE_RETENTION_DAYS).toBe(180);
    expect(r.env.LANTERN_DATA_DIR).toBe("data/pglite");
    expect(r.env.DATABASE_URL).toBeUndefined();
  });

  it("requires a strong AUTH_SECRET in production and names the variable", () => {
    for (const bad of [undefined, "short", "changeme-changeme-changeme-changeme", "a".repeat(40)]) {
      const r = checkEnv({ NODE_ENV: "production", AUTH_SECRET: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.variables).toEqual(["AUTH_SECRET"]);
        expect(r.message).toMatch(/AUTH_SECRET/);
      }
    }
    expect(checkEnv({ NODE_ENV: "production", AUTH_SECRET: STRONG }).ok).toBe(true);
  });

  it("lists every bad variable in one message and never echoes secret values", () => {
    const r = checkEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "hunter2",
      CASE_RETENTION_DAYS: "forever",
      LLM_PROVIDER: "skynet",
      DATABASE_URL: "mysql://root:pw@db/x",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.variables.sort()).toEqual(["AUTH_SECRET", "CASE_RETENTION_DAYS", "DATABASE_URL", "LLM_PROVIDER"]);
    expect(r.message).not.toContain("hunter2");
    expect(r.message).not.toContain("root:pw");
    expect(r.message.split("\n")[0]).toMatch(/cannot start/);
  });

  it("checks provider-specific LLM settings and all-or-none OIDC", () => {
    expect(checkEnv({ LLM_PROVIDER: "together" }).ok).toBe(false);
    expect(checkEnv({ LLM_PROVIDER: "together", TOGETHER_API_KEY: "k" }).ok).toBe(true);
    const oc = checkEnv({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: "not a url" });
    expect(oc.ok || oc.variables.sort()).toEqual(["LLM_BASE_URL", "LLM_MODEL"]);
    const oidc = checkEnv({ AUTH_OIDC_ISSUER: "https://sso.example.org" });
    expect(oidc.ok || oidc.variables.sort()).toEqual(["AUTH_OIDC_ID", "AUTH_OIDC_SECRET"]);
  });

  it("accepts .env.example as it is", () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, "..", ".env.example"), "utf8");
    const vars: Record<string, string> = {};
    for (const line of text.split("\n")) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) vars[m[1]!] = m[2]!.trim();
    }
    expect(checkEnv(vars).ok).toBe(true);
  });

  it("documents in .env.example exactly the variables lib/env.ts declares (no drift either way)", () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, "..", ".env.example"), "utf8");
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const declared = new Set(Object.keys(serverShape));
    expect([...declared].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !declared.has(k))).toEqual([]);
    for (const internal of INTERNAL_VARIABLES) expect(documented.has(internal)).toBe(false);
  });
});
