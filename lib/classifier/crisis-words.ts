/**
 * Crisis help must never depend on the model: explicit words of suicidal intent, and the plain phrases of passive
 * ideation ("nobody would notice if I was gone"), show the crisis card whatever the classifier says (or if it says
 * nothing). Deliberately plain and broad: a false alarm here costs a kind card with phone numbers; a miss costs
 * much more. It is the served tier's floor (servedTier, which also says why) and feeds nothing else.
 */
import type { ModelBasis, TierReason } from "@/lib/assessment/tier-reason";
import type { Tier } from "./types";

const EXPLICIT_RISK: RegExp[] = [
  /\b(?:kill|killing|hang|hanging|shoot|shooting|hurt|hurting|cut|cutting)\s+my\s*self\b/i,
  /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/i,
  /\bend(?:ing)?\s+it\s+all\b/i,
  /\bsuicid(?:e|al)\b/i,
  /\b(?:want|wanted|wanting|going|ready)\s+to\s+die\b/i,
  /\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up|exist)\b/i,
  /\b(?:goodbye|suicide)\s+(?:note|letter)s?\b/i,
  /\bbetter\s+off\s+(?:dead|without\s+me)\b/i,
  /\boverdos(?:e|ing)\b/i,
  /\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on|keep\s+(?:going|living))\b/i,
];

// Passive ideation: wishing not to be, or that one's absence would go unnoticed. Said without a method or a plan,
// so a model trained on posts that mostly name both can miss it.
const PASSIVE_IDEATION: RegExp[] = [
  /\b(?:no\s*one|nobody|no-one)\s+would\s+(?:even\s+|really\s+|ever\s+)?(?:notice|care|miss\s+me)\b[^.!?\n]{0,20}\b(?:if|when)\s+i\s+(?:was|were|am|'m|died|disappeared|left|stopped)\b/i,
  /\b(?:wish|hope)\s+(?:that\s+)?i\s+(?:was|were)\s+(?:dead|never\s+born)\b/i,
  /\b(?:wish|hope)\s+(?:that\s+)?i\s+(?:could\s+)?(?:just\s+)?(?:not|never|wouldn'?t|won'?t|don'?t)\s+wake\s+up\b/i,
  /\b(?:wish|want)\s+(?:that\s+)?i\s+could\s+(?:just\s+)?(?:disappear|vanish|stop\s+existing|cease\s+to\s+exist|fall\s+asleep\s+forever)\b/i,
  /\b(?:tired|sick)\s+of\s+(?:being\s+alive|living|existing)\b/i,
  /\bcan'?t\s+go\s+on\s+(?:anymore|any\s+more|living|like\s+this)\b/i,
  /\b(?:the\s+world|everyone|everybody|my\s+family)\s+would\s+be\s+better\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:was|were)\s+(?:gone|dead))\b/i,
  /\bdon'?t\s+want\s+to\s+be\s+alive\s+anymore\b/i,
];

const ALL = [...EXPLICIT_RISK, ...PASSIVE_IDEATION];

// Patterns whose match can hold words of the post's own beyond the pattern's (a free gap): the reason names them
// by this phrase instead of quoting the match, so a stored reason never carries a name or a place from the post.
const NAMED: ReadonlyMap<RegExp, string> = new Map([[PASSIVE_IDEATION[0]!, "nobody would notice if I was gone"]]);

/** The words that show the crisis card, as written in the text, or null. */
export function crisisWords(text: string): string | null {
  for (const pattern of ALL) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return null;
}

/**
 * The crisis words as a reason may keep them: the match in lower case with its spaces collapsed (every pattern but
 * the named ones matches only its own fixed words), or the pattern's name.
 */
export function crisisPhrase(text: string): string | null {
  for (const pattern of ALL) {
    const m = pattern.exec(text);
    if (m) return NAMED.get(pattern) ?? m[0].toLowerCase().replace(/\s+/g, " ").slice(0, 80);
  }
  return null;
}

export function mentionsCrisis(text: string): boolean {
  return crisisWords(text) !== null;
}

/**
 * The tier a person is shown, with its reason: the model's tier (and the score that decided it, from decide() in
 * core.ts), raised to crisis when the text holds explicit crisis words. The only place the two are combined.
 */
export function servedTier(reading: { tier: Tier; tierBasis: ModelBasis }, text: string): { tier: Tier; reason: TierReason } {
  const words = crisisPhrase(text);
  return { tier: words ? "crisis" : reading.tier, reason: { words, model: reading.tierBasis } };
}
