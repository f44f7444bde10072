import { describe, expect, it } from "vitest";
import { findPeopleAndPlaces } from "./people-places";

const found = (text: string) => findPeopleAndPlaces(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

describe("names and places from the word lists and context cues", () => {
  it.each([
    ["my best friend Kayla stopped talking to me", ["name:Kayla"]],
    ["i told jake everything", ["name:jake"]],
    ["my bf, tom, says i'm too much", ["name:tom"]],
    ["Dr. Okafor upped my dose", ["name:Okafor"]],
    ["mrs kowalski called my parents", ["name:kowalski"]],
    ["my friend Will is why i'm here", ["name:Will"]],
    ["Priya Raman noticed", ["name:Priya", "name:Raman"]],
    ["my ex Jane Doe", ["name:Jane", "name:Doe"]],
    ["we moved to tulsa", ["place:tulsa"]],
    ["i moved to san antonio for work", ["place:san", "place:antonio"]],
    ["our house in Cedar Rapids flooded", ["place:Cedar", "place:Rapids"]],
    ["i live in Sioux City", ["place:Sioux", "place:City"]],
    ["she works at Hobby Lobby now", ["organization:Hobby", "organization:Lobby"]],
  ])("%s", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    "Hope is the only thing keeping me going.",
    "I will try again tomorrow.",
    "May I ask how you cope?",
    "My Bipolar diagnosis came with shame.",
    "Will it ever get better?",
    "I started Lexapro and moved to Texas, then Canada.",
    "My Mom and my Therapist don't get it.",
    "my friend will help me, my sister may too",
    "I live in fear.",
  ])("leaves ordinary words that are also names: %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});
