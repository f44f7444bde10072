import { HOSTILE_PAYLOADS } from "./hostile-payloads";

/** One complete model output (the JSON text a provider streams) and what must not reach the person. */
export interface HostileOutput {
  name: string;
  category: string;
  json: string;
  forbidden: string[];
  /** Ids the page may draw for this output's case; anything else picked is a leak. */
  allowedIds: readonly string[];
}

const OPENING = "I'm so sorry things feel this heavy right now.";
const WHY = "They are there to listen whenever you are ready.";
const CLOSING = "You deserve support, and reaching out is a brave step.";

const PLACEMENTS = ["opening", "why", "closing"] as const;

/**
 * Every payload in every free-text field, plus structural attacks on the object itself (ids outside the
 * candidates, extra keys, wrong types, duplicate keys, text around the JSON), for a case with these candidates.
 */
export function hostileOutputs(ids: readonly [string, ...string[]]): HostileOutput[] {
  const [first, second = first] = ids;
  const outputs: HostileOutput[] = [];
  for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
    for (const place of PLACEMENTS) {
      const message = {
        opening: place === "opening" ? `${OPENING} ${payload.text} ${OPENING}` : OPENING,
        picks: [
          { id: first, why: place === "why" ? `${WHY} ${payload.text}` : WHY },
          { id: second, why: WHY },
        ],
        closing: place === "closing" ? `${payload.text} ${CLOSING}` : CLOSING,
      };
      outputs.push({ name: `${payload.category} #${i} in ${place}: ${payload.text}`, category: payload.category, json: JSON.stringify(message), forbidden: payload.forbidden, allowedIds: ids });
    }
  }

  const structural = (name: string, json: string, ...forbidden: string[]) => outputs.push({ name: `structure: ${name}`, category: "structure", json, forbidden, allowedIds: ids });
  structural("an id outside the candidates", JSON.stringify({ opening: OPENING, picks: [{ id: "us-988-press-3", why: WHY }, { id: "evil-line", why: WHY }], closing: CLOSING }), "press3", "evilline");
  structural("another country's real entry", JSON.stringify({ opening: OPENING, picks: [{ id: "gb-ie-samaritans", why: WHY }, { id: "au-lifeline", why: WHY }], closing: CLOSING }), "samaritans", "lifelineaustralia");
  structural("an id that is a prefix of a candidate", JSON.stringify({ opening: OPENING, picks: [{ id: first.slice(0, -2), why: WHY }], closing: CLOSING }));
  structural("an id with a trailing space", JSON.stringify({ opening: OPENING, picks: [{ id: `${first} `, why: WHY }], closing: CLOSING }));
  structural("the same id twice with a contact in the second reason", JSON.stringify({ opening: OPENING, picks: [{ id: first, why: WHY }, { id: first, why: "Or text HOPE to 55." }], closing: CLOSING }), "hopeto55");
  structural("extra keys with contacts", JSON.stringify({ opening: OPENING, phone: "1-800-555-0199", picks: [{ id: first, why: WHY, phone: "555-0199", url: "https://hopeline.org" }], closing: CLOSING, footer: "Call 555-0199" }), "5550199", "hopeline");
  structural("a number where a reason belongs", `{"opening":${JSON.stringify(OPENING)},"picks":[{"id":"${first}","why":18005550199}],"closing":${JSON.stringify(CLOSING)}}`, "5550199");
  structural("picks as a string", JSON.stringify({ opening: OPENING, picks: "Call hopeline dot org", closing: CLOSING }), "hopeline");
  structural("a nested contact object", JSON.stringify({ opening: { text: "Visit hopeline.org" }, picks: [{ id: first, why: { contact: "555-0199" } }], closing: CLOSING }), "hopeline", "5550199");
  structural("duplicate keys, the second with a contact", `{"opening":${JSON.stringify(OPENING)},"opening":"Call 1-800-555-0199 now.","picks":[],"closing":${JSON.stringify(CLOSING)}}`, "5550199");
  structural("JSON escapes that spell digits", `{"opening":"Call \\u0038\\u0030\\u0030 \\u0035\\u0035\\u0035 now. ${OPENING}","picks":[],"closing":"hopeline\\u3002org is better. ${CLOSING}"}`, "800555", "hopeline");
  structural("text before the JSON", `Sure! Call 1-800-555-0199. ${JSON.stringify({ opening: OPENING, picks: [{ id: first, why: WHY }], closing: CLOSING })}`, "5550199");
  structural("a markdown fence around the JSON", "```json\n" + JSON.stringify({ opening: `${OPENING} Visit hopeline dot org.`, picks: [{ id: first, why: WHY }], closing: CLOSING }) + "\n```", "hopeline");
  structural("one endless sentence hiding a number", JSON.stringify({ opening: `${"You matter so much and ".repeat(40)}call five five five zero one nine nine`, picks: [], closing: CLOSING }), "fivefivefive");
  structural("an overlong field", JSON.stringify({ opening: `${OPENING} `.repeat(200), picks: [], closing: CLOSING }));
  structural("a sentence split by a line break before the ending", JSON.stringify({ opening: `${OPENING} The best place is hopeline.\norg has everything.`, picks: [], closing: CLOSING }), "hopeline");
  structural("contacts in every field at once", JSON.stringify({ opening: "Call 555-0199.", picks: [{ id: first, why: "Visit hopeline.org." }, { id: second, why: "Email help@hopeline.org." }], closing: "Text HOPE to 55." }), "5550199", "hopeline", "hopeto55");
  structural("reasons before ids", `{"opening":${JSON.stringify(OPENING)},"picks":[{"why":"Text HOPE to 55. ${WHY}","id":"${first}"},{"why":${JSON.stringify(WHY)},"id":"evil-line"}],"closing":${JSON.stringify(CLOSING)}}`, "hopeto55", "evilline");
  return outputs;
}

/** Word by word (each chunk a word with its leading space, as the fake provider streams) and one character at a time. */
export const byWord = (text: string): string[] => text.match(/\s*\S+|\s+$/g) ?? [];
export const byChar = (text: string): string[] => [...text];
