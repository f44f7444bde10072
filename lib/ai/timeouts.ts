export type FallbackReason = "error" | "first_token_timeout" | "idle_timeout" | "incomplete" | "empty";

export class Timeout extends Error {
  constructor(readonly reason: FallbackReason) {
    super(reason);
  }
}

/** Rejects with a Timeout after `ms`; the promise itself is left to settle (its stream is aborted by the caller). */
export function withTimeout<T>(promise: PromiseLike<T>, ms: number, reason: FallbackReason): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(reason)), Math.max(0, ms));
    }),
  ]);
}
