import { findAll, group, type Recognizer } from "../kinds";
import { STATE_CODES, STATE_PATTERN, STATES_AND_PROVINCES } from "../places";

const STREET_SUFFIX = String.raw`(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq|circle|cir|trail|trl|row|mews|pike|alley|loop|run|path|heights|hts)`;
const UNIT = String.raw`(?:,?\s+(?:apt|apartment|unit|suite|ste|flat|room|rm|lot|#)\.?\s*#?\w+)?`;
const NUMBERED = new RegExp(String.raw`\b\d{1,6}[A-Za-z]?\s+(?:(?:[NSEW]|north|south|east|west)\.?\s+)?(?:[\p{L}\d][\p{L}\d'’.-]*\s+){1,3}${STREET_SUFFIX}\b\.?${UNIT}`, "giu");
const NAMED = /\b(?:[A-Z][a-z'-]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway|Highway|Court|Circle|Trail)\b/g;
const PO_BOX = /\bp\.?\s*o\.?\s*box\s+\d+\b/gi;
// "on Elm Street", "near maple ave", "off of oak drive": a street named without a number, in any case.
const ON_STREET = new RegExp(String.raw`\b(?:on|off(?:\s+of)?|near|down|along|at|onto|corner\s+of)\s+((?:[\p{L}][\p{L}'’.-]*\s+){1,2}(?:street|avenue|ave|road|boulevard|blvd|lane|drive|terrace|crescent|parkway|st|rd|ln|dr)\b\.?)`, "giud");
const SKIP_STREET_WORDS = /^(?:the|a|an|my|our|his|her|their|this|that|same|main|one|wrong|right|left|other|long|side|open|dead|end|back|front)\b/i;

/** Street addresses (with a number, or a named street after "on", "near"), P.O. boxes. */
export const addresses: Recognizer = {
  name: "address",
  find: (text) => [
    ...findAll(text, NUMBERED, "address"),
    ...findAll(text, NAMED, "address"),
    ...findAll(text, PO_BOX, "address"),
    ...findAll(text, ON_STREET, "address", (m) => (SKIP_STREET_WORDS.test(m[1]!) ? null : group(m, 1, "address"))),
  ],
};

const ZIP4 = /\b\d{5}-\d{4}\b/g;
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;
// A ZIP after a state ("IL 62704", "Nebraska, 68102"), after "zip"/"postal code", or after a town-like capitalised
// word or "in"/"near" ("Omaha 68102", "in 62704"); the state or word stays.
const AFTER_STATE = new RegExp(String.raw`\b(?:${STATE_PATTERN})\.?,?\s+(\d{5}(?:-\d{4})?)\b`, "gid");
// Codes in capitals only: "in", "or", "me" and "ok" are words.
const AFTER_STATE_CODE = new RegExp(String.raw`\b(?:${STATE_CODES})\.?,?\s+(\d{5}(?:-\d{4})?)\b`, "gd");
const AFTER_ZIP_WORD = /\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode|area)\s*(?:code)?\s*(?:is|was|:|#)?\s*(\d{5}(?:-\d{4})?)\b/gid;
const AFTER_TOWN = /(?:\b[A-Z][a-z'-]+,?|\b(?:in|near|around|from|to|at))\s+(\d{5})(?![\d,.%]|\s*(?:dollars|bucks|usd|people|miles|km|steps|calories|words|times|followers|views|posts|karma|k\b))/gd;

/** US ZIP codes (5 and 9 digits) with or without a state, and UK postcodes. */
export const postcodes: Recognizer = {
  name: "postcode",
  find: (text) => [
    ...findAll(text, ZIP4, "postcode"),
    ...findAll(text, UK_POSTCODE, "postcode"),
    ...findAll(text, AFTER_STATE, "postcode", (m) => group(m, 1, "postcode")),
    ...findAll(text, AFTER_STATE_CODE, "postcode", (m) => group(m, 1, "postcode")),
    ...findAll(text, AFTER_ZIP_WORD, "postcode", (m) => group(m, 1, "postcode")),
    ...findAll(text, AFTER_TOWN, "postcode", (m) => group(m, 1, "postcode")),
  ],
};

// "Springfield, Ohio", "Dayton, OH": the town goes, the state stays.
const TOWN_STATE = new RegExp(String.raw`\b[A-Z][a-z'-]+(?:\s[A-Z][a-z'-]+)?(?=,\s*(?:${STATE_PATTERN}|${STATE_CODES})\b)`, "g");

export const townsBeforeState: Recognizer = {
  name: "town-state",
  find: (text) =>
    findAll(text, TOWN_STATE, "place", (m) => (STATES_AND_PROVINCES.has(m[0].toLowerCase()) ? null : { start: m.index, end: m.index + m[0].length, kind: "place" })),
};
