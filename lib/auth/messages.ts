/** Sign-in limits and the words shown for each sign-in outcome. Client-safe. */

/** Longest password accepted anywhere (characters). Passphrases fit; megabytes do not. */
export const MAX_PASSWORD_LENGTH = 256;
/** Shortest password for new or reset accounts. */
export const MIN_PASSWORD_LENGTH = 12;

export const PASSWORD_TOO_LONG_MESSAGE = `That password is longer than ${MAX_PASSWORD_LENGTH} characters, so we did not check it. Please check what you pasted and try again.`;

const MESSAGES: Record<string, string> = {
  invalid: "That email and password do not match an active account. Please check them and try again.",
  too_long: PASSWORD_TOO_LONG_MESSAGE,
  rate_limited:
    "Too many sign-in attempts. For your account's safety, please wait a few minutes and try again, or ask your administrator to reset your password.",
  AccessDenied: "Your organisation account is not set up for Lantern yet. Please ask your administrator to add you.",
  expired: "Your session ended. Please sign in again.",
  password_changed: "Your password was changed. Please sign in with the new one.",
};

export const GENERIC_SIGNIN_MESSAGE = "We could not sign you in just now. Please try again in a moment.";

/** `code` from a refusal (credentials) or `error` from Auth.js's redirect (SSO). */
export function signInMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? GENERIC_SIGNIN_MESSAGE;
}
