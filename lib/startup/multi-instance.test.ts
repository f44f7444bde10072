import { afterEach, describe, expect, it, vi } from "vitest";
import { checkEnv } from "@/lib/env";
import { multiInstanceProblem } from "./multi-instance";
import { preflight } from "./preflight";

const SECRET = "k3J9xQ2mZr8LwP5vT1yB6nH4cF7dS0aE+/=";
const ACTION_KEY = Buffer.alloc(32, 7).toString("base64");
const SHARED = { DATABASE_URL: "postgresql://lantern:pw@db:5432/lantern", AUTH_SECRET: SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTION_KEY };

function settings(raw: Record<string, string>) {
  const r = checkEnv(raw);
  if (!r.ok) throw new Error(r.message);
  return r.env;
}

describe("several instances", () => {
  afterEach(() => vi.restoreAllMocks());

  it("one instance (the default) needs none of the shared settings", () => {
    expect(settings({}).LANTERN_INSTANCES).toBe(1);
    expect(multiInstanceProblem(settings({}))).toBeNull();
    expect(multiInstanceProblem(settings({ LANTERN_INSTANCES: "1" }))).toBeNull();
  });

  it("more than one needs DATABASE_URL, AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, named with the reason", () => {
    expect(multiInstanceProblem(settings({ LANTERN_INSTANCES: "2", ...SHARED }))).toBeNull();
    const none = multiInstanceProblem(settings({ LANTERN_INSTANCES: "3" }))!;
    expect(none).toMatch(/^Lantern cannot start: LANTERN_INSTANCES=3/);
    expect(none).toContain("DATABASE_URL, AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY are not set");
    expect(none).toMatch(/rate limits/);
    for (const name of Object.keys(SHARED) as (keyof typeof SHARED)[]) {
      const rest = { ...SHARED, [name]: "" };
      const problem = multiInstanceProblem(settings({ LANTERN_INSTANCES: "2", ...rest }))!;
      expect(problem).toContain(`but ${name} is not set`);
      // Secrets are named, never shown.
      expect(problem).not.toContain(SECRET);
      expect(problem).not.toContain("lantern:pw");
    }
  });

  it("validates the setting and the key's shape (an AES key of 16, 24 or 32 bytes, base64)", () => {
    for (const bad of ["0", "-2", "two", "1.5"]) expect(checkEnv({ LANTERN_INSTANCES: bad })).toMatchObject({ ok: false, variables: ["LANTERN_INSTANCES"] });
    for (const bad of ["not base64!", Buffer.alloc(20).toString("base64"), "c2hvcnQ="]) {
      const r = checkEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad });
      expect(r).toMatchObject({ ok: false, variables: ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"] });
      expect(r.ok || r.message).not.toContain(bad);
    }
    for (const bytes of [16, 24, 32]) expect(checkEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 1).toString("base64") }).ok).toBe(true);
  });

  it("preflight stops the start with the message and exit code 78 (EX_CONFIG)", () => {
    vi.stubEnv("LANTERN_INSTANCES", "2");
    vi.stubEnv("DATABASE_URL", "");
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(() => preflight()).toThrow("exit 78");
    } finally {
      vi.unstubAllEnvs();
    }
    expect(exit).toHaveBeenCalledWith(78);
    expect(written.join("")).toMatch(/LANTERN_INSTANCES=2 says several instances.*DATABASE_URL/s);
  });
});
