import { describe, expect, it } from "vitest";
import { z } from "zod";
import { publicAction } from "@/lib/auth/public-action";
import { AuthError } from "@/lib/auth/errors";
import { GENERIC_ERROR_MESSAGE, UserFacingError } from "@/lib/errors";
import { toErrorEnvelope } from "./envelope";

describe("the error envelope shared by actions and route handlers", () => {
  it("keeps the person's words and the status of each kind of failure, and hides everything else", () => {
    expect(toErrorEnvelope(new AuthError("forbidden"))).toEqual({
      envelope: { ok: false, kind: "forbidden", error: "Your account does not have access to this." },
      status: 403,
    });
    expect(
      toErrorEnvelope(new UserFacingError("Please wait.", { kind: "rate_limited", retryAfterSeconds: 5 })),
    ).toEqual({
      envelope: { ok: false, kind: "user", error: "Please wait." },
      status: 429,
    });
    expect(toErrorEnvelope(new Error('relation "Case" does not exist'))).toEqual({
      envelope: { ok: false, kind: "internal", error: GENERIC_ERROR_MESSAGE },
      status: 500,
    });
  });

  it("publicAction parses its input before the handler runs and answers failures with the envelope", async () => {
    let ran = 0;
    const action = publicAction(
      { name: "test.echo", input: z.object({ word: z.string().min(2, "Too short.") }) },
      async ({ word }) => {
        ran++;
        if (word === "boom") throw new Error("secret internals");
        return word.toUpperCase();
      },
    );
    expect(await action({ word: "hi" })).toEqual({ ok: true, data: "HI" });
    expect(await action({ word: "x" })).toMatchObject({
      ok: false,
      kind: "invalid",
      error: "Too short.",
      fields: { word: ["Too short."] },
    });
    expect(ran).toBe(1);
    expect(await action({ word: "boom" })).toEqual({ ok: false, kind: "internal", error: GENERIC_ERROR_MESSAGE });
  });
});
