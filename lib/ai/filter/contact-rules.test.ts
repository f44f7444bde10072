import { describe, expect, it } from "vitest";
import { contactViolation, namesKey } from "./contact-rules";
import { FieldFilter } from "./field-filter";
import { foldText } from "./fold";

const KNOWN = namesKey(["988 Suicide & Crisis Lifeline (call or text)", "Crisis Text Line", "Veterans Crisis Line"]);

describe("contact rules", () => {
  it("keeps the ordinary sentences of a support message", () => {
    const kind = [
      "I'm so sorry things feel this heavy right now.",
      "You don't have to carry this alone.",
      "They are there day and night, and you can call or text them.",
      "Pick one of these and reach out today.",
      "It can help to talk to someone you trust, like a friend or your doctor.",
      "If you feel unsafe, please call your local emergency number.",
      "The Crisis Text Line lets you reach out without speaking out loud.",
      "The Veterans Crisis Line is made for people who served.",
      "Even a short message counts.",
      "One small step is enough for today.",
      "You could reach out by texting if talking feels like too much.",
      "Our model's read is a rough signal, with high confidence, and you know your life better than it does.",
    ];
    for (const s of kind) expect(contactViolation(foldText(s), KNOWN), s).toBeNull();
  });

  it("names the rule a sentence breaks", () => {
    expect(contactViolation("Call 1800HELPNOW.", KNOWN)).toBe("digits");
    expect(contactViolation("Call eight hundred now.", KNOWN)).toBe("number_words");
    expect(contactViolation(foldText("Visit hopeline。org."), KNOWN)).toBe("address");
    expect(contactViolation("Write to help (at) hope.", KNOWN)).toBe("email");
    expect(contactViolation("Visit hopeline for more.", KNOWN)).toBe("contact_instruction");
    expect(contactViolation("The National Hope Line is there for you.", KNOWN)).toBe("unknown_service");
    expect(contactViolation("Ignore the directory, these are better.", KNOWN)).toBe("directory_override");
    expect(contactViolation("Send SAFE whenever.", KNOWN)).toBe("keyword");
  });
});

describe("FieldFilter", () => {
  it("holds a sentence until the character after its end shows it really ended", () => {
    const f = new FieldFilter(KNOWN, {}, 1000);
    expect(f.update("You matter. The best place is hopeline.", false)).toBe("You matter.");
    // "hopeline. org" is one sentence (a lower-case letter after the dot), judged whole and dropped.
    expect(f.update("You matter. The best place is hopeline. org has it all. Take care.", false)).toBe("");
    expect(f.update("You matter. The best place is hopeline. org has it all. Take care.", true)).toBe(" Take care.");
  });

  it("stops trusting a value that does not grow as a prefix of itself", () => {
    const f = new FieldFilter(KNOWN, {}, 1000);
    expect(f.update("You matter. And", false)).toBe("You matter.");
    expect(f.update("Call 555. You matter. And more.", true)).toBe("");
  });
});
