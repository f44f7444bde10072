import Link from "next/link";
import { LifeBuoy } from "lucide-react";
import { cn } from "@/lib/utils";

/** The small, always-present way to the crisis lines: on every page of the self-check and every result. */
export function NeedToTalkLink({ className }: { className?: string }) {
  return (
    <Link
      href="/crisis-lines"
      data-testid="need-to-talk"
      className={cn("inline-flex items-center gap-1.5 text-sm font-medium text-primary underline underline-offset-4", className)}
    >
      <LifeBuoy className="size-4" aria-hidden />
      Need to talk now?
    </Link>
  );
}
