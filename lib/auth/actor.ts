/**
 * Who is acting on the data. Every query in the data access layer takes an Actor and
 * checks the role (and ownership) itself, so a page or action that forgets a check
 * still cannot read or change what the role may not.
 */
import type { Role } from "@/lib/db/generated/enums";
import { AuthError } from "./errors";
import type { SessionUser } from "./roles";

/** Operator tools running with direct database access (CLI, scheduler, first start). */
export interface SystemActor {
  kind: "system";
  name: "cli" | "scheduler" | "bootstrap" | "startup";
}

export type Actor = SessionUser | SystemActor;

export const systemActor = (name: SystemActor["name"]): SystemActor => ({ kind: "system", name });

export function isSystem(actor: Actor): actor is SystemActor {
  return "kind" in actor && actor.kind === "system";
}

/** Throws AuthError("forbidden") unless the actor is a person with one of the roles. */
export function assertRole(actor: Actor | null | undefined, roles: readonly Role[]): SessionUser {
  if (!actor) throw new AuthError("unauthenticated");
  if (isSystem(actor) || !roles.includes(actor.role)) throw new AuthError("forbidden");
  return actor;
}

/** Like assertRole, but operator tools are also allowed. */
export function assertRoleOrSystem(actor: Actor | null | undefined, roles: readonly Role[]): Actor {
  if (!actor) throw new AuthError("unauthenticated");
  if (isSystem(actor)) return actor;
  return assertRole(actor, roles);
}
