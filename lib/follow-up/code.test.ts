import { hash as argon2 } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import {
  FOLLOW_UP_CODE_BITS,
  FOLLOW_UP_HASH_PATTERN,
  checkFollowUpCode,
  hashFollowUpCode,
  newFollowUpCode,
  normalizeFollowUpCode,
} from "./code";

describe("follow-up codes", () => {
  it("are three groups of four Crockford characters, at least 60 bits", () => {
    expect(FOLLOW_UP_CODE_BITS).toBeGreaterThanOrEqual(60);
    for (let i = 0; i < 200; i++)
      expect(newFollowUpCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("do not repeat and use every symbol about evenly", () => {
    const codes = Array.from({ length: 5_000 }, newFollowUpCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes.join("").replace(/-/g, "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 60,000 symbols over 32: 1,875 expected each; a biased generator (e.g. modulo of a byte) drifts far past 10%.
    for (const n of counts.values()) expect(Math.abs(n - 1875)).toBeLessThan(190);
  });

  it("read what people type: case, spaces, dashes and look-alikes", () => {
    expect(normalizeFollowUpCode("7k3q 9mzd x2pa")).toBe("7K3Q9MZDX2PA");
    expect(normalizeFollowUpCode(" 7K3Q-9MZD-X2PA\n")).toBe("7K3Q9MZDX2PA");
    expect(normalizeFollowUpCode("OIL0-0000-0000")).toBe("011000000000");
    expect(normalizeFollowUpCode("７Ｋ３Ｑ９ＭＺＤＸ２ＰＡ")).toBe("7K3Q9MZDX2PA");
    expect(normalizeFollowUpCode("7K3Q-9MZD-X2P")).toBeNull();
    expect(normalizeFollowUpCode("7K3Q-9MZD-X2PU")).toBeNull();
    expect(normalizeFollowUpCode("")).toBeNull();
    expect(normalizeFollowUpCode("x".repeat(10_000))).toBeNull();
  });

  it("store a salted digest that verifies the code and nothing else", async () => {
    const code = newFollowUpCode();
    const stored = await hashFollowUpCode(code);
    expect(stored).toMatch(/^\$sha256\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).toMatch(FOLLOW_UP_HASH_PATTERN);
    expect(stored).not.toContain(code.replace(/-/g, ""));
    // Salted: the same code never gives the same row twice.
    expect(await hashFollowUpCode(code)).not.toBe(stored);
    expect(await checkFollowUpCode(stored, code)).toBe(true);
    expect(await checkFollowUpCode(stored, code.toLowerCase().replace(/-/g, " "))).toBe(true);
    const other = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    expect(await checkFollowUpCode(stored, other)).toBe(false);
    expect(await checkFollowUpCode(stored, "not a code")).toBe(false);
    expect(await checkFollowUpCode(null, code)).toBe(false);
    expect(await checkFollowUpCode("garbage", code)).toBe(false);
    const [, , salt, sum] = stored.split("$");
    expect(await checkFollowUpCode(`$sha256$${salt}$${sum!.slice(0, -2)}`, code)).toBe(false);
    expect(await checkFollowUpCode(`$sha256$${salt!.slice(1)}$${sum}`, code)).toBe(false);
  });

  it("still open rows saved with an argon2id hash before the digest", async () => {
    const code = newFollowUpCode();
    const legacy = await argon2(normalizeFollowUpCode(code)!, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(legacy).toMatch(FOLLOW_UP_HASH_PATTERN);
    expect(await checkFollowUpCode(legacy, code)).toBe(true);
    expect(await checkFollowUpCode(legacy, code.slice(0, -1) + (code.endsWith("0") ? "1" : "0"))).toBe(false);
    expect(await checkFollowUpCode(legacy, "?")).toBe(false);
  });

  it("take the same work for a missing hash or a malformed code as for a wrong code", async () => {
    const stored = await hashFollowUpCode(newFollowUpCode());
    // Interleaved, and compared by median, so a busy machine slows all three alike.
    const samples: Record<"real" | "missing" | "malformed", number[]> = { real: [], missing: [], malformed: [] };
    const cases = {
      real: () => checkFollowUpCode(stored, "0000-0000-0000"),
      missing: () => checkFollowUpCode(null, "0000-0000-0000"),
      malformed: () => checkFollowUpCode(stored, "?"),
    };
    for (let i = 0; i < 2_000; i++) {
      for (const [name, f] of Object.entries(cases) as [keyof typeof samples, () => Promise<boolean>][]) {
        const t = performance.now();
        await f();
        samples[name].push(performance.now() - t);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const real = median(samples.real);
    // One digest and one constant-time comparison each: within a factor of two of each other.
    for (const name of ["missing", "malformed"] as const) {
      expect(median(samples[name]) / real, name).toBeGreaterThan(0.5);
      expect(median(samples[name]) / real, name).toBeLessThan(2);
    }
  });
});
