import { findAll, type Recognizer } from "../kinds";
import { MAIL_PROVIDERS, SPELLED_TLD, TLD } from "./domains";

const LOCAL = String.raw`[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]`;
const DOMAIN = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}`;
const PLAIN = new RegExp(String.raw`(?<!${LOCAL})${LOCAL}+@${DOMAIN}(?![A-Za-z0-9-])`, "g");
// "jane @ gmail.com", "jane@gmail . com": spaces around "@" or a dot; the ending must then be a real one, so
// "dm @bob.bsky.social" is a handle and "a@a.aa. Please" ends at "aa".
const SPACED = new RegExp(
  String.raw`(?<!${LOCAL})${LOCAL}+(?: @ |@)(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])? ?\. ?)+([a-z]{2,24})(?![A-Za-z0-9-])`,
  "g",
);
// "jane.doe at gmail dot com", "jane at gmail.com", "janedoe92 at gmail": "at" as the at-sign, read only when a
// mail provider or a spelled or written domain ending follows.
const SPELLED = new RegExp(
  String.raw`(?<![\w.])[a-z0-9._%+-]+(?:\s+dot\s+[a-z0-9_%+-]+)*\s+at\s+(?:(?:${MAIL_PROVIDERS})\b(?:\s*(?:\.|\bdot\b)\s*[a-z]{2,6}\b)*|[a-z0-9-]+(?:\s*(?:\.|\bdot\b)\s*[a-z0-9-]+)*\s*(?:\.|\bdot\b)\s*(?:${SPELLED_TLD})\b)`,
  "gi",
);

// "r o s e 9 9 @ g m a i l . c o m": one character at a time.
const LETTER_SPACED = /(?<!\S)(?:[A-Za-z0-9._-] ){2,}@(?: [A-Za-z0-9-]){2,}(?: \.(?: [A-Za-z0-9-]){2,})+/g;

/** E-mail addresses, plain and obfuscated ("(at)" and "(dot)" are folded to "@" and "." before this runs). */
export const emails: Recognizer = {
  name: "email",
  find: (text) => [
    ...findAll(text, LETTER_SPACED, "email"),
    ...findAll(text, PLAIN, "email"),
    ...findAll(text, SPACED, "email", (m) => (/\s/.test(m[0]) && TLD.has(m[1]!) ? { start: m.index, end: m.index + m[0].length, kind: "email" } : null)),
    ...findAll(text, SPELLED, "email", (m) => (/^(?:i|we|me|you|he|she|they|him|her|them|us|it|was|is|am|are|be|been|not|home|work|school|look|looking|good|bad)$/i.test(m[0].split(/\s+/)[0]!) ? null : { start: m.index, end: m.index + m[0].length, kind: "email" })),
  ],
};
