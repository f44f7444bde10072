import { describe, expect, it } from "vitest";
import { UserFacingError, toHttpStatus } from "@/lib/errors";
import { clientAddress, clientKeyFromHeaders } from "./client-key";
import { readRateLimitConfig } from "./config";
import { createLimiters } from "./limiters";

describe("client key", () => {
  it("takes the address the trusted proxy appended, not what the client wrote on the left", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(clientAddress(h, 1)).toBe("198.51.100.7");
    expect(clientAddress(h, 2)).toBe("6.6.6.6");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("is a salted hash: stable within the process, distinct per address, never the address itself", () => {
    const a = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.7" }));
    const b = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.7" }));
    const c = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.9" }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).not.toContain("198.51");
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("limiters", () => {
  const config = readRateLimitConfig({
    RATE_LIMIT_SELF_CHECK_MAX: "3",
    RATE_LIMIT_GENERATION_MAX: "2",
    RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE: "3",
    RATE_LIMIT_OUTREACH_POSTS_PER_HOUR: "100",
  });

  it("lets a client through up to the limit, then explains kindly with a retry time", async () => {
    const { limitSelfCheck } = createLimiters(config);
    for (let i = 0; i < 3; i++) await limitSelfCheck("client-a");
    const rejection = await limitSelfCheck("client-a").catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(UserFacingError);
    const err = rejection as UserFacingError;
    expect(err.kind).toBe("rate_limited");
    expect(toHttpStatus(err)).toBe(429);
    expect(err.message).toMatch(/paused new checks for about 10 minutes/);
    expect(err.message).toMatch(/crisis lines/);
    expect(err.retryAfterSeconds).toBeGreaterThan(500);
    // Another client is unaffected.
    await expect(limitSelfCheck("client-b")).resolves.toBeUndefined();
  });

  it("caps generation per client and across all clients", async () => {
    const { limitGeneration } = createLimiters(config);
    await limitGeneration("a");
    await limitGeneration("a");
    await expect(limitGeneration("a")).rejects.toBeInstanceOf(UserFacingError);
    await limitGeneration("b"); // the global bucket now holds 3 (a's rejected call consumed its per-client point only)
    await expect(limitGeneration("c")).rejects.toThrow(/paused new ones/);
  });

  it("counts outreach triage in posts, per staff account", async () => {
    const { limitOutreach } = createLimiters(config);
    await limitOutreach("user-1", 60);
    await limitOutreach("user-1", 40);
    await expect(limitOutreach("user-1", 1)).rejects.toThrow(/100 posts in the last hour/);
    await expect(limitOutreach("user-2", 100)).resolves.toBeUndefined();
  });

  it("rejects nonsense configuration at start-up", () => {
    expect(() => readRateLimitConfig({ RATE_LIMIT_SELF_CHECK_MAX: "0" })).toThrow();
    expect(() => readRateLimitConfig({ TRUSTED_PROXY_HOPS: "many" })).toThrow();
    expect(readRateLimitConfig({}).RATE_LIMIT_SELF_CHECK_MAX).toBe(20);
  });
});
