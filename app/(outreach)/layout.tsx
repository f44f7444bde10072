import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** Staff area for outreach workers. Each page and action checks the role itself; this is only the frame. */
export default function OutreachLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="no-print border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
          <Link href="/outreach" className="font-semibold">
            Lantern · Outreach
          </Link>
          <SignOutButton />
        </div>
      </header>
      {children}
    </>
  );
}
