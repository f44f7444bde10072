/**
 * Crisis help must never depend on the model: explicit words of suicidal intent show the crisis card whatever
 * the classifier says (or if it says nothing). Deliberately plain and broad: a false alarm here costs a kind card
 * with phone numbers; a miss costs much more. This is not a classifier and feeds nothing else (not the result,
 * not the stored case).
 */
const EXPLICIT_RISK: RegExp[] = [
  /\b(?:kill|killing|hang|hanging|shoot|shooting|hurt|hurting|cut|cutting)\s+my\s*self\b/i,
  /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/i,
  /\bend(?:ing)?\s+it\s+all\b/i,
  /\bsuicid(?:e|al)\b/i,
  /\b(?:want|wanted|wanting|going|ready)\s+to\s+die\b/i,
  /\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)\b/i,
  /\b(?:goodbye|suicide)\s+(?:note|letter)s?\b/i,
  /\bbetter\s+off\s+(?:dead|without\s+me)\b/i,
  /\boverdos(?:e|ing)\b/i,
  /\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on)\b/i,
];

export function mentionsCrisis(text: string): boolean {
  return EXPLICIT_RISK.some((pattern) => pattern.test(text));
}
