/**
 * Staff accounts: create, disable, enable, reset, list (admins and operator tools),
 * plus the two reads sign-in needs. Every change is audited and bumps the
 * sessionVersion where it must end existing sessions.
 */
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "./generated/client";
import { Role } from "./generated/enums";
import { type Actor, assertRoleOrSystem, isSystem } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/errors";
import { UserFacingError } from "@/lib/errors";
import { generatePassword, hashPassword, newPasswordSchema } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { recordAudit } from "./audit";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Please enter a valid email address."));

export const newUserSchema = z.object({
  email: emailSchema,
  role: z.enum(Role),
  name: z.string().trim().max(120).optional().transform((v) => v || undefined),
  /** Omit to generate one (shown once to whoever created the account). */
  password: newPasswordSchema.optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

export interface StaffUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  hasPassword: boolean;
}

const staffSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  lastLoginAt: true,
  passwordHash: true,
} as const;

function toStaff(u: { passwordHash: string | null } & Omit<StaffUser, "hasPassword">): StaffUser {
  const { passwordHash, ...rest } = u;
  return { ...rest, hasPassword: passwordHash !== null };
}

const ADMIN_ONLY = [Role.ADMIN] as const;

export async function listUsers(db: PrismaClient, actor: Actor): Promise<StaffUser[]> {
  assertRoleOrSystem(actor, ADMIN_ONLY);
  const users = await db.user.findMany({ select: staffSelect, orderBy: [{ role: "asc" }, { email: "asc" }] });
  return users.map(toStaff);
}

/** Returns the generated password when none was given: show it once, it is not stored. */
export async function createUser(
  db: PrismaClient,
  actor: Actor,
  input: NewUser,
  options: { mustChangePassword?: boolean } = {},
): Promise<{ user: StaffUser; generatedPassword: string | null }> {
  assertRoleOrSystem(actor, ADMIN_ONLY);
  const data = newUserSchema.parse(input);
  const generatedPassword = data.password ? null : generatePassword();
  const passwordHash = await hashPassword(data.password ?? generatedPassword!);
  try {
    const user = await db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: { email: data.email, role: data.role, name: data.name ?? null, passwordHash, mustChangePassword: options.mustChangePassword ?? false },
        select: staffSelect,
      });
      await recordAudit(tx, { actor, action: "user.create", details: { userId: u.id, role: u.role } });
      return u;
    });
    return { user: toStaff(user), generatedPassword };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw new UserFacingError("An account with that email already exists.", { kind: "conflict" });
    }
    throw err;
  }
}

async function findTarget(db: PrismaClient, idOrEmail: string) {
  const byEmail = idOrEmail.includes("@");
  const user = await db.user.findUnique({
    where: byEmail ? { email: idOrEmail.trim().toLowerCase() } : { id: idOrEmail },
    select: { id: true, role: true, disabled: true },
  });
  if (!user) throw new AuthError("not_found", "There is no account with that email.");
  return user;
}

/** An admin must not lock everyone out: the last active admin cannot be disabled. */
async function assertNotLastAdmin(db: PrismaClient, target: { id: string; role: Role }) {
  if (target.role !== Role.ADMIN) return;
  const others = await db.user.count({ where: { role: Role.ADMIN, disabled: false, id: { not: target.id } } });
  if (others === 0) throw new UserFacingError("This is the only active administrator; add another one first.", { kind: "conflict" });
}

/** Disabling ends every session at the person's next request (sessionVersion bump). */
export async function setUserDisabled(
  db: PrismaClient,
  actor: Actor,
  idOrEmail: string,
  disabled: boolean,
): Promise<StaffUser> {
  assertRoleOrSystem(actor, ADMIN_ONLY);
  const target = await findTarget(db, idOrEmail);
  if (disabled) {
    if (!isSystem(actor) && actor.id === target.id) throw new UserFacingError("You cannot disable your own account.", { kind: "forbidden" });
    await assertNotLastAdmin(db, target);
  }
  return db.$transaction(async (tx) => {
    const u = await tx.user.update({
      where: { id: target.id },
      data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
      select: staffSelect,
    });
    await recordAudit(tx, { actor, action: disabled ? "user.disable" : "user.enable", details: { userId: u.id } });
    return toStaff(u);
  });
}

/** Sets a new password (generated unless given) and ends the person's existing sessions. */
export async function resetUserPassword(
  db: PrismaClient,
  actor: Actor,
  idOrEmail: string,
  password?: string,
): Promise<{ user: StaffUser; generatedPassword: string | null }> {
  assertRoleOrSystem(actor, ADMIN_ONLY);
  const chosen = password === undefined ? undefined : newPasswordSchema.parse(password);
  const target = await findTarget(db, idOrEmail);
  const generatedPassword = chosen ? null : generatePassword();
  const passwordHash = await hashPassword(chosen ?? generatedPassword!);
  const user = await db.$transaction(async (tx) => {
    const u = await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: staffSelect,
    });
    await recordAudit(tx, { actor, action: "user.reset", details: { userId: u.id } });
    return u;
  });
  return { user: toStaff(user), generatedPassword };
}

/** For sign-in only: the account behind an email, with its hash. */
export async function findUserForSignIn(db: PrismaClient, email: string) {
  return db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabled: true, sessionVersion: true, mustChangePassword: true },
  });
}

export async function markSignedIn(db: PrismaClient, user: SessionUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actor: user, action: "auth.signin" });
  });
}

/**
 * The per-request session check: the account still exists, is enabled, and the
 * session was issued for its current sessionVersion. The role comes from the
 * database, so a role change applies at the next request too.
 */
export async function findActiveSessionUser(
  db: PrismaClient,
  id: string,
  sessionVersion: number,
): Promise<SessionUser | null> {
  const u = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, mustChangePassword: true },
  });
  if (!u || u.disabled || u.sessionVersion !== sessionVersion) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, ...(u.mustChangePassword ? { mustChangePassword: true } : {}) };
}

/**
 * Ends every session of this user (sign-out): the token's sessionVersion no longer matches. Only when the token was
 * still current, so signing out with an old token changes nothing. Returns whether a session was ended.
 */
export async function endSessions(db: PrismaClient, userId: string, sessionVersion: number): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
  return count === 1;
}

/**
 * The person's own new password (the first administrator's generated one must be replaced this way). The current
 * password is checked by the caller; this ends every session, so the person signs in again with the new one.
 */
export async function changeOwnPassword(db: PrismaClient, user: SessionUser, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPasswordSchema.parse(newPassword));
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor: user, action: "auth.password.change" });
  });
}

export async function countActiveAdmins(db: PrismaClient): Promise<number> {
  return db.user.count({ where: { role: Role.ADMIN, disabled: false } });
}
