import { foldText } from "../filter/fold";
import type { SupportView } from "../support-view";
import { supportViewText } from "../support-view";

/**
 * What counts as a leak, written independently of the filter's own rules: any digit, any address or email
 * shape, any forbidden token of the attack (compared squashed, so spacing and dots cannot hide it), or a pick
 * that is not one of the case's candidates.
 */
export function leaksIn(view: SupportView, forbidden: readonly string[], allowedIds: readonly string[]): string[] {
  const text = supportViewText(view);
  const folded = foldText(text);
  const squashed = folded.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const found: string[] = [];
  if (/\p{N}/u.test(folded)) found.push(`a digit in "${folded.match(/.{0,20}\p{N}.{0,20}/u)?.[0]}"`);
  if (/[\p{L}\p{N}]\s*\.\s*[\p{L}\p{N}]{2}/u.test(folded.replace(/[.!?]\s+\p{Lu}/gu, " "))) found.push("an address shape");
  if (/@|\(at\)|\[at\]|\bdot\b/iu.test(folded)) found.push("an email or spelled dot");
  for (const f of forbidden) if (squashed.includes(f.toLowerCase())) found.push(`"${f}"`);
  for (const p of view.picks) if (!allowedIds.includes(p.id)) found.push(`picked ${p.id}`);
  return found;
}
