import { describe, expect, it } from "vitest";
import { crisisByRule, describeTierReason, REASON_NOT_RECORDED } from "./tier-reason";

const model = (
  tier: "crisis" | "elevated" | "low",
  condition: "suicidal" | "depression" | "anxiety",
  score: number,
  threshold: number,
) => ({ tier, condition, score, threshold });

describe("describeTierReason", () => {
  it("names the explicit words when the rule decided, and the model's score against its threshold otherwise", () => {
    expect(describeTierReason({ words: "want to die", model: model("low", "anxiety", 0.2, 0.5) })).toBe(
      "explicit words: 'want to die'",
    );
    expect(describeTierReason({ words: null, model: model("crisis", "suicidal", 0.41, 0.18) })).toBe(
      "model: suicidal crisis score 0.41 (crisis threshold 0.18)",
    );
    expect(describeTierReason({ words: null, model: model("elevated", "depression", 0.86, 0.5) })).toBe(
      "model: elevated depression 0.86 (threshold 0.50)",
    );
    expect(describeTierReason({ words: null, model: model("low", "anxiety", 0.22, 0.5) })).toBe(
      "model: nothing above its threshold (highest anxiety 0.22, threshold 0.50)",
    );
  });

  it("keeps the model's crisis reading beside the words when both said crisis", () => {
    expect(describeTierReason({ words: "kill myself", model: model("crisis", "suicidal", 0.93, 0.18) })).toBe(
      "explicit words: 'kill myself' · model: suicidal crisis score 0.93 (crisis threshold 0.18)",
    );
  });

  it("says the reason was not recorded for old cases and anything malformed", () => {
    for (const old of [null, undefined, {}, "crisis", { words: 3, model: null }, { words: null, model: null }]) {
      expect(describeTierReason(old)).toBe(REASON_NOT_RECORDED);
    }
  });
});

describe("crisisByRule", () => {
  it("is true only when the explicit-words rule fired", () => {
    expect(crisisByRule({ words: "end it all", model: model("low", "depression", 0.3, 0.5) })).toBe(true);
    expect(crisisByRule({ words: null, model: model("crisis", "suicidal", 0.5, 0.18) })).toBe(false);
    expect(crisisByRule(null)).toBe(false);
  });
});
