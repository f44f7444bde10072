import { describe, expect, it } from "vitest";
import { tierReasonSentence } from "./wording";

const model = (tier: "crisis" | "elevated" | "low", condition: "depression" | "suicidal", score: number, threshold: number) => ({
  tier,
  condition,
  score,
  threshold,
});

describe("why the person sees their result", () => {
  it("crisis by the person's own words names those words", () => {
    expect(tierReasonSentence("crisis", { words: "want to die", model: model("low", "depression", 0.2, 0.5) })).toBe(
      'We put the crisis lines first because your words included "want to die".',
    );
  });

  it("crisis by the model gives its score and the line it crossed", () => {
    expect(tierReasonSentence("crisis", { words: null, model: model("crisis", "suicidal", 0.41, 0.117) })).toBe(
      "We put the crisis lines first because your words were close to posts from people who were having thoughts of suicide (a score of 41%; the crisis lines come first from 12%).",
    );
  });

  it("a concern gives the group, its share and the line", () => {
    expect(tierReasonSentence("elevated", { words: null, model: model("elevated", "depression", 0.86, 0.5) })).toBe(
      "This is marked as worth paying attention to because your words were close to posts from people living with depression (86%; the model marks this from 50%).",
    );
  });

  it("says nothing for a low tier or a reason that was not recorded", () => {
    expect(tierReasonSentence("low", { words: null, model: model("low", "depression", 0.2, 0.5) })).toBeNull();
    expect(tierReasonSentence("crisis", undefined)).toBeNull();
    expect(tierReasonSentence("crisis", { words: null, model: model("low", "depression", 0.2, 0.5) })).toBeNull();
  });
});
