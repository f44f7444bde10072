/**
 * What a support message must never say, judged on whole sentences: methods or means of self-harm, a diagnosis,
 * a promise of secrecy. The trigger is a cheap first look; the verdict runs only where it fired. A failing
 * sentence is replaced by a safe one, so the person is pointed back to help rather than left with a gap.
 */
export type HarmKind = "method" | "diagnosis" | "confidentiality";

export interface SentenceRule {
  kind: HarmKind;
  trigger: RegExp;
  violates: (sentence: string) => boolean;
  replacement: string;
}

const MEANS = String.raw`pills?|tablets?|overdos\w*|lethal|noose|ropes?|hang(?:ing)? (?:yourself|myself)|(?:off|from) (?:a|the) (?:bridge|building|roof|ledge|cliff)|jump(?:ing)? (?:off|from|in front)|cut(?:ting)? (?:yourself|myself|deeper|your (?:wrists?|arms?|skin|legs?)|my (?:wrists?|arms?|skin|legs?))|razors?|blades?|wrists?|bleach|poison\w*|guns?|firearms?|shoot (?:yourself|myself)|carbon monoxide|suffocat\w*|drown (?:yourself|myself)|train tracks?|ligature|\d+\s*(?:mg|milligrams?)|paracetamol|acetaminophen|tylenol|insulin|antifreeze|knife|knives`;
const MEANS_RE = new RegExp(`\\b(?:${MEANS})\\b`, "i");
const INSTRUCTION =
  /\b(?:how (?:to|many|much|long)|best way|easiest|quickest|fastest|surest|painless\w*|most effective|lethal|enough to|step \d|you (?:could|should|can|need to|might|would|will)|try(?:ing)?|take|taking|swallow\w*|use|using|tie|deep(?:er|ly)?|vertical\w*|high enough|mix\w*|combine|amount|dose|\d+)\b/i;
const DIRECT_METHOD =
  /\b(?:how to (?:kill|hang|cut|poison|hurt|harm) (?:yourself|myself|oneself)|ways? to (?:die|kill (?:yourself|myself)|end (?:it|your life|my life))|suicide methods?|painless (?:way|death|method))\b/i;

const CONDITION = String.raw`(?:depression|depressed|depressive disorder|bipolar(?: disorder| i+| type \w+)?|anxiety disorder|[\w-]+ (?:personality )?disorder|mania|manic|ptsd|adhd|bpd|schizo\w*|psychosis|psychotic|ocd)`;
const YOU_HAVE = new RegExp(
  String.raw`\byou(?:'re| are|'ve| have| might| may| must| clearly| definitely| probably| likely| obviously| certainly)*\s+(?:(?:have|has|got|suffer(?:ing)? from|be|are|show(?:ing)? (?:clear |the )?signs of|meet(?:ing)? the criteria for)\s+)?(?:(?:a|an|major|severe|clinical|chronic|full-blown|classic|textbook|the)\s+)*${CONDITION}\b`,
  "i",
);
const DIAGNOSIS_PHRASES = new RegExp(
  String.raw`\b(?:my|the|a|your) diagnosis (?:is|would be|here)\b|\bI (?:would |can |will )?diagnose\b|\b(?:this|that|it) (?:is|sounds like|looks like|seems like) (?:clearly |definitely |classic |textbook |a case of |an? )*${CONDITION}`,
  "i",
);

const PROMISES = [
  /\b(?:I|we|lantern|this (?:site|app|service|tool|page|chat))\b[^.!?]*\b(?:won'?t|will not|never|don'?t|do not)\s+(?:ever\s+)?(?:tell|share|report|pass (?:it|this) on|store|save|keep a record)/i,
  /\b(?:this|everything|anything|what you (?:share|say|write|tell(?: me| us)?)|your (?:post|words|message|secret))\b[^.!?]*\b(?:is|are|stays?|remains?|will (?:stay|be|remain))\b[^.!?]*\b(?:confidential|private|secret|anonymous|between us|safe with (?:me|us))\b/i,
  /\b(?:no ?one|nobody) (?:else )?will (?:ever )?(?:know|find out|see|read)\b/i,
  /\byour secret is safe\b/i,
  /\b(?:100%|completely|totally|fully|strictly) (?:confidential|private|anonymous|secret)\b/i,
  /\bbetween (?:you and me|us)\b/i,
];

export const SENTENCE_RULES: readonly SentenceRule[] = [
  {
    kind: "method",
    trigger: new RegExp(`\\b(?:${MEANS}|methods?|painless\\w*|(?:best|easiest|quickest|fastest|surest) way|how (?:to|many|much)|kill (?:myself|yourself)|end (?:it|my life|your life)|ways? to die)\\b`, "i"),
    violates: (s) => DIRECT_METHOD.test(s) || (MEANS_RE.test(s) && INSTRUCTION.test(s)),
    replacement:
      "I can't share anything about ways of self-harm. You deserve support right now: please reach out to one of the crisis lines shown here.",
  },
  {
    kind: "diagnosis",
    // "you have", "you're" and friends start the sentences that diagnose, so they hold the rest of a sentence too.
    trigger: new RegExp(`\\b(?:${CONDITION}|diagnos\\w*|you(?:'re| are|'ve| have| clearly| definitely| probably| likely| obviously| certainly| must| might| may| suffer\\w*))\\b`, "i"),
    violates: (s) => DIAGNOSIS_PHRASES.test(s) || (YOU_HAVE.test(s) && !/\b(?:not|never)\b|n't\b/i.test(s)),
    replacement: "Only a professional who talks with you can say what is going on, and what you describe deserves that care.",
  },
  {
    kind: "confidentiality",
    trigger:
      /\b(?:confidential\w*|private|privacy|secrets?|anonymous\w*|no ?one (?:else )?will|nobody (?:else )?will|between (?:us|you and me)|safe with|won'?t (?:ever )?(?:tell|share|report|store|save)|will not (?:tell|share|report|store|save)|never (?:tell|share|report|store|save)|(?:don'?t|do not) (?:tell|share|report|store|save|keep))\b/i,
    violates: (s) => PROMISES.some((p) => p.test(s)),
    replacement: "Before you share personal details with any service, you can ask them how they handle what you tell them.",
  },
];
