import { findAll, group, type Recognizer } from "../kinds";

const THIS_YEAR = new Date().getUTCFullYear();

/** A birth year that makes someone 90 or older now: Safe Harbor aggregates those ages into "90 or older". */
export const isOldBirthYear = (year: number) => year >= 1850 && THIS_YEAR - year >= 90;

const UNITS = String.raw`(?:%|percent|kg|kgs|lbs?|pounds|dollars|bucks|\$|degrees|°|mg|mcg|ml|days|day|minutes|mins?|hours|hrs?|times|miles|mph|km|kph|pages|points|pts|kilos|seconds|secs|words|people|students|calories|cals|beats|bpm|messages|texts|followers|iq|k\b|f\b|c\b)`;
const AGE_WORDS = /\b(9\d|1[01]\d)\s*-?\s*(?:(?:years?|yrs?)\s*-?\s*old|y\.?\s?o\b\.?|y\/o\b|yo\b)/gid;
// "she is 97", "grandpa turned 93", "aged 91", "I'm 92", "at 95 she still"
const AGE_AFTER_VERB = new RegExp(String.raw`\b(?:aged?|i'?m|i am|turn(?:ed|ing|s)?|is|was|been|be|[a-z]+'s|they'?re|hit|reached|lived\s+to|made\s+it\s+to|died\s+at|passed\s+at|at\s+age|at\s+the\s+age\s+of)\s+(9\d|1[01]\d)\b(?![.,]\d|\s*${UNITS})`, "gid");
// "my grandma (97)", "grandpa, 93,"
const AGE_AFTER_RELATIVE = /\b(?:grandma|grandpa|grandmother|grandfather|granny|nana|gran|great[- ]grand\w+|mom|mum|mother|dad|father|aunt|uncle|neighbou?r|husband|wife)\s*[,(]\s*(9\d|1[01]\d)\s*[,)]/gid;
// The masked run (\u0001) is a day and month found before, or by an earlier pass ("born on [date] 1931").
const BORN_IN = /\b(?:born|b\.)\s+(?:in\s+|back\s+in\s+|on\s+)?(?:\u0001+,?\s*)?(1[89]\d\d)\b/gid;
const AGE_90S_DOB = /\b(?:birth\s*year|year\s+of\s+birth)\s*(?:is|was|:)?\s*(1[89]\d\d)\b/gid;

/** Ages of 90 and over, and birth years that imply them, become "[age 90+]". */
export const ages: Recognizer = {
  name: "age",
  find: (text) => [
    ...findAll(text, AGE_WORDS, "age", (m) => ({ start: m.index, end: m.index + m[0].length, kind: "age" })),
    ...findAll(text, AGE_AFTER_VERB, "age", (m) => group(m, 1, "age")),
    ...findAll(text, AGE_AFTER_RELATIVE, "age", (m) => group(m, 1, "age")),
    ...findAll(text, BORN_IN, "age", (m) => (isOldBirthYear(Number(m[1])) ? group(m, 1, "age") : null)),
    ...findAll(text, AGE_90S_DOB, "age", (m) => (isOldBirthYear(Number(m[1])) ? group(m, 1, "age") : null)),
  ],
};
