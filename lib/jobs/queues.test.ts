import { describe, expect, it } from "vitest";
import { everyMinutesCron } from "./queues";

describe("everyMinutesCron", () => {
  it("runs on an even grid, never rarer than asked", () => {
    expect(everyMinutesCron(1)).toBe("* * * * *");
    expect(everyMinutesCron(15)).toBe("*/15 * * * *");
    expect(everyMinutesCron(45)).toBe("*/30 * * * *");
    expect(everyMinutesCron(7)).toBe("*/6 * * * *");
    expect(everyMinutesCron(60)).toBe("0 * * * *");
    expect(everyMinutesCron(150)).toBe("0 */2 * * *");
    expect(everyMinutesCron(300)).toBe("0 */4 * * *");
    expect(everyMinutesCron(1440)).toBe("0 0 * * *");
  });

  it("refuses what is not a whole number of minutes from 1 to 1440", () => {
    for (const bad of [0, -5, 1.5, 1441, Number.NaN]) expect(() => everyMinutesCron(bad)).toThrow(RangeError);
  });
});
