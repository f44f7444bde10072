import type { Metadata } from "next";
import Link from "next/link";
import { CrisisLineList } from "@/components/crisis/crisis-card";
import { COUNTRY_OPTIONS } from "@/lib/country";
import { crisisLinesFor } from "@/lib/resources/crisis";

export const metadata: Metadata = { title: "Need to talk now?" };

/** Every crisis line we list, by country: plain directory data, reachable from every result. */
export default function CrisisLinesPage() {
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6 sm:py-10">
      <Link href="/" className="text-sm font-medium text-primary underline underline-offset-4">
        Back to Lantern
      </Link>
      <h1 className="text-2xl font-semibold">Need to talk now?</h1>
      <p className="text-base">
        These lines are free and confidential. You can call or message them about anything that feels too heavy, for yourself or for someone else. If
        you are in immediate danger, call your local emergency number.
      </p>
      {COUNTRY_OPTIONS.map(({ code, name }) => (
        <section key={code} aria-labelledby={`lines-${code}`} className="space-y-3 rounded-[var(--radius)] border border-crisis-border bg-crisis-surface p-5">
          <h2 id={`lines-${code}`} className="text-lg font-semibold text-crisis">
            {name}
          </h2>
          <CrisisLineList lines={crisisLinesFor(code)} />
        </section>
      ))}
    </main>
  );
}
