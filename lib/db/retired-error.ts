/**
 * Thrown by saveCase for a submission key whose case was deleted: a replayed receipt must not bring it back.
 * Recognised by name, since the outbox that calls saveCase may live in another server chunk. No server imports, so
 * the outbox (tested outside Next) can use it.
 */
export class SubmissionRetiredError extends Error {
  override name = "SubmissionRetiredError";
  constructor() {
    super("this submission was deleted and cannot be saved again");
  }
}

export function isSubmissionRetired(err: unknown): boolean {
  return (err as { name?: unknown } | null)?.name === "SubmissionRetiredError";
}
