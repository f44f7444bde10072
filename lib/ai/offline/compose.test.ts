import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { streamText } from "ai";
import { PREFERENCES, USER_AUDIENCES } from "@/lib/resources/rank";
import { chunkText, composeSupport } from "./compose";
import { OfflineComposerModel } from "./model";
import { SAMPLE_CASES, sampleCase } from "../test-support/cases";
import { buildResourceCase, type ResourceCase } from "../context";
import { MessageFilter } from "../filter/message-filter";
import { supportViewOf } from "../support-view";
import { allowedResourceIds } from "../allowed-ids";
import { getResource } from "@/lib/resources/directory";
import { TIERS } from "@/lib/assessment/vocabulary";

const NAMES = (ctx: ResourceCase) => allowedResourceIds(ctx).flatMap((id) => [getResource(id)!.name, getResource(id)!.organization]);

/** The offline message through the same filter as a model's: nothing of it may be refused. */
function filtered(ctx: ResourceCase) {
  const filter = new MessageFilter({ allowedIds: ctx.candidates.map((c) => c.resource.id), knownNames: NAMES(ctx) });
  const message = composeSupport(ctx);
  const view = supportViewOf(filter.update(message, true));
  return { message, view, removed: filter.removed };
}

describe("offline composer", () => {
  it("is deterministic and picks exactly the ranked candidates, in order", () => {
    for (const name of Object.keys(SAMPLE_CASES) as (keyof typeof SAMPLE_CASES)[]) {
      const ctx = sampleCase(name);
      expect(composeSupport(sampleCase(name))).toEqual(composeSupport(ctx));
      expect(composeSupport(ctx).picks.map((p) => p.id)).toEqual(ctx.candidates.map((c) => c.resource.id));
    }
  });

  it("passes the message filter untouched (no digits, names or contact words of its own)", () => {
    for (const name of Object.keys(SAMPLE_CASES) as (keyof typeof SAMPLE_CASES)[]) {
      const { message, view, removed } = filtered(sampleCase(name));
      expect(removed, name).toEqual({});
      expect(view.opening, name).toBe(message.opening);
      expect(view.closing, name).toBe(message.closing);
      expect(view.picks, name).toEqual(message.picks);
    }
  });

  it("passes the filter untouched for any case (every directory entry, every audience)", () => {
    const anyCase = fc.record({
      text: fc.constant("post"),
      conditions: fc.record({
        depression: fc.double({ min: 0, max: 1, noNaN: true }),
        anxiety: fc.double({ min: 0, max: 1, noNaN: true }),
        bipolar: fc.double({ min: 0, max: 1, noNaN: true }),
        suicidal: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      tier: fc.constantFrom(...TIERS),
      confidence: fc.constantFrom("high" as const, "moderate" as const, "low" as const),
      country: fc.constantFrom("US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE"),
      audiences: fc.subarray([...USER_AUDIENCES]),
      preferences: fc.subarray([...PREFERENCES]),
    });
    fc.assert(
      fc.property(anyCase, (input) => {
        const { removed } = filtered(buildResourceCase(input));
        expect(removed).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it("personalises: crisis wording, confidence, audiences and preferences", () => {
    const crisis = composeSupport(sampleCase("crisisUS"));
    expect(crisis.opening).toContain("not wanting to be alive");
    expect(crisis.opening).toContain("high confidence");
    expect(crisis.opening).toContain("not a diagnosis");
    expect(crisis.opening).toContain("people you can reach right now");

    const student = composeSupport(sampleCase("anxiousGBTexter"));
    expect(student.opening).toContain("You said you'd prefer texting");
    expect(student.opening).toContain("school or college counseling service");
    expect(student.opening).toContain("worry and tension");

    const veteran = composeSupport(sampleCase("veteranUS"));
    expect(veteran.opening).toContain("among veterans");
    expect(veteran.picks.map((p) => p.id)).toContain("us-veterans-crisis-line");
  });

  it("says honestly when the verified list has nothing for a stated group", () => {
    const ctx = buildResourceCase({ ...SAMPLE_CASES.lowBipolarAU!, audiences: ["postpartum"] });
    expect(composeSupport(ctx).opening).toContain("doesn't have a service just for new and expecting parents in Australia");
  });

  it("streams its JSON through the AI SDK a sentence at a time", async () => {
    const ctx = sampleCase("anxiousGBTexter");
    const parts: string[] = [];
    const result = streamText({ model: new OfflineComposerModel(ctx), prompt: "ignored" });
    for await (const t of result.textStream) parts.push(t);
    expect(JSON.parse(parts.join(""))).toEqual(composeSupport(ctx));
    expect(parts.length).toBeGreaterThan(5);
    expect(chunkText("One. Two? Three").toString()).toBe("One. ,Two? ,Three");
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
