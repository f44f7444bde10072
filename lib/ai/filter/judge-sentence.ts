import { contactViolation, type ContactViolation } from "./contact-rules";
import { SENTENCE_RULES, type HarmKind } from "./harm-rules";

export type RemovalKind = ContactViolation | HarmKind | "overlong" | "unknown_pick";
export type RemovalCounts = Partial<Record<RemovalKind, number>>;

export type Verdict = { keep: true } | { keep: false; kind: RemovalKind; replacement: string | null };

/** Longer than any sentence a support message needs; past it the sentence is dropped rather than judged in pieces. */
export const MAX_SENTENCE_CHARS = 500;

/**
 * One folded sentence's fate. Contact rules come first and drop the sentence; harm rules replace it with a
 * safe sentence that points back to the crisis lines.
 */
export function judgeSentence(sentence: string, knownNames: string): Verdict {
  if (sentence.length > MAX_SENTENCE_CHARS) return { keep: false, kind: "overlong", replacement: null };
  const contact = contactViolation(sentence, knownNames);
  if (contact) return { keep: false, kind: contact, replacement: null };
  for (const rule of SENTENCE_RULES) {
    if (rule.trigger.test(sentence) && rule.violates(sentence)) return { keep: false, kind: rule.kind, replacement: rule.replacement };
  }
  return { keep: true };
}
