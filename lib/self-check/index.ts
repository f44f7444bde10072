/** The self-check's server entry: what the page's actions and /api/self-check adapt to their door. */
import "server-only";

export { runSelfCheck, type ClassifyOutcome, type SelfCheckContext, type SelfCheckDeps } from "./run";
export { runSaveCheck } from "./save";
export { selfCheckDeps } from "./deps";
export { selfCheckInputSchema, saveCheckInputSchema, type SelfCheckInput } from "./schema";
export type * from "./types";
