import { findEntities, findEntitiesOffThread, type Span } from "./entities";
import { recognize, toSourceSpans, withTagged, type SourceSpan } from "./find";
import { PLACEHOLDER, type Found, type RedactionKind } from "./kinds";

export { PLACEHOLDER, type RedactionKind } from "./kinds";
export type { SourceSpan } from "./find";

/** The version of the rules, so a text anonymized by older rules can be told apart (2: folding, recognizers, word lists). */
export const ANONYMIZER_VERSION = 2;

export interface Anonymized {
  text: string;
  /** How many identifiers of each kind were replaced (never what they were). */
  counts: Record<RedactionKind, number>;
}

/**
 * Where the identifiers are in a post (spans of its NFC form), found on a folded copy (fold.ts): the recognizers
 * (recognizers/index.ts), then compromise's tagger for names and places the word lists and cues did not catch.
 */
export function findIdentifiers(input: string): { source: string; spans: SourceSpan[] } {
  const source = input.normalize("NFC");
  const r = recognize(source);
  return { source, spans: toSourceSpans(source, withTagged(r.masked, r.found, findEntities(r.masked)), r.toSource) };
}

/**
 * Removes the Safe Harbor identifiers that can appear in a post and puts readable placeholders in their place
 * ("[name]", "[email]"); everything else stays in the person's own words. Runs before anything is stored or sent
 * to a language model. See docs/self-check.md for what is caught and how well.
 */
export function anonymize(input: string): Anonymized {
  const { source, spans } = findIdentifiers(input);
  return redact(source, spans);
}

/** anonymize() with compromise's tagger in a worker thread: the same result, without blocking the server. */
export async function anonymizeAsync(input: string): Promise<Anonymized> {
  const source = input.normalize("NFC");
  const r = recognize(source);
  return redact(source, toSourceSpans(source, withTagged(r.masked, r.found, await findEntitiesOffThread(r.masked)), r.toSource));
}

/**
 * A post and quotes taken from it (the evidence sentences a case keeps), anonymized with one tagging of the post.
 * A quote loses its own identifiers and every name, place and organisation found anywhere in the post, so it never
 * shows what the stored text hides, and the tagger's cost is paid once rather than once per quote. A quote that is
 * not part of the post is anonymized on its own.
 */
export async function anonymizeWithQuotes(input: string, quotes: string[]): Promise<{ text: Anonymized; quotes: string[] }> {
  const source = input.normalize("NFC");
  const r = recognize(source);
  const found = withTagged(r.masked, r.found, await findEntitiesOffThread(r.masked));
  const spans = toSourceSpans(source, found, r.toSource);
  const entities = entityPatterns(spans.filter((s) => ENTITY_KINDS.has(s.kind)).map((s) => ({ kind: s.kind, text: source.slice(s.start, s.end) })));
  const redacted = await Promise.all(
    quotes.map(async (quote) => (source.includes(quote.normalize("NFC")) ? redactQuote(quote.normalize("NFC"), entities) : (await anonymizeAsync(quote)).text)),
  );
  return { text: redact(source, spans), quotes: redacted };
}

const ENTITY_KINDS = new Set<RedactionKind>(["name", "place", "organization"]);

/** One whole-word pattern per distinct name, place or organisation found in the post, built once for all its quotes. */
function entityPatterns(entities: { kind: RedactionKind; text: string }[]): { kind: RedactionKind; pattern: RegExp }[] {
  const distinct = new Map(entities.map((e) => [`${e.kind}\u0000${e.text}`, e]));
  return [...distinct.values()].map(({ kind, text }) => {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return { kind, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "gu") };
  });
}

function redactQuote(quote: string, entities: { kind: RedactionKind; pattern: RegExp }[]): string {
  const r = recognize(quote);
  const fromPost: Span[] = [];
  for (const { kind, pattern } of entities) {
    for (const m of r.masked.matchAll(pattern)) fromPost.push({ start: m.index, end: m.index + m[0].length, kind: kind as Span["kind"] });
  }
  const found: Found[] = withTagged(r.masked, r.found, fromPost);
  return redact(quote, toSourceSpans(quote, found, r.toSource)).text;
}

function redact(source: string, spans: SourceSpan[]): Anonymized {
  const counts = Object.fromEntries(Object.keys(PLACEHOLDER).map((k) => [k, 0])) as Record<RedactionKind, number>;
  let text = "";
  let at = 0;
  for (const span of spans) {
    text += source.slice(at, span.start) + (span.replacement ?? PLACEHOLDER[span.kind]);
    at = span.end;
    counts[span.kind]++;
  }
  return { text: text + source.slice(at), counts };
}

export function redactText(input: string): string {
  return anonymize(input).text;
}
