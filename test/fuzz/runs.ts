// Every fuzz property runs at least 10,000 generated cases with a fixed seed, so a failure reproduces
// exactly (fast-check prints the seed and the shrunk counterexample). Override with FUZZ_SEED / FUZZ_RUNS.
// Under a loaded 2-core machine a 10k-run property can take minutes: describe blocks set a 10-minute timeout.
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20261125),
  numRuns: Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 10_000)),
} as const;
