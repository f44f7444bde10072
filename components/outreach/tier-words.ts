import { TIER_NAMES } from "@/lib/assessment/names";

/** The staff tier words, plus the row not read yet (its chunk failed or is still running). */
export const TIER_WORDS = { ...TIER_NAMES.staff, unknown: "Not read yet" } as const;
