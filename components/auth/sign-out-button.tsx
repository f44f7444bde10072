import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";

/** A plain form, so signing out works even before the page's script has loaded. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="outline" size="sm">
        Sign out
      </Button>
    </form>
  );
}
