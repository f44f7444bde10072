import { describe, expect, it } from "vitest";
import { readAiConfig } from "../config";
import { streamSupportEvents } from "../pipeline";
import { sampleCase } from "../test-support/cases";
import { byChar, byWord, hostileOutputs } from "../test-support/hostile-outputs";
import { leaksIn } from "../test-support/leaks";
import { readEvents } from "../test-support/read-events";
import { scriptedModel } from "../test-support/scripted-model";

/**
 * The adversarial suite, in process: every hostile output, streamed word by word and character by character
 * through the real pipeline (AI SDK structured output, partial objects, message filter, offline fill). The live
 * version against a hostile HTTP provider is lib/ai/adversarial.test.ts.
 */
const ctx = sampleCase("crisisUS");
const ids = ctx.candidates.map((c) => c.resource.id) as [string, ...string[]];
const OUTPUTS = hostileOutputs(ids);
const config = readAiConfig({ LLM_PROVIDER: "offline", LLM_OFFLINE_CHUNK_DELAY_MS: "0" });
const quiet = { warn: () => {}, error: () => {} };

describe("hostile model outputs through the pipeline", () => {
  it("has at least 200 outputs across every category", () => {
    expect(OUTPUTS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(OUTPUTS.map((o) => o.category))).toEqual(
      new Set(["address", "email", "digits", "number words", "instruction", "invented name", "override", "harm", "structure"]),
    );
  });

  it.each([
    ["word by word", byWord],
    ["character by character", byChar],
  ] as const)("leaks nothing, streamed %s", async (_label, chunk) => {
    const leaks: string[] = [];
    for (const output of OUTPUTS) {
      const { view } = await readEvents(streamSupportEvents(ctx, { config, remote: scriptedModel(chunk(output.json)), log: quiet }));
      const found = leaksIn(view, output.forbidden, output.allowedIds);
      if (found.length > 0) leaks.push(`${output.name}: ${found.join(", ")}`);
      // Whatever the model did, the person still gets a complete message with verified services.
      expect(view.ended, output.name).toBe(true);
      expect(view.picks.length, output.name).toBeGreaterThan(0);
    }
    console.info(`adversarial suite (${_label}): ${OUTPUTS.length} outputs, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
  }, 900_000);

  it("keeps a well-behaved model's words and picks", async () => {
    const json = JSON.stringify({
      opening: "I'm so sorry things feel this heavy right now. You don't have to carry this alone.",
      picks: [{ id: ids[0], why: "They are there day and night, and you can call or text them." }],
      closing: "Pick one of these and reach out today. You deserve support.",
    });
    for (const chunk of [byWord, byChar]) {
      const { view } = await readEvents(streamSupportEvents(ctx, { config, remote: scriptedModel(chunk(json)), log: quiet }));
      expect(view).toEqual({ ...JSON.parse(json), ended: true });
    }
  });
});
