import { describe, expect, it } from "vitest";
import { consistency, failures, inFlightOnKilled, latency, shares } from "./instances-report";
import { alternated } from "./limit-check";
import type { Attempt, Flow } from "./people";

const A = "127.0.0.1:3320";
const B = "127.0.0.1:3321";
const attempt = (over: Partial<Attempt>): Attempt => ({ kind: "check", key: "k", attempt: 0, startedAt: 0, endedAt: 10, status: 200, upstream: A, ...over });
const kills = [{ at: 100, exitedAt: 105, address: A }];

describe("5xx split around a SIGKILL", () => {
  it("allows only a 5xx from the killed instance for a request it held when killed", () => {
    expect(inFlightOnKilled(attempt({ startedAt: 90, endedAt: 110, status: 502 }), kills)).toBe(true);
    expect(inFlightOnKilled(attempt({ startedAt: 100, endedAt: 100, status: 502 }), kills)).toBe(true);
    // sent while the killed process was still exiting: its socket took the connection, then dropped it
    expect(inFlightOnKilled(attempt({ startedAt: 104, endedAt: 120, status: 502 }), kills)).toBe(true);
    // sent after it had exited: the proxy should have gone to the other instance
    expect(inFlightOnKilled(attempt({ startedAt: 106, endedAt: 120, status: 502 }), kills)).toBe(false);
    // answered before the kill
    expect(inFlightOnKilled(attempt({ startedAt: 80, endedAt: 99, status: 500 }), kills)).toBe(false);
    // the survivor failing at the same moment
    expect(inFlightOnKilled(attempt({ startedAt: 90, endedAt: 110, status: 502, upstream: B }), kills)).toBe(false);
    // not a failure
    expect(inFlightOnKilled(attempt({ startedAt: 90, endedAt: 110, status: 200 }), kills)).toBe(false);
  });

  it("counts the allowed, the other 5xx, the unanswered and the retries apart", () => {
    const f = failures(
      [
        attempt({ startedAt: 90, endedAt: 110, status: 502 }),
        attempt({ startedAt: 2110, endedAt: 2150, status: 200, upstream: B, attempt: 1 }),
        attempt({ startedAt: 300, endedAt: 310, status: 503, upstream: B }),
        attempt({ startedAt: 400, endedAt: 30_400, status: 0, upstream: null, error: "timeout" }),
        attempt({ startedAt: 500, endedAt: 510 }),
      ],
      kills,
    );
    expect(f).toMatchObject({ fivexx: 2, inFlightOnKilled: 1, other5xx: 1, noAnswer: 1, retries: 1, retriesAnswered2xx: 1 });
    expect(f.examples.map((e) => e.status)).toEqual([503, 0]);
  });
});

describe("shares and latency", () => {
  it("splits answers per instance by the phase they were sent in, leaving out the unanswered", () => {
    const rows = shares(
      [attempt({ startedAt: 1 }), attempt({ startedAt: 2, upstream: B }), attempt({ startedAt: 3, upstream: B }), attempt({ startedAt: 4, status: 0, upstream: null }), attempt({ startedAt: 11, upstream: B })],
      [A, B],
      [
        { name: "both", from: 0, to: 10, seconds: 0.01 },
        { name: "B alone", from: 10, to: Infinity, seconds: 0.01 },
      ],
    );
    expect(rows).toEqual([
      { phase: "both", seconds: 0, answers: 3, [A]: "1 (33%)", [B]: "2 (67%)" },
      { phase: "B alone", seconds: 0, answers: 1, [A]: "0 (0%)", [B]: "1 (100%)" },
    ]);
  });

  it("takes percentiles of one kind's answered attempts", () => {
    const list = Array.from({ length: 100 }, (_, i) => attempt({ startedAt: i, endedAt: i + i + 1 }));
    list.push(attempt({ kind: "save", endedAt: 5_000 }), attempt({ status: 0, endedAt: 9_000 }));
    expect(latency(list, "check")).toEqual({ n: 100, p50Ms: 50, p95Ms: 95, p99Ms: 99 });
  });
});

describe("consented cases against the database", () => {
  const flow = (key: string, over: Partial<Flow> = {}): Flow => ({ key, startedAt: 0, consented: true, outcome: "result", save: "saved", ...over });

  it("finds lost, broken promises, duplicates and cases nobody consented to", () => {
    const flows = [flow("a"), flow("b", { save: "failed" }), flow("c", { save: "queued" }), flow("d"), flow("e", { consented: false, save: undefined })];
    const c = consistency(flows, [
      { key: "a", n: 1 },
      { key: "d", n: 2 },
      { key: "e", n: 1 },
      { key: "x", n: 1 },
    ]);
    expect(c).toMatchObject({ selfChecks: 5, consented: 4, casesInDatabase: 5, lost: 2, lostAfterSavedOrQueued: 1, duplicated: 1, unexpected: 2 });
    expect(c.saveAnswers).toEqual({ saved: 2, failed: 1, queued: 1 });
  });

  it("passes when every consented self-check is one case", () => {
    const c = consistency([flow("a"), flow("b", { save: "queued" })], [
      { key: "a", n: 1 },
      { key: "b", n: 1 },
    ]);
    expect(c).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0 });
  });
});

describe("a lone client on round-robin", () => {
  it("alternates only when no instance answers twice in a row", () => {
    expect(alternated([A, B, A, B])).toBe(true);
    expect(alternated([A, B, B, A])).toBe(false);
    expect(alternated([A, null, A])).toBe(false);
    expect(alternated([A])).toBe(false);
  });
});
