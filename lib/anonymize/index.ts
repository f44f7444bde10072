import { findEntitiesOffThread, redactEntities } from "./entities";
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
