import { percentile } from "../lib/harness";
import { RunStats } from "./stats";

export const round = (ms: number) => Math.round(ms * 10) / 10;

export function summary(name: string, s: RunStats) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const saves = [...s.saveLatencies].sort((a, b) => a - b);
  const cycles = [...s.cycleLatencies].sort((a, b) => a - b);
  const total = sorted.length;
  const fivexx = Object.entries(s.statuses).filter(([code]) => Number(code) >= 500).reduce((n, [, c]) => n + c, 0);
  const non2xx = Object.entries(s.statuses).filter(([code]) => Number(code) < 200 || Number(code) >= 300).reduce((n, [, c]) => n + c, 0);
  return {
    name,
    requests: total,
    durationS: s.durationS,
    requestsPerSecond: +(total / s.durationS).toFixed(1),
    classificationsPerSecond: +(s.classified / s.durationS).toFixed(1),
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
    saves: saves.length,
    saveMedianMs: round(percentile(saves, 50)),
    saveP95Ms: round(percentile(saves, 95)),
    wholeMedianMs: round(percentile(cycles, 50)),
    wholeP95Ms: round(percentile(cycles, 95)),
    statuses: s.statuses,
    fivexx,
    non2xx,
    connectionErrors: s.errors,
    outcomes: s.outcomes,
  };
}
