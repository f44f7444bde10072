import { ContactWays } from "@/components/resources/contact-ways";
import type { Resource } from "@/lib/resources/schema";
import { cn } from "@/lib/utils";

export interface CrisisCardProps {
  /** Crisis lines for the person's country, from lib/resources/crisis.ts only (never generated text). */
  lines: readonly Resource[];
  /** Why the card is showing: the wording changes, the lines don't. */
  reason?: "risk" | "fallback";
  className?: string;
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/**
 * Crisis help first: plain data and plain markup, no model, no network, no client script needed.
 * It renders the same whether the classifier said "crisis" or anything at all went wrong.
 */
export function CrisisCard({ lines, reason = "risk", className, headingRef }: CrisisCardProps) {
  return (
    <section
      aria-labelledby="crisis-card-heading"
      data-testid="crisis-card"
      className={cn("rounded-[var(--radius)] border-2 border-crisis-border bg-crisis-surface p-5 text-foreground", className)}
    >
      <h2 id="crisis-card-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-crisis outline-none">
        {reason === "risk" ? "You don't have to go through this alone" : "If you need to talk to someone now"}
      </h2>
      <p className="mt-2 text-base">
        {reason === "risk"
          ? "What you wrote sounds really painful. Trained people are ready to listen right now, for free and in confidence."
          : "We couldn't finish reading this, but help doesn't depend on it. These lines are free and confidential."}
      </p>
      <CrisisLineList lines={lines} className="mt-4" />
      <p className="mt-4 text-sm">If you are in immediate danger, call your local emergency number.</p>
    </section>
  );
}

/** The lines themselves, with tappable call, text and chat links built from the directory's dial values. */
export function CrisisLineList({ lines, className }: { lines: readonly Resource[]; className?: string }) {
  return (
    <ul className={cn("space-y-4", className)}>
      {lines.map((line) => (
        <li key={line.id} data-line-id={line.id}>
          <p className="font-medium">
            {line.name}
            {line.hours ? <span className="font-normal text-muted-foreground"> · {line.hours}</span> : null}
          </p>
          <ContactWays resource={line} variant="buttons" className="mt-2" />
        </li>
      ))}
    </ul>
  );
}
