import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PREFERENCES, RISK_TIERS, USER_AUDIENCES } from "@/lib/resources/rank";
import { streamText } from "ai";
import { composeContinuation, composeMessage, chunkMessage } from "./compose";
import { OfflineComposerModel } from "./model";
import { SAMPLE_CASES, sampleCase } from "../test-support/cases";
import { StreamGuard } from "../guard/stream-guard";
import { allowedResourceIds } from "../allowed-ids";
import { buildResourceCase } from "../context";

const markers = (text: string) => [...text.matchAll(/\[\[res:([a-z0-9-]+)\]\]/g)].map((m) => m[1]);

describe("offline composer", () => {
  it("is deterministic and refers to exactly the ranked candidates, in order", () => {
    for (const name of Object.keys(SAMPLE_CASES) as (keyof typeof SAMPLE_CASES)[]) {
      const ctx = sampleCase(name);
      const text = composeMessage(ctx);
      expect(composeMessage(sampleCase(name))).toBe(text);
      expect(markers(text)).toEqual(ctx.candidates.map((c) => c.resource.id));
    }
  });

  it("contains no contact details, markup or digits of its own, and passes the guard untouched", () => {
    for (const name of Object.keys(SAMPLE_CASES) as (keyof typeof SAMPLE_CASES)[]) {
      const ctx = sampleCase(name);
      const text = composeMessage(ctx);
      const withoutMarkers = text.replace(/\[\[res:[a-z0-9-]+\]\]/g, "");
      expect(withoutMarkers, name).not.toMatch(/\d{3,}|https?:|www\.|@|<|>/);
      const guard = new StreamGuard(allowedResourceIds(ctx));
      expect(guard.push(text) + guard.end(), name).toBe(text);
      expect(guard.removedTotal, name).toBe(0);
    }
  });

  it("passes the guard untouched for any case (every directory entry, every audience)", () => {
    const anyCase = fc.record({
      text: fc.constant("post"),
      conditions: fc.record({
        depression: fc.double({ min: 0, max: 1, noNaN: true }),
        anxiety: fc.double({ min: 0, max: 1, noNaN: true }),
        bipolar: fc.double({ min: 0, max: 1, noNaN: true }),
        suicidal: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      tier: fc.constantFrom(...RISK_TIERS),
      confidence: fc.constantFrom("high" as const, "moderate" as const, "low" as const),
      country: fc.constantFrom("US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE"),
      audiences: fc.subarray([...USER_AUDIENCES]),
      preferences: fc.subarray([...PREFERENCES]),
    });
    fc.assert(
      fc.property(anyCase, (input) => {
        const ctx = buildResourceCase(input);
        const text = composeMessage(ctx);
        const guard = new StreamGuard(allowedResourceIds(ctx));
        expect(guard.push(text) + guard.end()).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("personalises: crisis wording, confidence, audiences and preferences", () => {
    const crisis = composeMessage(sampleCase("crisisUS"));
    expect(crisis).toContain("not wanting to be alive");
    expect(crisis).toContain("high confidence");
    expect(crisis).toContain("not a diagnosis");
    expect(crisis).toContain("people you can reach right now");

    const student = composeMessage(sampleCase("anxiousGBTexter"));
    expect(student).toContain("You said you'd prefer texting");
    expect(student).toContain("school or college counseling service");
    expect(student).toContain("worry and tension");

    const veteran = composeMessage(sampleCase("veteranUS"));
    expect(veteran).toContain("among veterans");
    expect(veteran).toContain("[[res:us-veterans-crisis-line]]");
  });

  it("says honestly when the verified list has nothing for a stated group", () => {
    const ctx = buildResourceCase({ ...SAMPLE_CASES.lowBipolarAU!, audiences: ["postpartum"] });
    expect(composeMessage(ctx)).toContain("doesn't have a service just for new and expecting parents in Australia");
  });

  it("continues a cut-off message with the candidates not yet mentioned and the next steps", () => {
    const ctx = sampleCase("crisisUS");
    const first = ctx.candidates[0]!.resource.id;
    const rest = composeContinuation(ctx, `I'm so sorry you're hurting. Please reach [[res:${first}]] and`);
    expect(rest.startsWith("\n\n")).toBe(true);
    expect(markers(rest)).toEqual(ctx.candidates.slice(1).map((c) => c.resource.id));
    expect(rest).toContain("You reached out, and that matters.");
    expect(composeContinuation(ctx, "")).toBe(composeMessage(ctx));
  });

  it("streams through the AI SDK in small chunks with markers whole", async () => {
    const ctx = sampleCase("anxiousGBTexter");
    const result = streamText({ model: new OfflineComposerModel(ctx), prompt: "ignored" });
    const parts: string[] = [];
    for await (const t of result.textStream) parts.push(t);
    expect(parts.join("")).toBe(composeMessage(ctx));
    expect(parts.length).toBeGreaterThan(40);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(40);
    expect(chunkMessage(composeMessage(ctx)).join("")).toBe(composeMessage(ctx));
  });

  it("sends its first chunk within 50 ms (median of warm runs; npm run bench:resources has the full figures)", async () => {
    const ctx = sampleCase("crisisUS");
    const times: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const started = performance.now();
      const result = streamText({ model: new OfflineComposerModel(ctx, { chunkDelayMs: 12 }), prompt: "ignored" });
      for await (const first of result.textStream) {
        expect(first.length).toBeGreaterThan(0);
        break;
      }
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
  });
});
