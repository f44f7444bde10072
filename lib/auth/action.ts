/**
 * Typed server-action builder, one per role set: binds the session check (fresh
 * from the database), the zod input schema and a name for logs. Auth comes before
 * input parsing so an anonymous caller learns nothing, not even the input shape.
 * Handlers still pass the user to the data layer, which checks the role again.
 */
import "server-only";
import { z } from "zod";
import { isUserFacingError, toUserMessage } from "@/lib/errors";
import { logger } from "@/lib/log";
import { AuthError, type AuthErrorKind } from "./errors";
import { requireRole } from "./session";
import type { Role, SessionUser } from "./roles";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; kind: AuthErrorKind | "invalid" | "user" | "internal"; fields?: Record<string, string[]> };

const log = logger.child({ module: "action" });

export function roleAction<S extends z.ZodType, T>(
  opts: { name: string; roles: readonly Role[]; input: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requireRole(...opts.roles);
      const parsed = opts.input.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          kind: "invalid",
          error: parsed.error.issues[0]?.message ?? "Please check the form and try again.",
          fields: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        };
      }
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (err) {
      return actionError(err, opts.name);
    }
  };
}

export function actionError(err: unknown, name: string): ActionResult<never> {
  if (err instanceof AuthError) return { ok: false, kind: err.kind, error: err.message };
  if (isUserFacingError(err)) return { ok: false, kind: "user", error: err.message };
  // Next's redirect()/notFound() are control flow, not failures.
  if (isNextControlFlow(err)) throw err;
  log.error({ err, action: name }, "server action failed");
  return { ok: false, kind: "internal", error: toUserMessage(err) };
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
