import { describe, expect, it } from "vitest";
import { contactChannels } from "@/lib/resources/contact-channels";
import { getResource } from "@/lib/resources/directory";
import { replyWithServices } from "./reply-services";

describe("replyWithServices", () => {
  it("puts the chosen services under the reply, with their contacts from the directory", () => {
    const out = replyWithServices("Hi, please reach out to one of the lines listed below.", ["us-988-call-text", "us-crisis-text-line"]);
    const [reply, services] = out.split("\n\n");
    expect(reply).toBe("Hi, please reach out to one of the lines listed below.");
    const lines = services!.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^- 988 Suicide & Crisis Lifeline.*: Call 988 · Text 988/);
    expect(lines[1]).toContain("Text HOME to 741741");
    // Every phone number and address in the copy is one the directory holds for that entry.
    for (const id of ["us-988-call-text", "us-crisis-text-line"]) {
      for (const c of contactChannels(getResource(id)!)) expect(out).toContain(c.kind === "web" || c.kind === "chat" ? c.href! : c.label);
    }
  });

  it("copies only the services chosen, skips unknown ids, and leaves the reply alone when none are chosen", () => {
    expect(replyWithServices("  Hi.  ", [])).toBe("Hi.");
    expect(replyWithServices("Hi.", ["not-in-the-directory"])).toBe("Hi.");
    expect(replyWithServices("Hi.", ["us-crisis-text-line"]).split("\n").filter((l) => l.startsWith("- "))).toHaveLength(1);
  });
});
