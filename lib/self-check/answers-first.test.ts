import { describe, expect, it } from "vitest";
import { afterAnswers, answering, asSave } from "./answers-first";

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

describe("answers first: saves take turns", () => {
  /** A save that runs until `finish` is called. */
  function saveInProgress(order: number[], n: number, slots: number) {
    let finish!: () => void;
    let fail!: (err: Error) => void;
    const done = asSave(
      () =>
        new Promise<void>((resolve, reject) => {
          order.push(n);
          finish = resolve;
          fail = reject;
        }),
      { slots },
    );
    return { done, finish: () => finish(), fail: (err: Error) => fail(err) };
  }

  it("runs at most `slots` saves at once, the others in the order they came as slots free", async () => {
    const started: number[] = [];
    const saves = [1, 2, 3, 4, 5].map((n) => saveInProgress(started, n, 2));
    await pause(10);
    expect(started).toEqual([1, 2]);
    saves[1]!.finish();
    await saves[1]!.done;
    await pause(0);
    expect(started).toEqual([1, 2, 3]);
    // A newcomer does not slip past the saves already waiting.
    const late = saveInProgress(started, 6, 2);
    saves[0]!.finish();
    await saves[0]!.done;
    await pause(0);
    expect(started).toEqual([1, 2, 3, 4]);
    for (const s of [saves[2]!, saves[3]!]) {
      s.finish();
      await s.done;
      await pause(0);
    }
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    saves[4]!.finish();
    late.finish();
    await Promise.all([saves[4]!.done, late.done]);
  });

  it("frees the slot of a save that failed", async () => {
    const started: number[] = [];
    const first = saveInProgress(started, 1, 1);
    const second = saveInProgress(started, 2, 1);
    await pause(10);
    expect(started).toEqual([1]);
    first.fail(new Error("database down"));
    await expect(first.done).rejects.toThrow("database down");
    await pause(0);
    expect(started).toEqual([1, 2]);
    second.finish();
    await second.done;
  });

  it("still waits for the answers being worked on first", async () => {
    const answer = answerInProgress();
    const started: number[] = [];
    const save = saveInProgress(started, 1, 6);
    await pause(10);
    expect(started).toEqual([]);
    answer.finish();
    await answer.done;
    await pause(0);
    expect(started).toEqual([1]);
    save.finish();
    await save.done;
  });
});
