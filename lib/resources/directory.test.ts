import { describe, expect, it } from "vitest";
import { RESOURCES } from "./directory";
import { crisisLinesFor, SUPPORTED_COUNTRIES } from "./crisis";

describe("verified directory", () => {
  it("has unique ids and a source for every entry", () => {
    const ids = RESOURCES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RESOURCES) expect(r.source.length).toBeGreaterThan(0);
  });

  it("has well-formed phones, SMS routes and URLs", () => {
    for (const r of RESOURCES) {
      const { phone, sms, url, chat_url } = r.contact;
      if (phone) expect(phone, r.id).toMatch(/^\d[\d -]{1,16}\d( .*)?$/);
      if (sms) expect(sms, r.id).toMatch(/^text .*\d/);
      for (const u of [url, chat_url]) if (u) expect(new URL(u).protocol, r.id).toBe("https:");
    }
  });

  it("has crisis lines for every supported country and a fallback elsewhere", () => {
    for (const c of SUPPORTED_COUNTRIES) expect(crisisLinesFor(c).length, c).toBeGreaterThan(0);
    expect(crisisLinesFor("BR").map((r) => r.id)).toContain("intl-findahelpline");
    expect(crisisLinesFor("US")[0]?.contact.phone).toBe("988");
    expect(crisisLinesFor("GB")[0]?.contact.phone).toBe("116 123");
  });
});
