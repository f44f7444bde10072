import { describe, expect, it } from "vitest";
import { anonymize } from "./index";
import { findLeftovers, hasLeftovers } from "./leftovers";

const none = { capitalised: 0, number: 0, platforms: [] };

describe("findLeftovers: what an anonymized text may still hold", () => {
  it("finds nothing in ordinary anonymized text", () => {
    for (const text of [
      "I can't sleep. Honestly I don't know why I'm posting. My therapist Dr. [name] at [organization] High School said to call [phone].",
      "Since 2019-2021 everything fell apart; I'm 17 and my PHQ-9 was 22. I feel HOPELESS on Monday mornings in March.",
      "my nana is [age 90+] and lives in [place], [postcode]. I was born in 1990.",
      "I snap at everyone and my x is still texting me. insta: [handle]",
    ]) {
      expect(findLeftovers(text), text).toEqual(none);
    }
  });

  it("counts a run of capitalised words no list knows as one", () => {
    expect(findLeftovers("Zorblax Quint found me. Then Mirelda came.").capitalised).toBe(2);
    expect(findLeftovers("Zorblax Quint found me.").capitalised).toBe(1);
  });

  it("counts long number runs, alone or in groups, but not years, year ranges or short numbers", () => {
    expect(findLeftovers("my case number is 4471902 and the code 44 7911 1234").number).toBe(2);
    expect(findLeftovers("from 2019 to 2021, 2019-2021, I'm 17, 1234").number).toBe(0);
  });

  it("lists platform words, the ambiguous ones only with a cue, and none beside a redacted handle", () => {
    expect(findLeftovers("find me on discord or Insta, I'm there").platforms.sort()).toEqual(["discord", "insta"]);
    expect(findLeftovers("add me on snap").platforms).toEqual(["snap"]);
    expect(findLeftovers("I snap at people and let off steam").platforms).toEqual([]);
    expect(findLeftovers("my discord is [handle]").platforms).toEqual([]);
    expect(findLeftovers("you can whatsapp me on [phone]").platforms).toEqual([]);
  });

  it("reads placeholders as redacted, not as words or numbers", () => {
    expect(findLeftovers("[name] [age 90+] [organization] [postcode] [id]")).toEqual(none);
  });

  it("hasLeftovers says whether any kind was found", () => {
    expect(hasLeftovers(none)).toBe(false);
    expect(hasLeftovers({ ...none, platforms: ["kik"] })).toBe(true);
  });

  it("the issue's post, after the current rules, leaves nothing to warn about", () => {
    const post =
      "I'm Priya Raman, jane.doe(at)gmail(dot)com, insta: jane_doe_92, zip 62704. My grandma is 97, born on 03/04/1931, " +
      "lives in Omaha; I went to Lincoln High School. Call ５５５-０１９９-１２３４.";
    expect(findLeftovers(anonymize(post).text)).toEqual(none);
  });
});
