import { TriangleAlert } from "lucide-react";
import type { Leftovers } from "@/lib/anonymize/leftovers";
import { hasLeftovers } from "@/lib/anonymize/leftovers";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Shown above the stored text when it may still identify someone (lib/anonymize/leftovers.ts). It says what kind of
 * thing to look for and how many, never the words themselves (they are in the text below); platform names are
 * listed, as they identify nobody alone. A heading and a list, not colour alone, carry the message.
 */
export function LeftoversNotice({ found }: { found: Leftovers }) {
  if (!hasLeftovers(found)) return null;
  const items: string[] = [];
  if (found.capitalised) {
    items.push(
      `${found.capitalised} ${plural(found.capitalised, "capitalised word or run of words", "capitalised words or runs of words")} not known as ordinary English: possibly a name, place or organisation`,
    );
  }
  if (found.number) items.push(`${found.number} long ${plural(found.number, "number", "numbers")}: possibly a phone, record or account number`);
  if (found.platforms.length) {
    items.push(`${plural(found.platforms.length, "a platform name", "platform names")} (${found.platforms.join(", ")}): a username may be nearby`);
  }
  return (
    <section aria-labelledby="leftovers-h" data-testid="leftovers-notice" className="rounded-[var(--radius)] border-2 border-crisis-border bg-crisis-surface p-4 text-sm">
      <h2 id="leftovers-h" className="mb-1 flex items-center gap-2 text-base font-semibold">
        <TriangleAlert aria-hidden="true" className="size-4 shrink-0" />
        This text may still identify someone
      </h2>
      <p>The anonymizer replaced what it recognised. Please check the text below for:</p>
      <ul className="mt-1 list-disc pl-5">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="mt-2">Do not copy identifying details into notes or messages.</p>
    </section>
  );
}
