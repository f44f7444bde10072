"use client";
import { CrisisCard } from "@/components/crisis/crisis-card";
import { NeedToTalkLink } from "@/components/crisis/need-to-talk-link";
import { crisisLinesFor } from "@/lib/resources/crisis";

/** Fail safe at the page level too: whatever broke, the crisis lines still show (the international directories here, every country's lines one tap away). */
export default function SelfCheckError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6 sm:py-10">
      <CrisisCard lines={crisisLinesFor(undefined)} reason="fallback" />
      <NeedToTalkLink />
      <p className="text-base">Something went wrong on our side. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-[var(--radius)] border border-border bg-card px-4 py-2 text-sm font-medium">
        Try again
      </button>
    </main>
  );
}
