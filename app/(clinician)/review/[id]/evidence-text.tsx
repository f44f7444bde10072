import { evidenceParts, type EvidenceQuote } from "@/lib/review/evidence-marks";

/**
 * The redacted post with the sentences the model relied on marked, always as whole words (lib/review/evidence-marks.ts).
 */
export function EvidenceText({ text, evidence }: { text: string; evidence: EvidenceQuote[] }) {
  return (
    <p className="whitespace-pre-wrap leading-relaxed" data-testid="case-text">
      {evidenceParts(text, evidence).map((p, i) =>
        p.marked ? (
          <mark key={i} className="rounded bg-accent px-0.5 text-accent-foreground" data-testid="evidence">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
