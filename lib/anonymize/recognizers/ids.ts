import { findAll, group, type Recognizer } from "../kinds";

/** Luhn's checksum, which every payment card number passes. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

const SSN = /(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])|(?<=\b(?:ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\s*(?:is|was|:|#)?\s*)\d{9}\b/gi;
const CARD = /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])/g;
// "MRN 4471920", "member ID: AB-99812", "account # 001-22-913", "patient number is X7731", "case no. 2023-117".
const RECORD = /\b(?:mrn|medical\s+record(?:\s+number)?|record|chart|patient|member(?:ship)?|account|acct|policy|insurance|claim|case|student|employee|badge|staff|id|i\.d\.|license|licence|driver'?s\s+licen[cs]e|dl|passport|visa|ssn|social\s+security|reference|ref|ticket|file|prescription|rx|inmate|booking|medicaid|medicare)\s*(?:number|num|no\.?|nr|#|id|code)?\s*(?:is|was|:|=|-|#)?\s*#?\s*([A-Z]{1,4}[ -]\d{3,}|[A-Z0-9][A-Z0-9-]{2,20}[0-9][A-Z0-9-]*|[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*)\b/gid;
// "plate 7ABC123", "license plate is ABC 1234", "reg KX19 ABC"
const PLATE = /\b(?:plates?|licen[cs]e\s+plates?|tag|tags|reg(?:istration)?|number\s+plate)\s*(?:number|no\.?|#)?\s*(?:is|was|:|reads|says|-)?\s*([A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4})?)\b/gid;
const LONG_NUMBER = /(?<![\w$£€.,])\d{6,}(?![\w%])/g;
// At least four digits, so "COVID-19" and "PHQ-9" stay.
const CODE = /\b(?=(?:[A-Z-]*\d){4})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,}\b/g;

/** Social security numbers, card numbers that pass Luhn's check, and any long digit run. */
export const numberIds: Recognizer = {
  name: "ssn-card",
  find: (text) => [
    ...findAll(text, SSN, "id"),
    ...findAll(text, CARD, "id", (m) => (luhn(m[0].replace(/\D/g, "")) ? { start: m.index, end: m.index + m[0].length, kind: "id" } : null)),
  ],
};

/** Record, member, account and licence numbers after the word that names them; licence plates after "plate". */
export const namedIds: Recognizer = {
  name: "record-plate",
  find: (text) => [
    ...findAll(text, RECORD, "id", (m) => group(m, 1, "id")),
    ...findAll(text, PLATE, "id", (m) => (/\d/.test(m[1]!) && /[A-Z]/i.test(m[1]!) ? group(m, 1, "id") : null)),
  ],
};

/** What is left: plain runs of six or more digits, and letter-digit codes (passport, account numbers). */
export const otherIds: Recognizer = {
  name: "other-id",
  find: (text) => [...findAll(text, LONG_NUMBER, "id"), ...findAll(text, CODE, "id")],
};
