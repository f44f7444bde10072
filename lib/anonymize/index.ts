import { findEntitiesOffThread, redactEntities, type Span } from "./entities";
import { PATTERN_RULES, PLACEHOLDER, type RedactionKind } from "./patterns";

export { PLACEHOLDER, type RedactionKind } from "./patterns";

export interface Anonymized {
  text: string;
  /** How many identifiers of each kind were replaced (never what they were). */
  counts: Record<RedactionKind, number>;
}

function emptyCounts(): Record<RedactionKind, number> {
  return Object.fromEntries(Object.keys(PLACEHOLDER).map((k) => [k, 0])) as Record<RedactionKind, number>;
}

/**
 * Removes the Safe Harbor identifiers that can appear in a post and puts readable placeholders in their place
 * ("[name]", "[email]"). Runs before anything is stored or sent to a language model. Pattern rules go first
 * (they are exact), then the name and place tagger on what is left. See docs/self-check.md for what is caught.
 */
export function anonymize(input: string): Anonymized {
  const { text, counts } = redactPatterns(input);
  return { text: redactEntities(text, counts), counts };
}

/** anonymize() with the name and place tagger in a worker thread: the same result, without blocking the server. */
export async function anonymizeAsync(input: string): Promise<Anonymized> {
  const { text, counts } = redactPatterns(input);
  return { text: redactEntities(text, counts, await findEntitiesOffThread(text)), counts };
}

/**
 * A post and quotes taken from it (the evidence sentences a case keeps), anonymized with one tagging of the post.
 * A quote loses the pattern identifiers in it and every name and place found anywhere in the post, so it never shows
 * what the stored text hides, and the tagger's cost is paid once rather than once per quote (it was a fifth of
 * the tagging on a consented self-check). A quote that is not part of the post is tagged on its own.
 */
export async function anonymizeWithQuotes(input: string, quotes: string[]): Promise<{ text: Anonymized; quotes: string[] }> {
  const patterned = redactPatterns(input);
  const spans = await findEntitiesOffThread(patterned.text);
  const text = { text: redactEntities(patterned.text, patterned.counts, spans), counts: patterned.counts };
  const found = entityPatterns(spans.map((s) => ({ kind: s.kind, text: patterned.text.slice(s.start, s.end) })));
  const redacted = await Promise.all(
    quotes.map(async (quote) => (input.includes(quote) ? redactQuote(quote, found) : (await anonymizeAsync(quote)).text)),
  );
  return { text, quotes: redacted };
}

/** One whole-word pattern per distinct name or place found in the post, built once for all its quotes. */
function entityPatterns(entities: { kind: Span["kind"]; text: string }[]): { kind: Span["kind"]; pattern: RegExp }[] {
  const distinct = new Map(entities.map((e) => [`${e.kind}\u0000${e.text}`, e]));
  return [...distinct.values()].map(({ kind, text }) => {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return { kind, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "gu") };
  });
}

function redactQuote(quote: string, found: { kind: Span["kind"]; pattern: RegExp }[]): string {
  const { text, counts } = redactPatterns(quote);
  const spans: Span[] = [];
  for (const { kind, pattern } of found) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return redactEntities(text, counts, spans);
}

function redactPatterns(input: string): Anonymized {
  const counts = emptyCounts();
  let text = input.normalize("NFC");
  for (const rule of PATTERN_RULES) {
    text = text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.filter((g): g is string => typeof g === "string" || g === undefined) as string[];
      // String.replace passes (match, ...groups, offset, whole): keep only the capture groups.
      const captures = groups.slice(0, countGroups(rule.pattern));
      const replacement = rule.replace ? rule.replace(match, captures) : PLACEHOLDER[rule.kind];
      if (replacement === null) return match;
      counts[rule.kind]++;
      return replacement;
    });
  }
  return { text, counts };
}

export function redactText(input: string): string {
  return anonymize(input).text;
}

const groupCounts = new WeakMap<RegExp, number>();
function countGroups(re: RegExp): number {
  let n = groupCounts.get(re);
  if (n === undefined) {
    n = (new RegExp(`${re.source}|`).exec("")?.length ?? 1) - 1;
    groupCounts.set(re, n);
  }
  return n;
}
