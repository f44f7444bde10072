import { describe, expect, it } from "vitest";
import { afterAnswers, answering } from "./answers-first";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An answer being worked on until `finish` is called (or `fail`). */
function answerInProgress() {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = answering(() => new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject))));
  return { done, finish, fail };
}

describe("answers first: a save waits while answers are being worked on", () => {
  it("goes at once when no answer is being worked on", async () => {
    let went = false;
    void afterAnswers(60_000).then(() => (went = true));
    await pause(0);
    expect(went).toBe(true);
  });

  it("waits until the last answer in progress is done", async () => {
    const first = answerInProgress();
    const second = answerInProgress();
    let went = false;
    const save = afterAnswers(60_000).then(() => (went = true));
    first.finish();
    await first.done;
    await pause(10);
    expect(went).toBe(false);
    second.finish();
    await second.done;
    await save;
    expect(went).toBe(true);
  });

  it("counts an answer that failed as done", async () => {
    const answer = answerInProgress();
    const save = afterAnswers(60_000);
    answer.fail(new Error("model unavailable"));
    await expect(answer.done).rejects.toThrow("model unavailable");
    await expect(save).resolves.toBeUndefined();
  });

  it("never waits longer than its limit", async () => {
    const answer = answerInProgress();
    const started = Date.now();
    await afterAnswers(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    answer.finish();
    await answer.done;
  });
});
