import type { Condition } from "@/lib/assessment/vocabulary";
import { AUDIENCE_LABELS, PREFERENCE_LABELS, type UserAudience } from "@/lib/resources/rank";
import type { ResourceCase } from "../context";
import type { SupportMessage } from "../support-message";

/**
 * The grounded message: every fact comes from the case (conditions, tier, confidence, what the person told us
 * about themselves) or from the directory through the ranked candidates. No free-form facts, no numbers, no
 * service names: the page draws each picked service's card from the directory.
 */

const OPENINGS: Record<Condition | "none", string> = {
  suicidal:
    "Thank you for putting this into words. Some of what you wrote sounds like you may be thinking about not wanting to be alive, and that deserves real support right now. You don't have to carry this alone.",
  depression: "Thank you for sharing this. Your post sounds heavy, as if low feelings have been weighing on you for a while.",
  anxiety: "Thank you for sharing this. It sounds like worry and tension have been taking up a lot of room lately.",
  bipolar: "Thank you for sharing this. It sounds like your mood and energy may have been shifting in ways that are hard to keep up with.",
  none: "Thank you for sharing what's on your mind. Reaching out, even to a page like this, is a real step.",
};

const SIGNALS: Record<Condition, string> = {
  suicidal: "not wanting to live",
  depression: "low mood",
  anxiety: "worry and anxiety",
  bipolar: "shifts in mood and energy",
};

const COUNTRY_NAMES: Record<string, string> = {
  US: "the US",
  CA: "Canada",
  GB: "the UK",
  IE: "Ireland",
  AU: "Australia",
  NZ: "New Zealand",
  IN: "India",
};

const THRESHOLD = 0.5;

function topConditions(c: ResourceCase["conditions"]): Condition[] {
  return (Object.entries(c) as [Condition, number][])
    .filter(([, p]) => p >= THRESHOLD)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function opening(ctx: ResourceCase): string {
  const top = topConditions(ctx.conditions);
  const lead: Condition | "none" = ctx.tier === "crisis" || top.includes("suicidal") ? "suicidal" : (top[0] ?? "none");
  const parts = [OPENINGS[lead]];
  if (top.length > 0) {
    parts.push(
      `Our model noticed signs of ${listWords(top.map((t) => SIGNALS[t]))} in your words, with ${ctx.confidence} confidence. That is a rough signal from software, not a diagnosis, and you know your life better than it does.`,
    );
  } else {
    parts.push(`Our model did not pick up strong signs of distress (${ctx.confidence} confidence), but how you feel matters more than any score.`);
  }
  return parts.join(" ");
}

function personalNotes(ctx: ResourceCase): string[] {
  const notes: string[] = [];
  const served = new Set<string>(ctx.candidates.flatMap((c) => c.resource.audiences));
  const matched = ctx.audiences.filter((a) => served.has(a));
  const unmatched = ctx.audiences.filter((a): a is UserAudience => !served.has(a) && a !== "student");
  if (matched.length > 0) notes.push(`You mentioned being among ${listWords(matched.map((a) => AUDIENCE_LABELS[a]))}, so I've included services made for you.`);
  if (unmatched.length > 0) {
    const where = ctx.country && COUNTRY_NAMES[ctx.country] ? ` in ${COUNTRY_NAMES[ctx.country]}` : "";
    notes.push(`Our verified list doesn't have a service just for ${listWords(unmatched.map((a) => AUDIENCE_LABELS[a]))}${where} yet, so the ones below are open to everyone.`);
  }
  if (ctx.audiences.includes("student")) {
    notes.push("If you're a student, your school or college counseling service can also be a good place to start.");
  }
  const methods = ctx.preferences.filter((p) => p !== "free");
  if (methods.length > 0) notes.push(`You said you'd prefer ${listWords(methods.map((p) => PREFERENCE_LABELS[p]))}, so those come first where possible.`);
  if (ctx.preferences.includes("free") && ctx.candidates.every((c) => c.resource.cost.toLowerCase() === "free")) {
    notes.push("Everything below is free to use.");
  }
  return notes;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A ranked reason in words a message may carry: hours are on the service's card, so digits ("open 24/7",
 * "Mon–Fri 10am–6pm") become words or a pointer to the card. Used for the offline message and the model's prompt.
 */
export function speakableReason(reason: string): string {
  return reason
    .split("; ")
    .map((part) => (part === "open 24/7" ? "open day and night" : /\d/.test(part) ? "open at the hours on its card" : part))
    .join("; ");
}

function nextSteps(ctx: ResourceCase): string {
  if (ctx.tier === "crisis") {
    return "If you feel you might act on these thoughts, please contact your local emergency number or one of the crisis lines on this page now. If you can, stay close to someone you trust while you reach out.";
  }
  if (ctx.tier === "elevated") {
    return "A good next step: pick one of these and reach out today. Even a short message counts. It can also help to tell one person you trust how you've been feeling.";
  }
  return "One small step: look through one of these when you have a quiet moment. If things get heavier, the crisis lines on this page are there for you.";
}

const CLOSING = "You reached out, and that matters.";

/** The whole message, deterministic for the same case. */
export function composeSupport(ctx: ResourceCase): SupportMessage {
  const intro = ctx.tier === "crisis" ? "Here are people you can reach right now." : "Here are a few places that fit what you shared.";
  return {
    opening: [opening(ctx), personalNotes(ctx).join(" "), ctx.candidates.length > 0 ? intro : ""].filter(Boolean).join("\n\n"),
    picks: ctx.candidates.map((c) => ({ id: c.resource.id, why: `${capitalize(speakableReason(c.reason))}.` })),
    closing: `${nextSteps(ctx)}\n\n${CLOSING}`,
  };
}

/**
 * One sentence a chunk (its trailing space included): the filter releases whole sentences, so pacing by word
 * would only delay the first one. Each sentence is released when the next chunk shows where it ended.
 */
export function chunkText(text: string): string[] {
  return text.split(/(?<=[.!?]\s)/).filter(Boolean);
}
