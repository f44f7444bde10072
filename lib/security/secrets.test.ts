import { describe, expect, it } from "vitest";
import { authSecretProblem, productionSecretProblems } from "./secrets";

describe("AUTH_SECRET strength", () => {
  it("refuses missing, short, placeholder and low-variety secrets with a plain reason", () => {
    expect(authSecretProblem(undefined)).toMatch(/not set/);
    expect(authSecretProblem("   ")).toMatch(/not set/);
    expect(authSecretProblem("short-secret")).toMatch(/too short/);
    expect(authSecretProblem("changeme-changeme-changeme-changeme-1234")).toMatch(/placeholder/);
    expect(authSecretProblem("a".repeat(64))).toMatch(/too few different characters/);
    expect(authSecretProblem("abababababababababababababababababab")).toMatch(/too few/);
  });

  it("accepts a generated secret", () => {
    expect(authSecretProblem("q3Vx8J0mW1tYkF2r9LbN4cZs7PdHgE6uA5oRiT0yQwM=")).toBeNull();
    expect(productionSecretProblems({ AUTH_SECRET: "q3Vx8J0mW1tYkF2r9LbN4cZs7PdHgE6uA5oRiT0yQwM=" })).toEqual([]);
  });
});
