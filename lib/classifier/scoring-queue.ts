/**
 * The request queue in front of the model: requests waiting at the same time share batches. No timer: a request
 * runs at once when fewer than MAX_IN_FLIGHT runs are out, and requests that arrive meanwhile share the next run
 * (fewer, fuller batches under load, no added latency when idle). Two runs out keeps the worker busy: the next one
 * is already in its queue while it computes, rather than waiting on the main thread to hear back and send it.
 */

// One drain of the queue scores at most this many tokens, so a burst can't hold the queue for long.
const MAX_DRAIN_TOKENS = 16_384;
const MAX_IN_FLIGHT = 2;

interface PendingJob {
  seqs: number[][];
  tokens: number;
  resolve(rows: number[][]): void;
  reject(err: unknown): void;
}

export class ScoringQueue {
  private queue: PendingJob[] = [];
  /** Runs sent to the worker and not yet answered (at most MAX_IN_FLIGHT). */
  private inFlight = 0;

  /** `run` scores one drain's sequences, one row of logits per sequence, in order. */
  constructor(private readonly run: (seqs: number[][]) => Promise<number[][]>) {}

  score(seqs: number[][]): Promise<number[][]> {
    if (seqs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ seqs, tokens: seqs.reduce((n, s) => n + s.length, 0), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      let take = 0;
      for (
        let tokens = 0;
        take < this.queue.length && (take === 0 || tokens + this.queue[take]!.tokens <= MAX_DRAIN_TOKENS);
        take++
      ) {
        tokens += this.queue[take]!.tokens;
      }
      const jobs = this.queue.splice(0, take);
      this.inFlight++;
      this.run(jobs.flatMap((j) => j.seqs))
        .then((rows) => {
          let at = 0;
          for (const j of jobs) {
            j.resolve(rows.slice(at, at + j.seqs.length));
            at += j.seqs.length;
          }
        })
        .catch((err: unknown) => jobs.forEach((j) => j.reject(err)))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
