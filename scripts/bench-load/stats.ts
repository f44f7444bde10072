
export interface RunStats {
  /** Self-check runs: the classification answer's latency; the queue run: each page's. */
  latencies: number[];
  saveLatencies: number[];
  /** From sending the self-check to the save's answer: what one person's whole self-check took. */
  cycleLatencies: number[];
  /** Self-check runs time their own requests (two kinds), so autocannon's per-response figures are not used. */
  ownTiming: boolean;
  statuses: Record<string, number>;
  sent: Set<string>;
  answered: Set<string>;
  saved: Set<string>;
  queued: Set<string>;
  outcomes: Record<string, number>;
  classified: number;
  /** Classifications answered in each second of the run. */
  perSecond: number[];
  errors: number;
  durationS: number;
}

export const newStats = (ownTiming = false): RunStats => ({ latencies: [], saveLatencies: [], cycleLatencies: [], ownTiming, statuses: {}, sent: new Set(), answered: new Set(), saved: new Set(), queued: new Set(), outcomes: {}, classified: 0, perSecond: [], errors: 0, durationS: 0 });

export const countStatus = (stats: RunStats, status: number) => (stats.statuses[status] = (stats.statuses[status] ?? 0) + 1);
