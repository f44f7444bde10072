import { Button } from "@/components/ui/button";

/**
 * A plain form, so signing out works even before the page's script has loaded. The page passes the sign-out server
 * action (app/(auth)/actions.ts): components never import from app/.
 */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <Button type="submit" variant="outline" size="sm">
        Sign out
      </Button>
    </form>
  );
}
