import { describe, expect, it } from "vitest";
import { crisisWords, mentionsCrisis, servedTier } from "./crisis-words";

describe("mentionsCrisis", () => {
  it.each([
    "I'm going to kill myself tonight",
    "i want to die",
    "I wrote a goodbye letter",
    "thinking about ending my life",
    "I don't want to wake up tomorrow",
    "everyone would be better off without me",
    "I've been having suicidal thoughts",
    "I just want to end it all",
  ])("shows the card for explicit words: %j", (text) => {
    expect(mentionsCrisis(text)).toBe(true);
  });

  it.each([
    "nobody would even notice if I was gone",
    "No one would care if I disappeared tomorrow",
    "honestly nobody would miss me if I died",
    "I wish I was never born",
    "some nights I hope I don't wake up",
    "I wish I could just disappear",
    "I'm so tired of being alive",
    "I can't go on like this",
    "the world would be better without me",
    "my family would be better off if I was gone",
    "I don't want to exist anymore",
    "there's no reason to keep going",
  ])("shows the card for passive ideation: %j", (text) => {
    expect(mentionsCrisis(text)).toBe(true);
  });

  it.each([
    "I'm so tired of work",
    "this exam is killing me",
    "I could die of embarrassment lol",
    "my life is a mess but I'm hanging in there",
    "-2+3 reasons I can't sleep: exams, money",
    "going to eat lunch now, bye",
    "nobody would notice the typo",
    "I wish I could go on holiday",
  ])("stays quiet for %j", (text) => {
    expect(mentionsCrisis(text)).toBe(false);
  });

  it("names the words it found", () => {
    expect(crisisWords("Some days nobody would even notice if I was gone, honestly.")).toBe("nobody would even notice if I was");
    expect(crisisWords("a good day")).toBeNull();
  });
});

const reading = (tier: "crisis" | "elevated" | "low") => ({
  tier,
  tierBasis: { tier, condition: tier === "crisis" ? ("suicidal" as const) : ("depression" as const), score: 0.3, threshold: 0.2 },
});

describe("servedTier", () => {
  it("raises any tier to crisis when crisis words are present, and never lowers one", () => {
    expect(servedTier(reading("low"), "i want to die").tier).toBe("crisis");
    expect(servedTier(reading("elevated"), "nobody would notice if I was gone").tier).toBe("crisis");
    expect(servedTier(reading("low"), "what a lovely day").tier).toBe("low");
    expect(servedTier(reading("elevated"), "what a lovely day").tier).toBe("elevated");
    expect(servedTier(reading("crisis"), "what a lovely day").tier).toBe("crisis");
  });

  it("says why: the crisis words as the rule names them, and the model's own basis", () => {
    expect(servedTier(reading("low"), "Honestly I  WANT to die tonight").reason).toEqual({ words: "want to die", model: reading("low").tierBasis });
    expect(servedTier(reading("elevated"), "what a lovely day").reason).toEqual({ words: null, model: reading("elevated").tierBasis });
  });

  it("never keeps the post's own words from a pattern with a free gap (a name between the phrases)", () => {
    const { reason } = servedTier(reading("low"), "No one would really care about Maria Lopez if I disappeared");
    expect(reason.words).toBe("nobody would notice if I was gone");
    expect(JSON.stringify(reason)).not.toMatch(/Maria|Lopez/);
  });
});
