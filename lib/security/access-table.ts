// Who may reach what: every page, route handler and server action of the app, in one table.
// README (security section) renders it with `npm run -s access-table`; e2e/security-access.spec.ts walks
// it as each role and as an anonymous visitor; test/security/access-table.test.ts fails when a page,
// route or action exists in app/ without a row here. Keep it in step with the checks in the code
// (requirePageRole / roleAction / withRole) — the tests are there to catch any drift.
export type Actor = "anonymous" | "ADMIN" | "CLINICIAN" | "OUTREACH";
export const ACTORS: readonly Actor[] = ["anonymous", "ADMIN", "CLINICIAN", "OUTREACH"];
const STAFF: Actor[] = ["ADMIN", "CLINICIAN", "OUTREACH"];
const EVERYONE: Actor[] = ["anonymous", ...STAFF];

export type AccessEntry =
  | { kind: "page"; path: string; file: string; allowed: Actor[]; note: string }
  | { kind: "route"; method: "GET" | "POST"; path: string; file: string; allowed: Actor[]; note: string }
  | { kind: "action"; file: string; name: string; allowed: Actor[]; note: string };

export const ACCESS_TABLE: AccessEntry[] = [
  // Public: a self-check needs no account.
  { kind: "page", path: "/", file: "app/(public)/page.tsx", allowed: EVERYONE, note: "self-check" },
  { kind: "page", path: "/crisis-lines", file: "app/(public)/crisis-lines/page.tsx", allowed: EVERYONE, note: "crisis lines (static data)" },
  { kind: "action", file: "app/(public)/actions.ts", name: "checkPost", allowed: EVERYONE, note: "self-check; rate limited per client" },
  { kind: "action", file: "app/(public)/actions.ts", name: "saveCheckedPost", allowed: EVERYONE, note: "saves a consented self-check; needs its signed receipt and the same words" },
  { kind: "route", method: "POST", path: "/api/self-check", file: "app/api/self-check/route.ts", allowed: EVERYONE, note: "same core as checkPost; rate limited" },
  { kind: "route", method: "POST", path: "/api/self-check/save", file: "app/api/self-check/save/route.ts", allowed: EVERYONE, note: "same core as saveCheckedPost; needs the signed receipt" },
  { kind: "page", path: "/follow-up", file: "app/(public)/follow-up/page.tsx", allowed: EVERYONE, note: "reference + follow-up code; shows a case only to the session cookie a right code set" },
  { kind: "action", file: "app/(public)/follow-up/actions.ts", name: "openFollowUpAction", allowed: EVERYONE, note: "checks the code (salted digest) under a per-reference lockout and a per-client limit; sets a 20-minute signed cookie for that one case" },
  { kind: "action", file: "app/(public)/follow-up/actions.ts", name: "writeBackAction", allowed: EVERYONE, note: "the cookie's case only; anonymized, crisis-checked, limited per case" },
  { kind: "action", file: "app/(public)/follow-up/actions.ts", name: "eraseFollowUpAction", allowed: EVERYONE, note: "the cookie's case only, after a confirmation; deletes it with notes, labels and messages; audited" },
  { kind: "action", file: "app/(public)/follow-up/actions.ts", name: "closeFollowUpAction", allowed: EVERYONE, note: "clears the follow-up cookie" },
  { kind: "route", method: "POST", path: "/api/resources", file: "app/api/resources/route.ts", allowed: EVERYONE, note: "streamed resources message; rate limited; stores nothing" },
  { kind: "route", method: "GET", path: "/api/health", file: "app/api/health/route.ts", allowed: EVERYONE, note: "liveness, reveals nothing" },
  { kind: "route", method: "GET", path: "/api/ready", file: "app/api/ready/route.ts", allowed: EVERYONE, note: "readiness for load balancers; names failed checks only" },
  // Machines, not people: a Prometheus scraper holding METRICS_TOKEN (bearer); 404 when no token is configured.
  { kind: "route", method: "GET", path: "/api/metrics", file: "app/api/metrics/route.ts", allowed: [], note: "Prometheus metrics; bearer METRICS_TOKEN only, 404 when unset" },
  { kind: "page", path: "/signin", file: "app/(auth)/signin/page.tsx", allowed: EVERYONE, note: "sign-in form" },
  { kind: "page", path: "/no-access", file: "app/(auth)/no-access/page.tsx", allowed: EVERYONE, note: "shown after a wrong-role redirect" },
  { kind: "route", method: "GET", path: "/api/auth/session", file: "app/api/auth/[...nextauth]/route.ts", allowed: EVERYONE, note: "Auth.js endpoints (session, csrf, callbacks)" },
  { kind: "action", file: "app/(auth)/actions.ts", name: "signInAction", allowed: EVERYONE, note: "the way in; a point taken per account+client, client and account before the password is checked" },
  { kind: "action", file: "app/(auth)/actions.ts", name: "signOutAction", allowed: EVERYONE, note: "ends the account's sessions (sessionVersion bump): the old token is refused" },
  { kind: "page", path: "/account/password", file: "app/(auth)/account/password/page.tsx", allowed: STAFF, note: "choose a new password; the first administrator can open nothing else until they have" },
  { kind: "action", file: "app/(auth)/actions.ts", name: "changePasswordAction", allowed: STAFF, note: "own password only; current password checked under the sign-in limits" },
  { kind: "action", file: "app/(auth)/actions.ts", name: "ssoSignInAction", allowed: EVERYONE, note: "starts single sign-on when configured" },
  // Clinicians: the review queue and cases.
  { kind: "page", path: "/review", file: "app/(clinician)/review/page.tsx", allowed: ["CLINICIAN"], note: "case queue" },
  { kind: "page", path: "/review/{caseId}", file: "app/(clinician)/review/[id]/page.tsx", allowed: ["CLINICIAN"], note: "one case" },
  { kind: "route", method: "GET", path: "/api/review/queue-version", file: "app/api/review/queue-version/route.ts", allowed: ["CLINICIAN"], note: "live queue poll" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "claimCaseAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "releaseCaseAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "setStatusAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "addNoteAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "saveLabelsAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "deleteCaseAction", allowed: ["CLINICIAN"], note: "" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "previewMessageAction", allowed: ["CLINICIAN"], note: "contact guard + anonymizer; stores nothing" },
  { kind: "action", file: "app/(clinician)/review/actions.ts", name: "writeToPersonAction", allowed: ["CLINICIAN"], note: "the claim holder only; contact guard + anonymizer again; audited" },
  { kind: "page", path: "/dashboard", file: "app/(clinician)/dashboard/page.tsx", allowed: ["CLINICIAN", "ADMIN"], note: "aggregate figures only" },
  // Outreach workers (and admins): batch triage.
  { kind: "page", path: "/outreach", file: "app/(outreach)/outreach/page.tsx", allowed: ["OUTREACH", "ADMIN"], note: "batch triage" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "classifyChunk", allowed: ["OUTREACH", "ADMIN"], note: "" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "saveRow", allowed: ["OUTREACH", "ADMIN"], note: "explicit save of one row" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "createBatch", allowed: ["OUTREACH", "ADMIN"], note: "a batch over 200 posts; rate limited for all its posts" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "addBatchPart", allowed: ["OUTREACH", "ADMIN"], note: "own batch only; posts sealed (AES-256-GCM) until the job ends" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "startBatch", allowed: ["OUTREACH", "ADMIN"], note: "own batch only; queues its job in the same transaction" },
  { kind: "action", file: "app/(outreach)/outreach/actions.ts", name: "pollBatch", allowed: ["OUTREACH", "ADMIN"], note: "own batch only; progress and results, deleted once received" },
  // Administrators: people and the audit trail.
  { kind: "page", path: "/admin", file: "app/(admin)/admin/page.tsx", allowed: ["ADMIN"], note: "people" },
  { kind: "page", path: "/admin/audit", file: "app/(admin)/admin/audit/page.tsx", allowed: ["ADMIN"], note: "audit trail" },
  { kind: "action", file: "app/(admin)/admin/actions.ts", name: "createUserAction", allowed: ["ADMIN"], note: "" },
  { kind: "action", file: "app/(admin)/admin/actions.ts", name: "setDisabledAction", allowed: ["ADMIN"], note: "" },
  { kind: "action", file: "app/(admin)/admin/actions.ts", name: "resetPasswordAction", allowed: ["ADMIN"], note: "" },
  // Test harness page: exists only on the e2e server (LANTERN_E2E=1), a 404 everywhere else.
  { kind: "page", path: "/e2e/resources", file: "app/e2e/resources/page.tsx", allowed: [], note: "404 outside the browser tests" },
];

const LABEL: Record<Actor, string> = { anonymous: "anyone", ADMIN: "admin", CLINICIAN: "clinician", OUTREACH: "outreach" };

export function accessTableMarkdown(): string {
  const rows = ACCESS_TABLE.map((e) => {
    const what = e.kind === "action" ? `action \`${e.name}\` (${e.file})` : e.kind === "route" ? `${e.method} \`${e.path}\`` : `page \`${e.path}\``;
    const who = e.allowed.length === 0 ? "nobody (404)" : e.allowed.includes("anonymous") ? "anyone" : e.allowed.map((a) => LABEL[a]).join(", ");
    return `| ${what} | ${who} | ${e.note} |`;
  });
  return ["| Page, endpoint or server action | Allowed | Note |", "|---|---|---|", ...rows].join("\n");
}
