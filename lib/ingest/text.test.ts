import { describe, expect, it } from "vitest";
import { checkPostText, looksEnglish, POST_LIMITS } from "./text";

const problem = (input: unknown) => {
  const r = checkPostText(input);
  return r.ok ? "ok" : r.problem;
};

describe("checkPostText", () => {
  it("accepts an ordinary post and tidies it", () => {
    const r = checkPostText("  I haven't slept in days.\r\nEverything feels heavy.  ");
    expect(r).toEqual({ ok: true, text: "I haven't slept in days.\nEverything feels heavy.", likelyEnglish: true });
  });

  it.each([
    ["empty", "", "empty"],
    ["whitespace", "   \n\t  ", "empty"],
    ["undefined", undefined, "empty"],
    ["a number", 42, "empty"],
    ["over the limit", "a".repeat(POST_LIMITS.maxChars) + " b", "too_long"],
    ["NUL", "hello\u0000world", "binary"],
    ["zip header", "PK\u0003\u0004 zip header", "binary"],
    ["C1 control", "text with \u0085 C1 control", "binary"],
    ["U+FFFD", "broken \uFFFD bytes", "bad_encoding"],
    ["lone surrogate", "lone \uD800 surrogate", "bad_encoding"],
    ["600-char word", "x".repeat(600), "long_word"],
    ["no letters", "1234 5678 !!! ???", "no_words"],
  ])("%s", (_label, input, expected) => {
    expect(problem(input)).toBe(expected);
  });

  it("rejects a 100,000-character word quickly", () => {
    const started = performance.now();
    expect(problem("a".repeat(100_000))).toBe("too_long");
    expect(problem(`hi ${"b".repeat(9_000)}`)).toBe("long_word");
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("keeps HTML as plain text (it is rendered as text, never as HTML)", () => {
    const r = checkPostText("<script>alert(1)</script> I feel so alone");
    expect(r.ok && r.text).toBe("<script>alert(1)</script> I feel so alone");
  });

  it("drops bidirectional override characters", () => {
    const r = checkPostText("I feel \u202Eenif\u202C today");
    expect(r.ok && r.text).toBe("I feel enif today");
  });

  it("allows exactly the limit", () => {
    const text = ("word ".repeat(POST_LIMITS.maxChars / 5)).slice(0, POST_LIMITS.maxChars - 1) + "x";
    expect(problem(text)).toBe("ok");
  });
});

describe("looksEnglish", () => {
  it("recognises English posts, short or long", () => {
    expect(looksEnglish("I don't know what to do anymore, I feel like nobody cares about me and I am so tired.")).toBe(true);
    expect(looksEnglish("help")).toBe(true);
  });

  it("flags other languages", () => {
    expect(looksEnglish("No puedo más, me siento muy solo y quiero desaparecer de este mundo para siempre.")).toBe(false);
    expect(looksEnglish("Je ne sais plus quoi faire, je me sens seul et fatigué tous les jours depuis des mois.")).toBe(false);
    expect(looksEnglish("Мне очень плохо, я не знаю, что делать, и никто меня не понимает совсем.")).toBe(false);
    expect(looksEnglish("我真的很累，不知道该怎么办，每天都觉得没有希望，没有人理解我。")).toBe(false);
  });
});
