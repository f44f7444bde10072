// Limits and windows for the browser tests' server.
// - Every browser test saves from one address (127.0.0.1, read from the socket by scripts/serve.mjs), so the
//   default save limit (20 per client per 10 minutes) would trip mid-suite. The limit itself is tested with its
//   defaults in e2e/client-identity.spec.ts, against a second server of its own.
// - Failed sign-ins reach the audit trail once per window (15 minutes by default); a short window lets the audit
//   spec see them without waiting.
export async function start() {
  return {
    RATE_LIMIT_SAVE_MAX: process.env.RATE_LIMIT_SAVE_MAX ?? "10000",
    AUTH_FAILED_SIGNIN_AUDIT_SECONDS: process.env.AUTH_FAILED_SIGNIN_AUDIT_SECONDS ?? "2",
  };
}
