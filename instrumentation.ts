// Runs once when the Node.js server starts (not in the edge runtime or the browser).
// Checks the configuration (lib/startup/preflight.ts), registers what a graceful shutdown drains (lib/startup/drains.ts)
// and what the metrics read from other modules,
// opens the database early (the first request should not pay for it), creates the
// first administrator if there is none, and starts the background jobs (lib/jobs: the retention purge on its
// schedule, and anonymizing stored text again when the anonymizer's rules are newer than the ones it passed).
// Add other start-up work as another dynamic import here.
export async function register() {
  // NEXT_RUNTIME is set by Next per bundle and inlined at build time; lib/env is loaded only in the Node.js runtime.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Configuration and secrets first (exits with one message when they are wrong), then the model warm-up.
  const { preflight } = await import("@/lib/startup/preflight");
  preflight();
  const [{ registerDrains }, { registerMetricSources }] = await Promise.all([import("@/lib/startup/drains"), import("@/lib/startup/metric-sources")]);
  registerDrains();
  registerMetricSources();
  const { startStaffServices } = await import("@/lib/review/server-start");
  await startStaffServices();
  // The anonymizer's word lists (~1 s to read): loaded now, so the first consented save does not wait for them.
  const { warmLexicon } = await import("@/lib/anonymize/lexicon");
  warmLexicon();
}
