import { describe, expect, it } from "vitest";
import { withoutOverlaps } from "../find";
import type { Recognizer } from "../kinds";
import { addresses, postcodes } from "./addresses";
import { ages } from "./ages";
import { dates } from "./dates";
import { emails } from "./emails";
import { handles } from "./handles";
import { luhn, namedIds, numberIds } from "./ids";
import { organizations } from "./organizations";
import { phones } from "./phones";
import { bareDomains, urlsWithScheme } from "./urls";

/** What one recognizer finds in a text, as the strings it covers (overlaps resolved as the pipeline does). */
const finds = (r: Recognizer, text: string) => withoutOverlaps(r.find(text)).map((f) => text.slice(f.start, f.end));

// Each recognizer on its own: what it must find, and ordinary text it must leave alone. The whole pipeline (folding,
// order, masking) is covered by anonymize.test.ts and the labelled cases in test/anonymize.
const TABLE: [string, Recognizer, [string, string[]][]][] = [
  ["e-mails", emails, [
    ["mail jane.doe@gmail.com now", ["jane.doe@gmail.com"]],
    ["jane.doe at gmail dot com", ["jane.doe at gmail dot com"]],
    ["janedoe92 at gmail", ["janedoe92 at gmail"]],
    ["r o s e 9 9 @ g m a i l . c o m", ["r o s e 9 9 @ g m a i l . c o m"]],
    ["I was at home dot com", []],
    ["looking at gmail now", []],
  ]],
  ["URLs", urlsWithScheme, [["see https://x.org/a.", ["https://x.org/a"]], ["www.example.net/x", ["www.example.net/x"]]]],
  ["domains", bareDomains, [
    ["my carrd is jane.carrd.co", ["jane.carrd.co"]],
    ["alexrivera.photography", ["alexrivera.photography"]],
    ["mysite dot com", ["mysite dot com"]],
    ["i was tired.then i left", []],
    ["it was hard. my bf left", []],
    ["e.g. this, i.e. that", []],
  ]],
  ["handles", handles, [
    ["insta: jane_doe_92", ["jane_doe_92"]],
    ["my snap is xjanex", ["xjanex"]],
    ["add me on discord wolf#4471", ["wolf#4471"]],
    ["i'm sleepless_22 on insta", ["sleepless_22"]],
    ["u/tired_22 and /u/other", ["u/tired_22", "/u/other"]],
    ["my insta feed makes me sad", []],
    ["my snap is down again", []],
  ]],
  ["phones", phones, [
    ["call 555-867-5309", ["555-867-5309"]],
    ["(402) 555-0187", ["(402) 555-0187"]],
    ["555 – 019 – 8823", ["555 – 019 – 8823"]],
    ["four oh two five five five zero one nine nine", ["four oh two five five five zero one nine nine"]],
    ["from 2019-2021 it was bad", []],
    ["one or two of them, three maybe", []],
  ]],
  ["SSNs and cards", numberIds, [
    ["ssn 123-45-6789", ["123-45-6789"]],
    ["card 4111 1111 1111 1111", ["4111 1111 1111 1111"]],
    ["4111 1111 1111 1112", []],
  ]],
  ["record numbers and plates", namedIds, [
    ["MRN 4471920", ["4471920"]],
    ["member ID: XJH448812093", ["XJH448812093"]],
    ["prescription number is RX 9918273", ["RX 9918273"]],
    ["his plate is 7ABC123", ["7ABC123"]],
    ["my account is hacked", []],
    ["my plate was empty", []],
  ]],
  ["addresses", addresses, [
    ["at 1187 W Maple Ave, Apt 3B now", ["1187 W Maple Ave, Apt 3B"]],
    ["1020 S 13th St", ["1020 S 13th St"]],
    ["we live on maple ave", ["maple ave"]],
    ["PO Box 4471", ["PO Box 4471"]],
    ["on the same street as him", []],
  ]],
  ["ZIP codes", postcodes, [
    ["zip 62704", ["62704"]],
    ["Omaha, NE 68104", ["68104"]],
    ["i'm in 90210 lol", ["90210"]],
    ["10027-4401", ["10027-4401"]],
    ["I owe 12000 dollars", []],
  ]],
  ["dates", dates, [
    ["on March 3rd", ["March 3rd"]],
    ["03/14/2019", ["03/14/2019"]],
    ["my court date is 4/18", ["4/18"]],
    ["the 3rd of November", ["3rd of November"]],
    ["no, the 8th was her party", ["8th"]],
    ["3/4 of my friends", []],
    ["the 3rd time this week", []],
    ["I may go, we march on", []],
  ]],
  ["ages 90+", ages, [
    ["my grandma is 97", ["97"]],
    ["a 94-year-old", ["94-year-old"]],
    ["nana (96) fell", ["96"]],
    ["born in 1929", ["1929"]],
    ["I'm 17 and feel 80", []],
    ["I weigh 98 pounds", []],
    ["born in 1999", []],
  ]],
  ["organisations", organizations, [
    ["I go to Lincoln High School", ["Lincoln"]],
    ["at st. mary's hospital", ["st. mary's"]],
    ["the University of Nebraska", ["Nebraska"]],
    ["I work at Walmart", ["Walmart"]],
    ["i work at kroger", ["kroger"]],
    ["I went to the hospital", []],
    ["Today school was hard", []],
    ["I work at night", []],
  ]],
];

describe.each(TABLE)("%s", (_name, recognizer, cases) => {
  it.each(cases)("%s", (text, expected) => {
    expect(finds(recognizer, text)).toEqual(expected);
  });
});

describe("luhn", () => {
  it("accepts card numbers and refuses near misses", () => {
    expect(luhn("4111111111111111")).toBe(true);
    expect(luhn("378282246310005")).toBe(true);
    expect(luhn("4111111111111112")).toBe(false);
    expect(luhn("12345")).toBe(false);
  });
});
