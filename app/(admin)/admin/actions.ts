"use server";
/**
 * User administration. Admins only: checked by roleAction and again in lib/db/users.ts.
 * Generated passwords are returned once to the admin's screen and never stored in clear.
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roleAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db/client";
import { createUser, newUserSchema, resetUserPassword, setUserDisabled } from "@/lib/db/users";

const ADMIN = ["ADMIN"] as const;
const userRef = z.object({ userId: z.string().min(1).max(64) });

export const createUserAction = roleAction({ name: "admin.createUser", roles: ADMIN, input: newUserSchema }, async (input, me) => {
  const { user, generatedPassword } = await createUser(await getDb(), me, input);
  revalidatePath("/admin");
  return { email: user.email, generatedPassword };
});

export const setDisabledAction = roleAction(
  { name: "admin.setDisabled", roles: ADMIN, input: userRef.extend({ disabled: z.boolean() }) },
  async ({ userId, disabled }, me) => {
    await setUserDisabled(await getDb(), me, userId, disabled);
    revalidatePath("/admin");
  },
);

export const resetPasswordAction = roleAction({ name: "admin.resetPassword", roles: ADMIN, input: userRef }, async ({ userId }, me) => {
  const { user, generatedPassword } = await resetUserPassword(await getDb(), me, userId);
  revalidatePath("/admin");
  return { email: user.email, generatedPassword };
});
