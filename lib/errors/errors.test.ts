import { describe, expect, it } from "vitest";
import { GENERIC_ERROR_MESSAGE, UserFacingError, toHttpStatus, toUserMessage } from "@/lib/errors";

describe("toUserMessage", () => {
  it("passes through the kind words of a UserFacingError", () => {
    const err = new UserFacingError("Please wait a minute before checking another post.", {
      kind: "rate_limited",
      retryAfterSeconds: 30,
    });
    expect(toUserMessage(err)).toBe("Please wait a minute before checking another post.");
    expect(toHttpStatus(err)).toBe(429);
  });

  it("never reveals internals of any other error", () => {
    const internal = [
      new Error('relation "Case" does not exist at /work/main/lib/db/cases.ts:42'),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new TypeError("Cannot read properties of undefined (reading 'probabilities')"),
      "a thrown string",
      undefined,
    ];
    for (const err of internal) {
      expect(toUserMessage(err)).toBe(GENERIC_ERROR_MESSAGE);
      expect(toHttpStatus(err)).toBe(500);
    }
    expect(GENERIC_ERROR_MESSAGE).not.toMatch(/error|exception|stack|sql|prisma/i);
  });
});

describe("UserFacingError across bundles", () => {
  it("is recognised when another copy of the module made it (Next puts this module in several chunks)", async () => {
    // A second evaluation of the module, as a second chunk would hold it: a different class with the same brand.
    const copy = (await import("./index.ts?second-chunk" as string)) as typeof import("@/lib/errors");
    expect(copy.UserFacingError).not.toBe(UserFacingError);
    const err = new copy.UserFacingError("wait", { kind: "rate_limited", retryAfterSeconds: 5 });
    expect(err instanceof UserFacingError).toBe(true);
    expect(toHttpStatus(err)).toBe(429);
    expect(new Error("x") instanceof UserFacingError).toBe(false);
    expect((null as unknown as object) instanceof UserFacingError).toBe(false);
  });
});
