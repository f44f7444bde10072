import "server-only";

/**
 * Answers before saves. A consented self-check is two requests: the answer (classification and crisis help), then
 * the save, which the page sends while the person is already reading their answer. When the machine is busy, a save
 * waits until no answer is being classified (at most MAX_WAIT_MS), so the cores go to people still waiting for
 * theirs. The anonymizer's thread runs at nice 19 for the same reason (lib/anonymize/tagger-worker.mjs).
 *
 * Why it is needed: on 2 cores at 50 users, the save's share of the work decides how long answers queue. When the
 * anonymizer got cheaper (session 8), saves finished sooner, people came back sooner with their next post, and the
 * answer's p95 rose from 228-308 ms to 361-471 ms at the same rate (`npm run bench:load`, side by side).
 */
export const MAX_WAIT_MS = 2_000;

interface State {
  classifying: number;
  waiting: Set<() => void>;
}
// On globalThis: Next bundles the page's server action and the API routes apart, and each copy would count alone.
const g = globalThis as { __lanternAnswersFirst?: State };
const state = (g.__lanternAnswersFirst ??= { classifying: 0, waiting: new Set() });

/** Runs an answer's classification, counted so that saves wait for it. */
export async function asAnswer<T>(classify: () => Promise<T>): Promise<T> {
  state.classifying++;
  try {
    return await classify();
  } finally {
    state.classifying--;
    if (state.classifying === 0) for (const go of [...state.waiting]) go();
  }
}

/** Resolves when no answer is being classified, or after `maxWaitMs`: a save never waits longer than that. */
export function afterAnswers(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (state.classifying === 0) return Promise.resolve();
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
