import { buildResourceCase, type ResourceCaseInput } from "../context";

/** Representative cases for tests and the bench (anonymized-looking text, no real person). */
export const SAMPLE_CASES: Record<string, ResourceCaseInput> = {
  crisisUS: {
    text: "I can't do this anymore. Everyone would be better off without me and I keep thinking about ending it.",
    conditions: { depression: 0.71, anxiety: 0.22, bipolar: 0.05, suicidal: 0.93 },
    tier: "crisis",
    confidence: "high",
    country: "US",
  },
  anxiousGBTexter: {
    text: "My chest gets tight before every lecture and I can't stop worrying that something terrible will happen.",
    conditions: { depression: 0.2, anxiety: 0.84, bipolar: 0.03, suicidal: 0.04 },
    tier: "elevated",
    confidence: "moderate",
    country: "GB",
    audiences: ["student", "youth"],
    preferences: ["text"],
  },
  lowBipolarAU: {
    text: "Some weeks I sleep three hours and start ten projects, then I crash for a month.",
    conditions: { depression: 0.3, anxiety: 0.1, bipolar: 0.62, suicidal: 0.02 },
    tier: "low",
    confidence: "low",
    country: "AU",
  },
  veteranUS: {
    text: "Since I got back nothing feels right. I don't sleep and I don't want to talk to anyone.",
    conditions: { depression: 0.77, anxiety: 0.4, bipolar: 0.02, suicidal: 0.35 },
    tier: "elevated",
    confidence: "moderate",
    country: "US",
    audiences: ["veterans"],
    preferences: ["call", "free"],
  },
  unknownCountry: {
    text: "I feel empty every day and I'm tired of pretending.",
    conditions: { depression: 0.8, anxiety: 0.1, bipolar: 0.01, suicidal: 0.6 },
    tier: "crisis",
    confidence: "moderate",
    country: "BR",
  },
};

export const sampleCase = (name: keyof typeof SAMPLE_CASES) => buildResourceCase(SAMPLE_CASES[name]!);
