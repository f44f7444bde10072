/** Server-side access API. Client components import from "@/lib/auth/roles" instead. */
import "server-only";
export { getCurrentUser, requireUser, requireRole, requirePageRole, safeCallbackPath } from "./session";
export { roleAction, publicAction, actionError, type ActionResult } from "./action";
export { withRole, authErrorResponse } from "./route";
export { AuthError, type AuthErrorKind } from "./errors";
export { type Actor, type SystemActor, systemActor, assertRole, assertRoleOrSystem } from "./actor";
export { Role, ROLE_HOME, ROLE_LABEL, hasRole, type SessionUser } from "./roles";
