// The multi-instance bench's figures, from the recorded attempts and flows alone (pure: unit-tested beside).
import { percentile } from "../lib/harness";
import type { Attempt, Flow } from "./people";
import { round } from "./summary";

export interface Kill {
  /** performance.now() when SIGKILL was sent. */
  at: number;
  /**
   * When the bench saw the process exit. A dying process keeps its listening socket until the kernel has freed its
   * memory (tens of ms for a server this size), and connections it accepts meanwhile are reset: in flight too.
   */
  exitedAt: number;
  /** The killed instance as nginx names it, "127.0.0.1:port". */
  address: string;
}

export interface Phase {
  name: string;
  from: number;
  /** Infinity for the last phase: the retries and saves of self-checks still in flight when the run ended count there. */
  to: number;
  seconds: number;
}

/**
 * A 5xx the bars allow: the request was with the instance when it was SIGKILLed (sent before it had exited, answered
 * after the signal, by that instance). Nothing else may fail: not a SIGTERMed instance's requests, not the survivor's.
 */
export function inFlightOnKilled(a: Attempt, kills: Kill[]): boolean {
  return a.status >= 500 && kills.some((k) => a.upstream === k.address && a.startedAt <= k.exitedAt && a.endedAt >= k.at);
}

/** `origin`: the moment the examples' times count from (the run's start). */
export function failures(attempts: Attempt[], kills: Kill[], origin = 0) {
  const fivexx = attempts.filter((a) => a.status >= 500);
  const allowed = fivexx.filter((a) => inFlightOnKilled(a, kills));
  const other = fivexx.filter((a) => !inFlightOnKilled(a, kills));
  const noAnswer = attempts.filter((a) => a.status === 0);
  const retried = attempts.filter((a) => a.attempt > 0);
  return {
    fivexx: fivexx.length,
    inFlightOnKilled: allowed.length,
    other5xx: other.length,
    noAnswer: noAnswer.length,
    retries: retried.length,
    retriesAnswered2xx: retried.filter((a) => a.status >= 200 && a.status < 300).length,
    /** A few of the failures the bars do not allow, to say what went wrong. */
    examples: [...other, ...noAnswer].slice(0, 5).map((a) => ({ kind: a.kind, status: a.status, upstream: a.upstream, error: a.error, sentAtS: round((a.startedAt - origin) / 1000) })),
  };
}

/** Answers per instance in each phase (by when the request was sent), as counts and shares of the phase. */
export function shares(attempts: Attempt[], addresses: string[], phases: Phase[]) {
  return phases.map((p) => {
    const inPhase = attempts.filter((a) => a.upstream !== null && a.startedAt >= p.from && a.startedAt < p.to);
    const row: Record<string, string | number> = { phase: p.name, seconds: round(p.seconds), answers: inPhase.length };
    for (const address of addresses) {
      const n = inPhase.filter((a) => a.upstream === address).length;
      row[address] = `${n} (${inPhase.length ? Math.round((100 * n) / inPhase.length) : 0}%)`;
    }
    return row;
  });
}

/** Median, p95 and p99 of the HTTP answers of one kind (every attempt that got one; retries are attempts too). */
export function latency(attempts: Attempt[], kind: Attempt["kind"], from = -Infinity, to = Infinity) {
  const ms = attempts
    .filter((a) => a.kind === kind && a.status > 0 && a.startedAt >= from && a.startedAt < to)
    .map((a) => a.endedAt - a.startedAt)
    .sort((a, b) => a - b);
  return { n: ms.length, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), p99Ms: round(percentile(ms, 99)) };
}

/**
 * Consented cases against the database: every self-check whose answer carried a save receipt must be a case, once;
 * no other case may exist. "Lost" counts consented self-checks with no case whatever the person was told; those
 * told "saved" or "queued" are counted apart (a broken promise is worse than a failure the person saw).
 */
export function consistency(flows: Flow[], rows: { key: string; n: number }[]) {
  const inDb = new Map(rows.map((r) => [r.key, r.n]));
  const consented = flows.filter((f) => f.consented);
  const consentedKeys = new Set(consented.map((f) => f.key));
  const promised = consented.filter((f) => f.save === "saved" || f.save === "queued");
  const saveStatuses: Record<string, number> = {};
  for (const f of consented) saveStatuses[f.save ?? "?"] = (saveStatuses[f.save ?? "?"] ?? 0) + 1;
  return {
    selfChecks: flows.length,
    consented: consented.length,
    saveAnswers: saveStatuses,
    casesInDatabase: rows.reduce((n, r) => n + r.n, 0),
    lost: consented.filter((f) => !inDb.has(f.key)).length,
    lostAfterSavedOrQueued: promised.filter((f) => !inDb.has(f.key)).length,
    duplicated: rows.filter((r) => r.n > 1).length,
    unexpected: rows.filter((r) => !consentedKeys.has(r.key)).length,
  };
}
