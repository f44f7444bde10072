/**
 * Route-handler guard: `export const GET = withRole(["CLINICIAN"], async (req, user, ctx) => ...)`.
 * Anonymous -> 401, wrong role -> 403, AuthError("not_found") -> 404, all as JSON
 * with kind words; other errors -> 500 with a generic message.
 */
import "server-only";
import { toErrorEnvelope } from "@/lib/errors/envelope";
import { logger } from "@/lib/log";
import { requireRole } from "./session";
import type { Role, SessionUser } from "./roles";

const log = logger.child({ module: "route" });

/** The same envelope a server action answers, as JSON with its status (401/403/404, a UserFacingError's, or 500). */
export function authErrorResponse(err: unknown): Response {
  const { envelope, status } = toErrorEnvelope(err);
  if (envelope.kind === "internal") log.error({ err }, "route handler failed");
  return Response.json(envelope, { status, headers: noStore });
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
