import "server-only";

/**
 * Answers before saves. A consented self-check is two requests: the answer (classification and crisis help), then
 * the save, which the page sends while the person is already reading their answer. When the machine is busy, a save
 * waits until no answer is being worked on (at most MAX_WAIT_MS), then for one of SAVE_SLOTS, so the cores go to
 * people still waiting for theirs. An answer counts from its words (pasted, or fetched from a link) to its result: a
 * slow link fetch does not hold saves back. The anonymizer's thread runs at nice 19 for the same reason
 * (lib/anonymize/tagger-worker.ts).
 *
 * Why it is needed: on 2 cores at 50 users, the save's share of the work decides how long answers queue. The cheaper
 * a save, the sooner people come back with their next post. With the wait alone the answer's p95 was 351-534 ms; with
 * the save slots too, 94-138 ms, at the same rate within the runs' noise (`npm run bench:load`, docs/performance.md).
 */
export const MAX_WAIT_MS = 2_000;
/**
 * Saves written at once, at most; the others wait their turn. A save spends most of its time waiting on the database
 * and on the anonymizer's low-priority thread, so a few in flight keep up with the answers, while letting every
 * waiting save go at once when the last answer ended made the answers that came next queue behind all of them.
 */
export const SAVE_SLOTS = 6;

interface State {
  answering: number;
  waiting: Set<() => void>;
  saving: number;
  slotQueue: (() => void)[];
}
// On globalThis: Next bundles the page's server action and the API routes apart, and each copy would count alone.
const g = globalThis as { __lanternAnswersFirst?: State };
const state = (g.__lanternAnswersFirst ??= { answering: 0, waiting: new Set(), saving: 0, slotQueue: [] });

/** Runs an answer's own work (checking the words, classifying, ranking, signing), counted so that saves wait for it. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  state.answering++;
  try {
    return await work();
  } finally {
    state.answering--;
    if (state.answering === 0) for (const go of [...state.waiting]) go();
  }
}

/** Resolves when no answer is being worked on, or after `maxWaitMs`: a save never waits longer than that. */
export function afterAnswers(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (state.answering === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      clearTimeout(timer);
      state.waiting.delete(go);
      resolve();
    };
    const timer = setTimeout(go, maxWaitMs);
    state.waiting.add(go);
  });
}

/**
 * Runs a save's work after the answers being worked on (afterAnswers) and once one of `slots` is free, in the order
 * saves came. A freed slot goes straight to the next save waiting, so no newcomer slips past the queue.
 */
export async function asSave<T>(
  work: () => Promise<T>,
  { maxWaitMs = MAX_WAIT_MS, slots = SAVE_SLOTS } = {},
): Promise<T> {
  await afterAnswers(maxWaitMs);
  if (state.saving < slots) state.saving++;
  else await new Promise<void>((resolve) => state.slotQueue.push(resolve));
  try {
    return await work();
  } finally {
    const next = state.slotQueue.shift();
    if (next) next();
    else state.saving--;
  }
}
