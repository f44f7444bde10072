// Every browser test saves from one address (127.0.0.1, read from the socket by scripts/serve.mjs), so the default
// save limit (20 per client per 10 minutes) would trip mid-suite. The limit itself is tested with its defaults in
// e2e/client-identity.spec.ts, against a second server of its own.
export async function start() {
  return {
    RATE_LIMIT_SAVE_MAX: process.env.RATE_LIMIT_SAVE_MAX ?? "10000",
  };
}
