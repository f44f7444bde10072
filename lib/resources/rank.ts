import { z } from "zod";
import { RESOURCES } from "./directory";
import { crisisLinesFor } from "./crisis";
import type { Resource, ResourceCondition } from "./schema";
import { CONDITIONS, TIERS, type Condition, type Tier } from "@/lib/assessment/vocabulary";

/**
 * Who the person says they are, as offered on the self-check form. "student" has no dedicated entry in the
 * verified directory; it is still accepted so the message can say so honestly instead of guessing.
 */
export const USER_AUDIENCES = ["youth", "student", "lgbtq", "indigenous", "spanish", "deaf_hoh", "veterans", "postpartum"] as const;
export const PREFERENCES = ["call", "text", "chat", "in_person", "free"] as const;

export const AUDIENCE_LABELS: Record<UserAudience, string> = {
  youth: "young people",
  student: "students",
  lgbtq: "LGBTQ+ people",
  indigenous: "Indigenous people",
  spanish: "Spanish speakers",
  deaf_hoh: "Deaf and hard of hearing people",
  veterans: "veterans",
  postpartum: "new and expecting parents",
};

export const PREFERENCE_LABELS: Record<Preference, string> = {
  call: "calling",
  text: "texting",
  chat: "chatting online",
  in_person: "meeting in person",
  free: "free options",
};

export type UserAudience = (typeof USER_AUDIENCES)[number];
export type Preference = (typeof PREFERENCES)[number];

const probability = z.number().min(0).max(1);

export const rankInputSchema = z.object({
  conditions: z.object(
    Object.fromEntries(CONDITIONS.map((c) => [c, probability.default(0)])) as Record<Condition, z.ZodDefault<typeof probability>>,
  ),
  tier: z.enum(TIERS),
  // ISO 3166-1 alpha-2; anything we have no lines for falls back to international directories.
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .optional(),
  audiences: z.array(z.enum(USER_AUDIENCES)).max(USER_AUDIENCES.length).default([]),
  preferences: z.array(z.enum(PREFERENCES)).max(PREFERENCES.length).default([]),
  limit: z.number().int().min(1).max(10).default(5),
});

export type RankInput = z.input<typeof rankInputSchema>;
export type RankCriteria = z.output<typeof rankInputSchema>;

export interface RankedResource {
  resource: Resource;
  score: number;
  /** One plain sentence fragment saying why this entry fits, built only from directory facts and the case. */
  reason: string;
}

export type ContactMethod = Exclude<Preference, "free">;

export function contactMethods(r: Resource): ContactMethod[] {
  const methods: ContactMethod[] = [];
  if (r.contact.phone || r.contact.phone_alt || r.contact.phone_CA || r.contact.tty || r.contact.videophone) methods.push("call");
  if (r.contact.sms) methods.push("text");
  if (r.contact.chat_url) methods.push("chat");
  // Locators and directories exist to find in-person care; some peer groups meet in person (the directory says so in hours).
  if (r.kind === "treatment_locator" || r.kind === "directory" || /in person/i.test(r.hours ?? "")) methods.push("in_person");
  return methods;
}

const URGENT_KINDS = new Set<Resource["kind"]>(["crisis_line", "text_line", "chat"]);

function isAlwaysOpen(r: Resource): boolean {
  return /^24\/7/.test(r.hours ?? "");
}

/** How strongly the entry's conditions match the case: the highest probability among the conditions it serves. */
function conditionMatch(r: Resource, c: RankCriteria["conditions"]): { value: number; condition: ResourceCondition | null } {
  let best: { value: number; condition: ResourceCondition | null } = { value: 0, condition: null };
  for (const cond of r.conditions) {
    // "general" serves everyone a little, so a case with low probabilities still gets broad services.
    const value = cond === "general" ? 0.25 : c[cond];
    if (value > best.value) best = { value, condition: cond };
  }
  return best;
}

function servesCountry(r: Resource, country: string | undefined): boolean {
  return r.countries.includes("INTL") || (country !== undefined && r.countries.includes(country));
}

/**
 * Entries made for a specific group are shown only to people who said they belong to it:
 * a veterans' line is not what a teenager needs, and we never guess who someone is.
 */
function audienceFit(r: Resource, audiences: readonly UserAudience[]): { eligible: boolean; matched: UserAudience[] } {
  if (r.audiences.includes("all")) {
    return { eligible: true, matched: [] };
  }
  const matched = audiences.filter((a) => (r.audiences as readonly string[]).includes(a));
  return { eligible: matched.length > 0, matched };
}

const CONDITION_PHRASES: Record<ResourceCondition, string> = {
  suicidal: "for thoughts of suicide",
  depression: "for low mood and depression",
  anxiety: "for worry and anxiety",
  bipolar: "for mood swings and bipolar disorder",
  general: "for any kind of emotional distress",
};

function describeReason(
  r: Resource,
  parts: { matched: UserAudience[]; methods: ContactMethod[]; prefs: Preference[]; condition: ResourceCondition | null; tier: Tier },
): string {
  const bits: string[] = [];
  if (parts.matched.length > 0) bits.push(`made for ${parts.matched.map((a) => AUDIENCE_LABELS[a]).join(" and ")}`);
  const prefMatches = parts.prefs.filter((p) => p !== "free" && parts.methods.includes(p));
  if (prefMatches.length > 0) bits.push(`lets you reach out by ${prefMatches.map((p) => PREFERENCE_LABELS[p]).join(" or ")}, as you prefer`);
  if (parts.tier === "crisis" && URGENT_KINDS.has(r.kind) && isAlwaysOpen(r)) bits.push("open right now, any hour");
  else if (isAlwaysOpen(r)) bits.push("open 24/7");
  else if (r.hours && /\d/.test(r.hours)) bits.push(`open ${r.hours.replace(/\s*\(.*\)\s*$/, "")}`);
  if (parts.condition) bits.push(CONDITION_PHRASES[parts.condition]);
  if (r.cost.toLowerCase() === "free") bits.push("free");
  return bits.join("; ");
}

function scoreEntry(r: Resource, criteria: RankCriteria, matched: UserAudience[]): { score: number; condition: ResourceCondition | null; methods: ContactMethod[] } {
  const { value, condition } = conditionMatch(r, criteria.conditions);
  const methods = contactMethods(r);
  let score = 2 * value;

  // Risk tier decides what kind of help comes first: immediate human contact when risk is high,
  // learning and peer support when it is low (crisis lines stay available, just lower).
  const urgent = URGENT_KINDS.has(r.kind);
  if (criteria.tier === "crisis") score += urgent ? 2 + (isAlwaysOpen(r) ? 1 : 0) : -1;
  else if (criteria.tier === "elevated") score += urgent ? 0.8 : 0.4;
  else score += urgent ? 0 : 0.6;

  score += 1.5 * matched.length;
  for (const p of criteria.preferences) {
    if (p === "free" ? r.cost.toLowerCase() === "free" : methods.includes(p)) score += 0.7;
  }
  // Services that work anywhere are a fallback, not a first choice, when the country has its own.
  if (criteria.country && !r.countries.includes(criteria.country)) score -= 0.5;
  return { score, condition, methods };
}

/**
 * Picks directory entries for a case, best first, each with a reason. Pure and deterministic (ties break by id),
 * so the server, the client and the offline composer agree on the same list without a network round trip.
 */
export function rankResources(input: RankInput): RankedResource[] {
  const criteria = rankInputSchema.parse(input);
  const ranked: RankedResource[] = [];
  for (const r of RESOURCES) {
    if (!servesCountry(r, criteria.country)) continue;
    const fit = audienceFit(r, criteria.audiences);
    if (!fit.eligible) continue;
    const { score, condition, methods } = scoreEntry(r, criteria, fit.matched);
    if (condition === null) continue;
    const reason = describeReason(r, { matched: fit.matched, methods, prefs: criteria.preferences, condition, tier: criteria.tier });
    ranked.push({ resource: r, score: Math.round(score * 1000) / 1000, reason });
  }
  ranked.sort((a, b) => b.score - a.score || a.resource.id.localeCompare(b.resource.id));
  const top = ranked.slice(0, criteria.limit);

  // When risk is high the list must contain the country's first crisis line, whatever the scores say.
  if (criteria.tier === "crisis") {
    const first = crisisLinesFor(criteria.country)[0];
    if (first && !top.some((t) => t.resource.id === first.id)) {
      const entry = ranked.find((t) => t.resource.id === first.id);
      if (entry) top.splice(Math.min(top.length, criteria.limit - 1), 1, entry);
      top.sort((a, b) => b.score - a.score || a.resource.id.localeCompare(b.resource.id));
    }
  }
  return top;
}
