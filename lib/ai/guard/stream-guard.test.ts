import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { StreamGuard } from "./stream-guard";
import { REMOVED_CONTACT } from "./contacts";

const ALLOWED = ["us-988-call-text", "us-988-chat", "us-crisis-text-line", "gb-ie-samaritans"];

function runGuard(chunks: string[], allowed = ALLOWED, contacts: "case" | "directory" = "case") {
  const guard = new StreamGuard(allowed, { contacts });
  let out = "";
  for (const c of chunks) out += guard.push(c);
  out += guard.end();
  return { out, removed: guard.removed };
}
const whole = (text: string) => runGuard([text]);

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(text.slice(prev, p));
    prev = p;
  }
  parts.push(text.slice(prev));
  return parts;
}

describe("StreamGuard contact details", () => {
  it("keeps directory numbers, URLs and emails", () => {
    const text = "You can call or text 988, text HOME to 741741, call 116 123 or visit https://988lifeline.org/chat and email jo@samaritans.org. ";
    expect(whole(text).out).toBe(text);
    const samhsa = runGuard(["Call (800) 662-4357 today. "], ["us-samhsa-helpline"]);
    expect(samhsa.out).toBe("Call (800) 662-4357 today. ");
  });

  it("keeps only the contact details of the entries this message may show", () => {
    // Real directory numbers, but for other countries than this person's candidates (Childline UK, Lifeline AU).
    const { out, removed } = whole("Call 0800 1111 or 13 11 14, or see https://www.lifeline.org.au today. ");
    expect(out).toBe(`Call ${REMOVED_CONTACT} or ${REMOVED_CONTACT}, or see ${REMOVED_CONTACT} today. `);
    expect(removed).toEqual({ phone: 2, url: 1 });
    // The directory-wide mode (the guard's minimum) keeps them.
    expect(runGuard(["Call 0800 1111 or 13 11 14 today. "], ALLOWED, "directory").out).toBe("Call 0800 1111 or 13 11 14 today. ");
  });

  it("removes emails whatever their local part", () => {
    for (const email of ["!#$%@evil.example.com", "a'b@fake-help.org", "x/y=z@help.co", "help [at] fakeline.org"]) {
      expect(whole(`Write to ${email} today. `).out, email).toBe(`Write to ${REMOVED_CONTACT} today. `);
    }
  });

  it("removes numbers, short codes, URLs and emails that are not in the directory", () => {
    const { out, removed } = whole(
      "Call 1-555-867-5309 or text HELLO to 55512, see https://evil.example.com/help, www.fake-hotline.org, fakeline.com or write to help@fakeline.com. Dial 1-800-SUICIDE. ",
    );
    for (const bad of ["867", "55512", "evil", "fake-hotline", "fakeline", "SUICIDE"]) expect(out).not.toContain(bad);
    expect(out).toContain(REMOVED_CONTACT);
    expect(removed.phone).toBe(3);
    expect(removed.url).toBe(3);
    expect(removed.email).toBe(1);
  });

  it("catches a number hidden with zero-width characters, unicode dashes or split across chunks", () => {
    expect(whole("Call 5\u200b5\u200b5\u200b-0199 now. ").out).not.toMatch(/5.?5.?5/);
    expect(whole("Call 555\u2013867\u20135309 now. ").out).not.toContain("5309");
    const chunks = ["Call 0800", " 58", " 58 ", "59 or", " visit evil", ".com", "/x now. "];
    expect(runGuard(chunks).out).toBe(`Call ${REMOVED_CONTACT} or visit ${REMOVED_CONTACT} now. `);
  });

  it("never lets markup through", () => {
    const { out, removed } = whole('Hi <script>alert("x")</script><img src=x onerror=alert(1)> <b>there</b> <a href="https://evil.com">click</a> [safe](https://evil.com) <!-- hidden --> <iframe src=x');
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toContain("evil");
    expect(out).not.toContain("alert(");
    expect(out).toContain("there");
    expect(out).toContain("safe");
    expect(removed.html).toBeGreaterThanOrEqual(5);
  });

  it("keeps allowed resource markers, normalises variants and drops unknown ids", () => {
    const { out, removed } = whole("Try [[res:us-988-call-text]] or [res:US-CRISIS-TEXT-LINE] or [[ res: gb-ie-samaritans ]] but not [[res:us-fake-line]] nor [[res:us-988-press-3]]. ");
    expect(out).toBe("Try [[res:us-988-call-text]] or [[res:us-crisis-text-line]] or [[res:gb-ie-samaritans]] but not  nor . ");
    expect(removed.resource_id).toBe(2);
  });
});

describe("StreamGuard sentence rules", () => {
  it("replaces method content with a safe sentence", () => {
    const { out, removed } = whole("I hear you. The most painless way would be to take 40 pills of something strong. Please stay safe. ");
    expect(out).not.toMatch(/pills|painless/);
    expect(out).toContain("I can't share anything about ways of self-harm");
    expect(out.startsWith("I hear you. ")).toBe(true);
    expect(out.endsWith("Please stay safe. ")).toBe(true);
    expect(removed.method).toBe(1);
  });

  it("replaces a diagnosis but keeps talk about feelings", () => {
    expect(whole("You clearly have major depression. ").out).not.toContain("major depression");
    expect(whole("It sounds like bipolar disorder to me. ").removed.diagnosis).toBe(1);
    expect(whole("You are not alone with depression. ").removed.diagnosis).toBeUndefined();
    expect(whole("Our model saw signs often linked with depression. ").removed.diagnosis).toBeUndefined();
  });

  it("replaces promises of confidentiality", () => {
    for (const s of ["Everything you share here is completely confidential. ", "I won't tell anyone, I promise. ", "No one will ever know you wrote this. "]) {
      const { out, removed } = whole(s);
      expect(out, s).toContain("ask them how they handle");
      expect(removed.confidentiality, s).toBe(1);
    }
    expect(whole("If you can, tell one person you trust how you feel. ").removed.confidentiality).toBeUndefined();
  });
});

describe("StreamGuard streaming", () => {
  const samples = [
    "Call 0800 58 58 58 or 555 123 4567 today. Visit https://evil.com/x and [[res:us-988-call-text]]. You clearly have bipolar disorder. ",
    "<b>Hello</b> friend, [link](https://988lifeline.org) and [[res:gb-ie-samaritans]] plus [[res:nope]]. The best way is to take 30 pills. Be kind to yourself.",
    "Text HOME to 741741 or text 12345 to 67890. Everything here stays private between us. Okay?",
  ];

  it("gives the same result however the text is split into chunks", () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), { maxLength: 30 }), (text, cuts) => {
        expect(runGuard(splitAt(text, cuts)).out).toBe(whole(text).out);
      }),
      { numRuns: 400 },
    );
  });

  it("releases plain words as soon as they are complete", () => {
    const guard = new StreamGuard(ALLOWED);
    expect(guard.push("I'm")).toBe("");
    expect(guard.push(" really")).toBe("I'm ");
    expect(guard.push(" glad ")).toBe("really glad ");
  });
});
