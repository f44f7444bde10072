import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueReceipt, redeemReceipt } from "./receipt";

const request = {
  submissionKey: randomUUID(),
  text: "I can't sleep and everything feels heavy.",
  classification: {
    probabilities: { depression: 0.7, anxiety: 0.2, bipolar: 0.05, suicidal: 0.1 },
    labels: ["depression" as const],
    topLabel: "depression" as const,
    tier: "elevated" as const,
    evidence: [{ sentence: "everything feels heavy", weight: 0.4 }],
    model: { name: "m", version: "1" },
  },
  resourcesShown: ["samhsa-helpline"],
  country: "US",
};

describe("save receipts", () => {
  it("give back what they were issued for, with the words", () => {
    const redeemed = redeemReceipt(issueReceipt(request), request.text);
    expect(redeemed).toEqual({ ok: true, request });
  });

  it("refuse other words, a changed payload or signature, garbage, and age", () => {
    const now = Date.now();
    const receipt = issueReceipt(request, now);
    const [payload, mac] = receipt.split(".") as [string, string];
    const changed = Buffer.from(Buffer.from(payload, "base64url").toString().replace('"US"', '"GB"')).toString(
      "base64url",
    );
    expect(redeemReceipt(receipt, `${request.text} `, now)).toEqual({ ok: false, problem: "text_mismatch" });
    expect(redeemReceipt(`${changed}.${mac}`, request.text, now)).toEqual({ ok: false, problem: "invalid" });
    expect(redeemReceipt(`${payload}.${mac.slice(1)}x`, request.text, now)).toEqual({ ok: false, problem: "invalid" });
    for (const junk of ["", ".", "a.b.c", payload, `${receipt}.x`])
      expect(redeemReceipt(junk, request.text, now).ok).toBe(false);
    expect(redeemReceipt(receipt, request.text, now + 31 * 60_000)).toEqual({ ok: false, problem: "expired" });
    expect(redeemReceipt(receipt, request.text, now + 29 * 60_000).ok).toBe(true);
  });
});
