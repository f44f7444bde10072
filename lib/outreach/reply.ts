import type { Condition } from "@/lib/assessment/vocabulary";
import type { TriageResult } from "./types";

/**
 * Short supportive replies an outreach worker adapts before sending. Fixed text, never generated: no
 * diagnosis, no alarm, no contact details (those come only from the directory entries shown beside it), and no
 * claim about the services (cost, hours) that the directory entry itself does not make.
 */
const OPENING = "Hi, I read what you shared and I'm really glad you put it into words.";

const BY_LABEL: Record<Condition, string> = {
  suicidal:
    "It sounds like things feel incredibly heavy right now, and you don't have to carry this alone. If you're thinking about ending your life or are not safe, please reach out to one of the crisis lines listed below right now: they are there for exactly this.",
  depression:
    "It sounds like you've been carrying a lot, and feeling this low is exhausting. You deserve support, and talking to someone can help, even a little at a time. The services below are a good place to start.",
  anxiety:
    "It sounds like worry has been taking up a lot of space lately, and that is hard to live with. You're not alone in this, and there are people who can help you find some calm. The services below are a good place to start.",
  bipolar:
    "It sounds like your moods have been hard to keep steady, and that can be really draining. Support from people who understand can make a difference. The services below can help you find it.",
};

const GENERAL =
  "It sounds like you're going through a hard time. You don't have to figure it out alone. If it would help to talk to someone, the services below are there for you.";

const CRISIS_CLOSING = "If you are in immediate danger, please call your local emergency number.";
const CLOSING = "If you'd like, I'm here to talk more.";

export function replyTemplate(result: Pick<TriageResult, "tier" | "topLabel" | "labels">): string {
  const key: Condition | "none" = result.tier === "crisis" ? "suicidal" : result.topLabel;
  const middle = key === "none" ? GENERAL : BY_LABEL[key];
  const closing = result.tier === "crisis" ? CRISIS_CLOSING : CLOSING;
  return `${OPENING} ${middle} ${closing}`;
}
