import "server-only";

/**
 * Answers before saves. A consented self-check is two requests: the answer (classification and crisis help), then
 * the save, which the page sends while the person is already reading their answer. When the machine is busy, a save
 * waits until no answer is being worked on (at most MAX_WAIT_MS), so the cores go to people still waiting for
 * theirs. An answer counts from its words (pasted, or fetched from a link) to its result: a slow link fetch does not
 * hold saves back. The anonymizer's thread runs at nice 19 for the same reason (lib/anonymize/tagger-worker.ts).
 *
 * Why it is needed: on 2 cores at 50 users, the save's share of the work decides how long answers queue. The cheaper
 * a save, the sooner people come back with their next post: without this wait the answer's p95 is 361-471 ms, with
 * it 228-308 ms, at the same rate (`npm run bench:load`, side by side).
 */
export const MAX_WAIT_MS = 2_000;

interface State {
  answering: number;
  waiting: Set<() => void>;
}
// On globalThis: Next bundles the page's server action and the API routes apart, and each copy would count alone.
const g = globalThis as { __lanternAnswersFirst?: State };
const state = (g.__lanternAnswersFirst ??= { answering: 0, waiting: new Set() });

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
