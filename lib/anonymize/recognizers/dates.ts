import { findAll, PLACEHOLDER, type Found, type Recognizer } from "../kinds";
import { isOldBirthYear } from "./ages";

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const FULL_MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december)`;
const ORDINAL = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|2\d{3})`;
const BIRTH_CUE = /\b(?:born|birth|birthday|bday|dob|d\.o\.b\.?|b\.)\W{0,3}(?:\w+\W{1,3}){0,2}$/i;

/** The day and month go; the year stays (Safe Harbor allows it) unless it is a birth year of someone 90 or older. */
function keepingYear(text: string, m: RegExpExecArray, year: string | undefined): Found {
  const start = m.index;
  const end = m.index + m[0].length;
  if (!year) return { start, end, kind: "date" };
  if (isOldBirthYear(Number(year)) && BIRTH_CUE.test(text.slice(Math.max(0, start - 40), start))) {
    return { start, end, kind: "age", replacement: `${PLACEHOLDER.date} ${PLACEHOLDER.age}` };
  }
  return { start, end, kind: "date", replacement: `${PLACEHOLDER.date} ${year}` };
}

const ISO = new RegExp(String.raw`\b(${YEAR})-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`, "g");
const NUMERIC = /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})(?![\d/.-]*\d)/g;
// "3/4" and "12/25" only after a date word, so "3/4 of my friends" and "10/10 would recommend" stay.
const SHORT_NUMERIC = /(?<=\b(?:on|since|until|till|by|before|after|from|born|dob|birthday|date|dated|due|appointment)\s+(?:is\s+|was\s+)?)(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])\b(?!\/)/gi;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH}\.?\s+(?:the\s+)?${ORDINAL}\b(?:,?\s+(${YEAR})\b)?`, "gi");
const DAY_MONTH = new RegExp(String.raw`\b${ORDINAL}\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+(${YEAR})\b)?`, "gi");
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\.?,?\s+(?:of\s+)?(${YEAR})\b`, "gi");
// A bare month only with a preposition in front, so "I may" and "we march" stay.
const BARE_MONTH = new RegExp(String.raw`\b(?:in|on|since|until|till|by|last|next|this|early|late|mid|of|from|during|before|after|through)\s+(${FULL_MONTH})\b`, "gid");
// "on the 3rd", "since the 14th", "Tuesday the 14th": a day of the month.
const BARE_DAY = /\b(?:on|since|until|till|by|before|after|from|is|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+the\s+((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b/gid;

// "the 8th was her party": a bare day of the month, unless a noun shows the ordinal counts something else.
const THE_DAY = /\bthe\s+((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?:time|times|grade|grader|graders|floor|place|century|one|ones|person|people|day|days|week|weeks|month|months|year|years|attempt|try|round|period|hour|street|st|avenue|ave|percentile|child|kid|amendment|edition|chapter|step|level|episode|season|book|generation|gen|class|session|dose|pill|cup|drink|shot|job|school|therapist|doctor|psychiatrist|med|medication|night|nights|of\s+(?:my|the|his|her|our|their|us|them|these|those|all|which)|in|on|to|and|or|most|best|worst|last|largest|biggest|hardest))/gid;

/** Every element of a date finer than a year. */
export const dates: Recognizer = {
  name: "date",
  find: (text) => [
    ...findAll(text, ISO, "date", (m) => keepingYear(text, m, m[1])),
    ...findAll(text, NUMERIC, "date", (m) => keepingYear(text, m, m[1]!.length === 4 ? m[1] : undefined)),
    ...findAll(text, SHORT_NUMERIC, "date"),
    ...findAll(text, MONTH_DAY, "date", (m) => keepingYear(text, m, m[1])),
    ...findAll(text, DAY_MONTH, "date", (m) => keepingYear(text, m, m[1])),
    ...findAll(text, MONTH_YEAR, "date", (m) => keepingYear(text, m, m[1])),
    ...findAll(text, BARE_MONTH, "date", (m) => ({ start: m.indices![1]![0], end: m.indices![1]![1], kind: "date" })),
    ...findAll(text, BARE_DAY, "date", (m) => ({ start: m.indices![1]![0], end: m.indices![1]![1], kind: "date" })),
    ...findAll(text, THE_DAY, "date", (m) => ({ start: m.indices![1]![0], end: m.indices![1]![1], kind: "date" })),
  ],
};
