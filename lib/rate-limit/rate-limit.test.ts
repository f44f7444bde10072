import { describe, expect, it } from "vitest";
import { UserFacingError, toHttpStatus } from "@/lib/errors";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { clientAddress, clientKeyFromHeaders } from "./client-key";
import { clientAddressFrom, rateLimitSubject, readTrustedProxyHops, withClientAddress } from "./forwarded.mjs";
import { readRateLimitConfig } from "./config";
import { createLimiters } from "./limiters";

describe("client key", () => {
  const stamped = (address: string) => new Headers({ "x-lantern-client-address": address, "x-forwarded-for": "6.6.6.6" });

  it("is the address the front server stamped, never a client-written X-Forwarded-For", () => {
    expect(clientAddress(stamped("198.51.100.7"), true)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }), true)).toBe("unknown");
  });

  it("without the front server, counts every request as one client (a header cannot buy a fresh key)", () => {
    const a = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "1.1.1.1", "x-lantern-client-address": "1.1.1.1" }), false);
    const b = clientKeyFromHeaders(new Headers({ "x-forwarded-for": "2.2.2.2", "x-lantern-client-address": "2.2.2.2" }), false);
    expect(a).toBe(b);
  });

  it("is a salted hash: stable within the process, distinct per address, never the address itself", () => {
    const a = clientKeyFromHeaders(stamped("198.51.100.7"), true);
    const b = clientKeyFromHeaders(stamped("198.51.100.7"), true);
    const c = clientKeyFromHeaders(stamped("198.51.100.9"), true);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).not.toContain("198.51");
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("counts an IPv6 client by its /64, so rotating the interface id gains nothing", () => {
    const k = (a: string) => clientKeyFromHeaders(stamped(a), true);
    expect(k("2001:db8:1:2::1")).toBe(k("2001:db8:1:2:ffff:eeee:dddd:cccc"));
    expect(k("2001:db8:1:2::1")).not.toBe(k("2001:db8:1:3::1"));
    expect(rateLimitSubject("::ffff:1.2.3.4")).toBe("0000:0000:0000:0000::/64");
    expect(rateLimitSubject("203.0.113.9")).toBe("203.0.113.9");
  });
});

describe("front server's address", () => {
  it("ignores X-Forwarded-For with no trusted proxy, and takes N from the right behind N proxies", () => {
    expect(clientAddressFrom("203.0.113.5", "6.6.6.6", 0)).toBe("203.0.113.5");
    expect(clientAddressFrom("::ffff:203.0.113.5", undefined, 0)).toBe("203.0.113.5");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddressFrom("10.0.0.2", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
    // Fewer entries than proxies, or garbage where the address should be: the proxy's own address, never the client's words.
    expect(clientAddressFrom("10.0.0.2", "198.51.100.7", 2)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, not-an-ip", 1)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.2", "[2001:db8::1]:443", 1)).toBe("2001:db8::1");
    expect(clientAddressFrom("10.0.0.2", "198.51.100.7:5555", 1)).toBe("198.51.100.7");
    expect(clientAddressFrom(undefined, undefined, 0)).toBe("unknown");
  });

  it("validates TRUSTED_PROXY_HOPS", () => {
    expect(readTrustedProxyHops(undefined)).toBe(0);
    expect(readTrustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "11", "1.5", "many"]) expect(() => readTrustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("30 requests with 30 spoofed X-Forwarded-For values from one client are limited after 20 (default settings)", async () => {
    const { limitSelfCheck } = createLimiters(readRateLimitConfig({}));
    const statuses: number[] = [];
    // The real listener in a real HTTP server; the handler stands in for Next and runs the app's limiter.
    const listener = withClientAddress(async (req, res) => {
      const headers = new Headers(req.headers as Record<string, string>);
      const limited = await limitSelfCheck(clientKeyFromHeaders(headers, true)).then(() => false, () => true);
      res.statusCode = limited ? 429 : 200;
      res.end();
    }, readTrustedProxyHops(undefined));
    const server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (let i = 0; i < 30; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/self-check`, {
          method: "POST",
          headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}`, "x-lantern-client-address": `192.0.2.${i}` },
        });
        statuses.push(res.status);
      }
    } finally {
      server.close();
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
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

  it("caps saves per client and across all clients", async () => {
    const { limitSave } = createLimiters(readRateLimitConfig({ RATE_LIMIT_SAVE_MAX: "2", RATE_LIMIT_SAVE_GLOBAL_PER_MINUTE: "3" }));
    await limitSave("a");
    await limitSave("a");
    const rejection = (await limitSave("a").catch((e: unknown) => e)) as UserFacingError;
    expect(rejection.kind).toBe("rate_limited");
    expect(rejection.message).toMatch(/paused saving.*crisis lines/);
    await limitSave("b");
    await expect(limitSave("c")).rejects.toBeInstanceOf(UserFacingError);
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
    expect(readRateLimitConfig({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(readRateLimitConfig({}).RATE_LIMIT_SAVE_MAX).toBe(20);
    expect(readRateLimitConfig({}).RATE_LIMIT_SELF_CHECK_MAX).toBe(20);
  });
});
