import { describe, expect, it } from "vitest";
import { parseMessage, referencedIds } from "./parse-message";

describe("parseMessage", () => {
  it("splits text and directory cards, dropping unknown ids", () => {
    expect(parseMessage("Hi there.\n\n[[res:us-988-call-text]]\nOpen 24/7. [[res:made-up]] Bye.", false)).toEqual([
      { kind: "text", text: "Hi there." },
      { kind: "resource", id: "us-988-call-text" },
      { kind: "text", text: "Open 24/7." },
      { kind: "text", text: "Bye." },
    ]);
  });

  it("hides a half-received marker while streaming and shows it once complete", () => {
    for (const tail of ["[", "[[", "[[r", "[[res", "[[res:", "[[res:us-98", "[[res:us-988-call-text]"]) {
      expect(parseMessage(`Try ${tail}`, true), tail).toEqual([{ kind: "text", text: "Try " }]);
    }
    expect(parseMessage("Try [[res:us-988-call-text]]", true)).toEqual([
      { kind: "text", text: "Try" },
      { kind: "resource", id: "us-988-call-text" },
    ]);
  });

  it("collects referenced ids", () => {
    expect([...referencedIds("[[res:a-b]] x [[res:c]]")]).toEqual(["a-b", "c"]);
  });
});
