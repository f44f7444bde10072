import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runSelfCheck, type SelfCheckDeps } from "@/lib/self-check/run";
import { POST as resourcesPOST } from "@/app/api/resources/route";
import { readRateLimitConfig } from "@/lib/rate-limit/config";
import { createLimiters } from "@/lib/rate-limit/limiters";
import type { Analysis } from "@/lib/self-check/types";

// The abuse limits as a person meets them: through the real self-check journey and the real resources route.

const LOW: Analysis = {
  tier: "low",
  confidence: "moderate",
  probabilities: { depression: 0.2, anxiety: 0.1, bipolar: 0.02, suicidal: 0.03 },
  labels: [],
  topLabel: "none",
  evidence: [],
  model: { name: "test-double", version: "0" },
};

describe("self-check rate limit", () => {
  it("after the limit, the person gets kind words, a retry time and the crisis card, and nothing runs", async () => {
    const { limitSelfCheck } = createLimiters(readRateLimitConfig({ RATE_LIMIT_SELF_CHECK_MAX: "3" }));
    let classified = 0;
    const deps = (key: string): SelfCheckDeps => ({
      classify: async () => {
        classified++;
        return { ok: true, analysis: LOW };
      },
      fetchPost: async () => {
        throw new Error("not used");
      },
      saveCase: async () => {
        throw new Error("not used");
      },
      limit: () => limitSelfCheck(key),
      limitSave: async () => {},
      log: () => {},
    });
    const check = (key: string) => runSelfCheck({ text: "I have been feeling a bit low this week and cannot sleep well.", submissionKey: randomUUID() }, { acceptLanguage: "en-US" }, deps(key));

    for (let i = 0; i < 3; i++) expect((await check("same-client")).outcome).toBe("result");
    const limited = await check("same-client");
    expect(limited.rateLimited).toBe(true);
    expect(limited.showCrisis).toBe(true);
    expect(limited.message).toMatch(/paused new checks for about \d+ minutes/);
    expect(limited.message).toMatch(/crisis lines/);
    expect(classified).toBe(3);
    // Another person is not affected.
    expect((await check("another-client")).outcome).toBe("result");
  });
});

describe("resources route rate limit", () => {
  it("answers 429 with Retry-After and kind words once a client has asked for too many messages", async () => {
    process.env.LLM_OFFLINE_CHUNK_DELAY_MS = "0"; // read per request: the offline composer writes at once
    const body = JSON.stringify({ prompt: "I feel low", tier: "low", country: "US", conditions: { depression: 0.3 } });
    // As the front server (scripts/serve.mjs) stamps each request with the address it read from the socket.
    process.env.LANTERN_FRONT_SERVER = "1";
    const ask = (ip: string) =>
      resourcesPOST(new Request("http://127.0.0.1/api/resources", { method: "POST", headers: { "content-type": "application/json", "x-lantern-client-address": ip }, body }));
    // Default: 10 per client per 10 minutes (RATE_LIMIT_GENERATION_MAX).
    for (let i = 0; i < 10; i++) {
      const res = await ask("198.18.7.7");
      expect(res.status).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(80);
    }
    const refused = await ask("198.18.7.7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const { error, crisisLines } = (await refused.json()) as { error: string; crisisLines: { id: string }[] };
    expect(error).toMatch(/paused new ones/);
    expect(crisisLines[0]?.id).toBe("us-988-call-text");
    expect(error).not.toMatch(/Rate|Limiter|Error/);
    const other = await ask("198.18.7.8");
    expect(other.status).toBe(200);
    await other.text();
  });
});
