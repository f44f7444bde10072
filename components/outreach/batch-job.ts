/**
 * The browser's side of a large batch (more than largeBatchPosts posts): announce it, upload its posts in parts under
 * the body limit, start its job, then poll for progress and results until every result has arrived. Each poll says
 * how many results have arrived, so the server deletes those; the last poll deletes the batch. The posts' words stay
 * in the page: results come back by index, with no text.
 */
import { chunkPosts } from "@/lib/outreach/chunks";
import { BATCH_PART_LIMITS } from "@/lib/outreach/config";
import type { TriageModel, TriageResult } from "@/lib/outreach/types";
import type { ActionResult } from "@/lib/errors/envelope";

export interface BatchView {
  state: "uploading" | "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  model: TriageModel | null;
  results: { index: number; result: TriageResult }[];
}

export interface BatchActions {
  createBatch: (input: { total: number; country: string }) => Promise<ActionResult<{ batchId: string }>>;
  addBatchPart: (input: { batchId: string; part: number; firstIndex: number; posts: string[]; countries: string[] }) => Promise<ActionResult<{ stored: number }>>;
  startBatch: (input: { batchId: string }) => Promise<ActionResult<{ batchId: string }>>;
  pollBatch: (input: { batchId: string; received: number }) => Promise<ActionResult<BatchView>>;
}

export interface BatchJobEvents {
  onStage: (stage: "sending" | "waiting" | "reading") => void;
  onProgress: (done: number, total: number) => void;
  onResults: (results: { index: number; result: TriageResult }[], model: TriageModel | null) => void;
}

export type BatchJobOutcome = { ok: true } | { ok: false; message: string; kind: string };

const POLL_MS = 1_000;
/** Polls that fail in a row (a dropped connection) before the page stops waiting. */
const MAX_POLL_MISSES = 5;

const interrupted = (): ActionResult<never> => ({ ok: false, error: "The connection was interrupted. Please try again.", kind: "internal" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `posts`: each post's words and the country whose services it gets (its own, else the batch's). */
export async function runBatchJob(
  actions: BatchActions,
  posts: readonly { text: string; country: string }[],
  country: string,
  events: BatchJobEvents,
): Promise<BatchJobOutcome> {
  events.onStage("sending");
  const created = await actions.createBatch({ total: posts.length, country }).catch(interrupted);
  if (!created.ok) return { ok: false, message: created.error, kind: created.kind };
  const { batchId } = created.data;

  let firstIndex = 0;
  for (const [part, chunk] of chunkPosts(posts, BATCH_PART_LIMITS).entries()) {
    const res = await actions
      .addBatchPart({ batchId, part, firstIndex, posts: chunk.map((p) => p.text), countries: chunk.map((p) => p.country) })
      .catch(interrupted);
    if (!res.ok) return { ok: false, message: res.error, kind: res.kind };
    firstIndex += chunk.length;
  }
  const started = await actions.startBatch({ batchId }).catch(interrupted);
  if (!started.ok) return { ok: false, message: started.error, kind: started.kind };

  events.onStage("waiting");
  let received = 0;
  let misses = 0;
  for (;;) {
    await sleep(POLL_MS);
    const res = await actions.pollBatch({ batchId, received }).catch(interrupted);
    if (!res.ok) {
      if (res.kind !== "internal" || ++misses >= MAX_POLL_MISSES) return { ok: false, message: res.error, kind: res.kind };
      continue;
    }
    misses = 0;
    const view = res.data;
    if (view.state === "running") events.onStage("reading");
    // Results come in index order from `received`; only an unbroken run from there counts as received.
    const fresh = [];
    for (const r of view.results) {
      if (r.index !== received) break;
      fresh.push(r);
      received++;
    }
    if (fresh.length > 0) events.onResults(fresh, view.model);
    events.onProgress(view.done, view.total);
    if ((view.state === "done" || view.state === "failed") && received >= view.done) {
      // Says every result has arrived, so the server deletes the batch now rather than at its 24 h.
      await actions.pollBatch({ batchId, received }).catch(() => undefined);
      return view.state === "done" ? { ok: true } : { ok: false, message: "", kind: "internal" };
    }
  }
}
