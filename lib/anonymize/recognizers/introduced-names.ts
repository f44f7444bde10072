import { findAll, type Found, type Recognizer } from "../kinds";

// "my name is sam", "My name is Dana Whitfield", "I'm called jo": a name after an introduction, in any case, with up
// to two capitalised words after the first (the surname).
const INTRO = /\b(?:my name is|my name's|my names|i'?m called|i am called|named|name is)\s+([A-Za-z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,2})/gid;

// "my name is not important", "named after": words that follow those phrases and are not names.
const NOT_NAMES = new Set(
  "a an the not so too really very just it what how why when where who after for on in by my your his her their our all nobody nothing irrelevant unimportant and but or i i'm im i've i'd i'll because".split(" "),
);

export const introducedNames: Recognizer = {
  name: "introduced-name",
  find: (text) =>
    findAll(text, INTRO, "name", (m) => {
      const words = [...m[1]!.matchAll(/\S+/g)];
      let used = 0;
      while (used < words.length && !NOT_NAMES.has(words[used]![0].toLowerCase())) used++;
      if (used === 0) return null;
      const start = m.indices![1]![0];
      const last = words[used - 1]!;
      return { start, end: start + last.index! + last[0].length, kind: "name" } satisfies Found;
    }),
};
