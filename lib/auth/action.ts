/**
 * Typed server-action builder, one per role set: binds the session check (fresh
 * from the database), the zod input schema and a name for logs. Auth comes before
 * input parsing so an anonymous caller learns nothing, not even the input shape.
 * Handlers still pass the user to the data layer, which checks the role again.
 */
import "server-only";
import type { z } from "zod";
import { invalidInput, type ActionResult } from "@/lib/errors/envelope";
import { actionError } from "./public-action";
import { requireRole } from "./session";
import type { Role, SessionUser } from "./roles";

export type { ActionResult };
export { actionError, publicAction } from "./public-action";

export function roleAction<S extends z.ZodType, T>(
  opts: { name: string; roles: readonly Role[]; input: S },
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requireRole(...opts.roles);
      const parsed = opts.input.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (err) {
      return actionError(err, opts.name);
    }
  };
}
