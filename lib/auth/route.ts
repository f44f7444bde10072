/**
 * Route-handler guard: `export const GET = withRole(["CLINICIAN"], async (req, user, ctx) => ...)`.
 * Anonymous -> 401, wrong role -> 403, AuthError("not_found") -> 404, all as JSON
 * with kind words; other errors -> 500 with a generic message.
 */
import "server-only";
import { isUserFacingError, toHttpStatus, toUserMessage } from "@/lib/errors";
import { logger } from "@/lib/log";
import { AuthError } from "./errors";
import { requireRole } from "./session";
import type { Role, SessionUser } from "./roles";

const log = logger.child({ module: "route" });

export function authErrorResponse(err: unknown): Response {
  if (err instanceof AuthError) {
    return Response.json({ error: err.message, kind: err.kind }, { status: err.status, headers: noStore });
  }
  if (!isUserFacingError(err)) log.error({ err }, "route handler failed");
  return Response.json({ error: toUserMessage(err) }, { status: toHttpStatus(err), headers: noStore });
}

const noStore = { "Cache-Control": "no-store" };

export function withRole<C>(
  roles: readonly Role[],
  handler: (req: Request, user: SessionUser, ctx: C) => Promise<Response>,
): (req: Request, ctx: C) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const user = await requireRole(...roles);
      return await handler(req, user, ctx);
    } catch (err) {
      return authErrorResponse(err);
    }
  };
}
