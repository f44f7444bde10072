import { describe, expect, it } from "vitest";
import { countOf, formatDay, formatMoment } from "./format";

describe("countOf", () => {
  it("pluralises by the count", () => {
    expect(countOf(1, "week")).toBe("1 week");
    expect(countOf(0, "week")).toBe("0 weeks");
    expect(countOf(12, "week")).toBe("12 weeks");
    expect(countOf(2, "judgement")).toBe("2 judgements");
    expect(countOf(1_200, "case")).toBe("1,200 cases");
    expect(countOf(3, "person", "people")).toBe("3 people");
  });
});

describe("dates", () => {
  it("writes days as ISO 8601 and moments with a UTC time, whatever the local zone", () => {
    expect(formatDay(new Date("2026-12-02T23:30:00Z"))).toBe("2026-12-02");
    expect(formatDay("2026-01-05T00:00:00.000Z")).toBe("2026-01-05");
    expect(formatMoment("2026-12-02T14:05:59.000Z")).toBe("2026-12-02 14:05 UTC");
  });
});
