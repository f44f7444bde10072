/**
 * The builder for server actions anyone may call, beside roleAction (action.ts), and the one place an action's
 * failure becomes the error envelope. Kept apart from action.ts so it does not load the session (and next-auth).
 */
import "server-only";
import type { z } from "zod";
import { invalidInput, toErrorEnvelope, type ActionResult } from "@/lib/errors/envelope";
import { logger } from "@/lib/log";

const log = logger.child({ module: "action" });

/**
 * A public action: no sign-in by design, so the handler is the whole check (rate limits, signed receipts); the zod
 * schema still parses the input first and failures answer with the same envelope as roleAction's.
 */
export function publicAction<S extends z.ZodType, T>(
  opts: { name: string; input: S },
  handler: (input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const parsed = opts.input.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      return { ok: true, data: await handler(parsed.data) };
    } catch (err) {
      return actionError(err, opts.name);
    }
  };
}

export function actionError(err: unknown, name: string): ActionResult<never> {
  // Next's redirect()/notFound() are control flow, not failures.
  if (isNextControlFlow(err)) throw err;
  const { envelope } = toErrorEnvelope(err);
  if (envelope.kind === "internal") log.error({ err, action: name }, "server action failed");
  return envelope;
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
