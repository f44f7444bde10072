/**
 * The one mapping between the vocabulary and the Prisma enums (the database stores tiers upper-case, in the
 * declaration order PostgreSQL sorts by: CRISIS first). Client-safe: the generated enums module has no runtime deps.
 */
import { Tier as DbTier } from "@/lib/db/generated/enums";
import type { Tier } from "./vocabulary";

export { DbTier };

const TO_DB = { crisis: DbTier.CRISIS, elevated: DbTier.ELEVATED, low: DbTier.LOW } as const satisfies Record<
  Tier,
  DbTier
>;
const FROM_DB = { CRISIS: "crisis", ELEVATED: "elevated", LOW: "low" } as const satisfies Record<DbTier, Tier>;

export const tierToDb = (t: Tier): DbTier => TO_DB[t];
export const tierFromDb = (t: DbTier): Tier => FROM_DB[t];
