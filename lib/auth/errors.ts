/**
 * AuthError means "you may not do this": pages turn it into a redirect, routes into
 * 401/403/404, actions into a kind message. Words meant for the person otherwise use
 * UserFacingError from @/lib/errors; any other error becomes a generic message.
 */
export type AuthErrorKind = "unauthenticated" | "forbidden" | "not_found";

export class AuthError extends Error {
  override name = "AuthError";
  constructor(
    readonly kind: AuthErrorKind,
    message = AUTH_MESSAGES[kind],
  ) {
    super(message);
  }
  get status(): 401 | 403 | 404 {
    return this.kind === "unauthenticated" ? 401 : this.kind === "forbidden" ? 403 : 404;
  }
}

export const AUTH_MESSAGES: Record<AuthErrorKind, string> = {
  unauthenticated: "Please sign in to continue.",
  forbidden: "Your account does not have access to this.",
  // Same words whether the record never existed or belongs to someone else: no existence oracle.
  not_found: "We could not find that.",
};
