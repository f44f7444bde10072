/**
 * The one error envelope of the app's own doors: server actions answer `{ ok: false, error, kind }` in their result,
 * route handlers send the same object as the JSON body with its HTTP status. `error` is always words meant for the
 * person (an AuthError's, a UserFacingError's, or the generic message); nothing internal leaves the server.
 * Client-safe: the browser reads ActionResult from here.
 */
import { z } from "zod";
import { AuthError, type AuthErrorKind } from "@/lib/auth/errors";
import { isUserFacingError, toHttpStatus, toUserMessage } from "./index";

export type ErrorKind = AuthErrorKind | "invalid" | "user" | "internal";

export interface ErrorEnvelope {
  ok: false;
  error: string;
  kind: ErrorKind;
  /** With kind "invalid": the messages per input field. */
  fields?: Record<string, string[]>;
}

export type ActionResult<T> = { ok: true; data: T } | ErrorEnvelope;

/** Bad input: the first problem in plain words, and every field's problems for the form. */
export function invalidInput(error: z.ZodError, fallback = "Please check the form and try again."): ErrorEnvelope {
  return {
    ok: false,
    kind: "invalid",
    error: error.issues[0]?.message ?? fallback,
    fields: z.flattenError(error).fieldErrors as Record<string, string[]>,
  };
}

/** Any thrown error as the envelope and the HTTP status a route handler answers it with. */
export function toErrorEnvelope(err: unknown): { envelope: ErrorEnvelope; status: number } {
  if (err instanceof AuthError)
    return { envelope: { ok: false, kind: err.kind, error: err.message }, status: err.status };
  if (isUserFacingError(err))
    return { envelope: { ok: false, kind: "user", error: err.message }, status: toHttpStatus(err) };
  return { envelope: { ok: false, kind: "internal", error: toUserMessage(err) }, status: 500 };
}
