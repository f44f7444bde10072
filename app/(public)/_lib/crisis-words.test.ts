import { describe, expect, it } from "vitest";
import { mentionsCrisis } from "./crisis-words";

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
  ])("shows the card for %j", (text) => {
    expect(mentionsCrisis(text)).toBe(true);
  });

  it.each(["I'm so tired of work", "this exam is killing me", "I could die of embarrassment lol", "my life is a mess but I'm hanging in there"])(
    "stays quiet for %j",
    (text) => {
      expect(mentionsCrisis(text)).toBe(false);
    },
  );
});
