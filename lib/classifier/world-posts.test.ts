import { beforeAll, describe, expect, it } from "vitest";
import { Classifier, DEFAULT_MODEL_DIR } from "./core";
import { servedTier } from "./crisis-words";

// Posts a staff tester tried on model 1.6.0, which over-flagged short casual writing (training's `none` posts were
// mostly long, polished 2013 posts) and missed passive ideation. The shipped model, as served, must get them right.
const dir = process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR;
let clf: Classifier;
beforeAll(async () => {
  clf = await Classifier.load({ modelDir: dir, intraOpNumThreads: 1 });
});

const served = async (text: string) => {
  const r = await clf.classify(text, { explain: false });
  return { ...r, tier: servedTier(r, text).tier };
};

describe("posts unlike the training data", () => {
  it.each([
    "Is there a downside to using a cushion on the squat bar? My back thanks me but nobody else uses it.",
    "I'm reading a book about a dog who runs away",
    "Unpopular opinion: pineapple on pizza is great and I will die on this hill.",
  ])("a casual post is not put in the crisis tier: %j", async (text) => {
    expect((await served(text)).tier).not.toBe("crisis");
  });

  // Known misses of the shipped model: some one-line posts are still read as crisis (a goodbye is a suicide-note
  // cue, and one-line `none` posts are rare in training). Kept as expected failures so a model
  // that fixes them turns these red and they move up to the list above.
  it.fails.each(["going to eat lunch now, bye", "who wants an award", "-2+3 reasons I can't sleep: exams, money"])(
    "known miss: a one-line casual post is put in the crisis tier: %j",
    async (text) => {
      expect((await served(text)).tier).not.toBe("crisis");
    },
  );

  it("passive ideation is put in the crisis tier", async () => {
    expect((await served("nobody would even notice if I was gone")).tier).toBe("crisis");
  });

  it("a clear manic post is a concern, read as bipolar", async () => {
    const r = await served(
      "Haven't slept in four days and I feel incredible. Maxed out two credit cards on a business idea at 3am, my thoughts are racing so fast I can't finish a sentence, and my psychiatrist wants to up my lithium.",
    );
    expect(r.tier).not.toBe("low");
    expect(r.topLabel).toBe("bipolar");
  });
});
