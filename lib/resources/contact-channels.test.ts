import { describe, expect, it } from "vitest";
import { contactChannels } from "./contact-channels";
import { getResource, RESOURCES } from "./directory";
import { resourceSchema } from "./schema";

const hrefs = (id: string) => contactChannels(getResource(id)!).flatMap((c) => (c.href && /^(tel|sms):/.test(c.href) ? [c.href] : []));

describe("contact channels", () => {
  it("dials the directory's dial value, with what to do next as a note (never tel:1112)", () => {
    const nhs = contactChannels(getResource("gb-nhs-111-mental-health")!);
    expect(nhs[0]).toMatchObject({ kind: "call", href: "tel:111", label: "Call 111", note: "choose the mental health option – option 2" });
    expect(hrefs("us-988-spanish")).toEqual(["tel:988", "sms:988?body=AYUDA"]);
    expect(hrefs("us-veterans-crisis-line")).toEqual(["tel:988", "sms:838255"]);
    expect(hrefs("us-crisis-text-line")).toEqual(["sms:741741?body=HOME"]);
    expect(hrefs("au-lifeline")).toEqual(["tel:131114", "sms:0477131114"]);
    expect(hrefs("in-tele-manas")).toEqual(["tel:14416", "tel:18008914416"]);
  });

  it("links every call and text route of the directory from its dial value, and nothing else", () => {
    for (const r of RESOURCES) {
      for (const c of contactChannels(r)) {
        if (c.kind === "call") expect(c.href, r.id).toBe(`tel:${r.dial[c.channel as "phone"]!.dial}`);
        if (c.kind === "text") expect(c.href!.split("?")[0], r.id).toBe(`sms:${r.dial.sms!.dial}`);
        if (c.kind === "tty" || c.kind === "videophone") expect(c.href, r.id).toBeNull();
      }
    }
  });

  it("never repeats a word in a label or note (\"Text text 988\")", () => {
    for (const r of RESOURCES) {
      for (const c of contactChannels(r)) {
        expect(`${c.label} ${c.note ?? ""}`, r.id).not.toMatch(/\b([a-z]+)\s+\1\b/i);
      }
    }
    expect(contactChannels(getResource("us-crisis-text-line")!).map((c) => c.label)).toContain("Text HOME to 741741");
  });

  it("refuses a directory entry whose dial value is not its own number, or is missing", () => {
    const base = getResource("gb-nhs-111-mental-health")!;
    expect(resourceSchema.safeParse({ ...base, dial: { phone: { dial: "1112", label: "111" } } }).success).toBe(false);
    expect(resourceSchema.safeParse({ ...base, dial: {} }).success).toBe(false);
    expect(resourceSchema.safeParse(base).success).toBe(true);
  });
});
