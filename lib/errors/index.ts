// Errors meant for the person in front of the screen are a distinct class with kind, plain words;
// anything else (a driver error, a bug, a timeout) becomes one generic message, so nothing internal
// (SQL, file paths, stack traces, model names) ever reaches a user. No "server-only": client code
// may check `instanceof`/`kind` on a serialized error's shape too.

export type UserFacingErrorKind =
  "rate_limited" | "invalid_input" | "not_found" | "forbidden" | "unavailable" | "conflict";

// Next bundles this module into several server chunks, and process-wide objects (the rate limiters on globalThis)
// throw the class of whichever chunk built them; a plain instanceof in another chunk would miss it and turn a kind
// 429 into an empty 500. So the class is recognised by a registered symbol instead of by identity.
const BRAND = Symbol.for("lantern.UserFacingError");

export class UserFacingError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
  readonly [BRAND] = true;
  readonly kind: UserFacingErrorKind;
  /** Seconds after which trying again should work (rate limits), for a Retry-After header. */
  readonly retryAfterSeconds?: number;

  constructor(message: string, options: { kind: UserFacingErrorKind; retryAfterSeconds?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "UserFacingError";
    this.kind = options.kind;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const GENERIC_ERROR_MESSAGE =
  "Something went wrong on our side. Please try again in a moment. If you need help right now, the crisis lines on this page are always available.";

export function isUserFacingError(err: unknown): err is UserFacingError {
  return err instanceof UserFacingError;
}

export function toUserMessage(err: unknown): string {
  return isUserFacingError(err) ? err.message : GENERIC_ERROR_MESSAGE;
}

/** HTTP status for a route handler's error response. */
export function toHttpStatus(err: unknown): number {
  if (!isUserFacingError(err)) return 500;
  switch (err.kind) {
    case "rate_limited":
      return 429;
    case "invalid_input":
      return 400;
    case "not_found":
      return 404;
    case "forbidden":
      return 403;
    case "conflict":
      return 409;
    case "unavailable":
      return 503;
  }
}
