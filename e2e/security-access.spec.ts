import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ACCESS_TABLE, ACTORS, type AccessEntry, type Actor } from "@/lib/security/access-table";
import { actionId, authFile, callAction, staff } from "./support/staff/fixture";

// Walks the one access table (lib/security/access-table.ts, also rendered in the README) as an anonymous
// visitor and as each role, against the production server: every page, route handler and server action.

const STORAGE: Record<Exclude<Actor, "anonymous">, string> = {
  ADMIN: authFile("admin"),
  CLINICIAN: authFile("clinician"),
  OUTREACH: authFile("outreach"),
};

async function contextFor(actor: Actor, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: actor === "anonymous" ? undefined : STORAGE[actor] });
}

function concretePath(path: string): string {
  return path.replace("{caseId}", staff().cases.target.id);
}

/** "denied" when the app refused this actor, "allowed" when it served it, with the evidence. */
async function probe(ctx: APIRequestContext, entry: AccessEntry): Promise<{ verdict: "allowed" | "denied"; evidence: string }> {
  if (entry.kind === "page") {
    const res = await ctx.get(concretePath(entry.path), { maxRedirects: 0 });
    const location = res.headers()["location"] ?? "";
    const evidence = `${res.status()} ${location}`;
    if (res.status() >= 500) return { verdict: "denied", evidence: `server error ${evidence}` };
    if (res.status() >= 300 && res.status() < 400 && /\/(signin|no-access)(\?|$)/.test(location)) return { verdict: "denied", evidence };
    if ([401, 403, 404].includes(res.status())) return { verdict: "denied", evidence };
    return { verdict: "allowed", evidence };
  }
  if (entry.kind === "route") {
    const res =
      entry.method === "GET"
        ? await ctx.get(entry.path, { maxRedirects: 0 })
        : await ctx.post(entry.path, { data: {}, maxRedirects: 0 });
    const evidence = String(res.status());
    if ([401, 403].includes(res.status())) return { verdict: "denied", evidence };
    expect(res.status(), `${entry.method} ${entry.path} must not fail with a server error`).toBeLessThan(500);
    return { verdict: "allowed", evidence };
  }
  // Role-bound actions: an empty input is refused as "invalid" when the caller may use the action, and as
  // "unauthenticated"/"forbidden" (before the input is even looked at) when not. Nothing changes either way.
  const { status, text } = await callAction(ctx, entry.file, entry.name, [{}]);
  const kind = /"kind":"(\w+)"/.exec(text)?.[1] ?? `status ${status}`;
  return { verdict: kind === "unauthenticated" || kind === "forbidden" ? "denied" : "allowed", evidence: kind };
}

// Public actions take form data (checkPost), or only sign in/out: nothing to refuse, so the walk checks
// they exist in the build; the self-check and sign-in specs exercise them.
const walked = ACCESS_TABLE.filter((e) => e.allowed.length > 0 && !(e.kind === "action" && e.allowed.includes("anonymous")));

test.describe("access table", () => {
  for (const actor of ACTORS) {
    test(`as ${actor === "anonymous" ? "an anonymous visitor" : actor}`, async ({ baseURL }) => {
      const ctx = await contextFor(actor, baseURL!);
      const wrong: string[] = [];
      for (const entry of walked) {
        const expected = entry.allowed.includes(actor) ? "allowed" : "denied";
        const { verdict, evidence } = await probe(ctx, entry);
        if (verdict !== expected) {
          const what = entry.kind === "action" ? `${entry.file}#${entry.name}` : `${entry.kind === "route" ? entry.method : "GET"} ${entry.path}`;
          wrong.push(`${what}: expected ${expected}, got ${verdict} (${evidence})`);
        }
      }
      await ctx.dispose();
      expect(wrong).toEqual([]);
    });
  }

  test("public server actions in the table exist in the production build", () => {
    for (const e of ACCESS_TABLE) if (e.kind === "action" && e.allowed.includes("anonymous")) expect(actionId(e.file, e.name)).toMatch(/^[0-9a-f]{40,}$/);
  });
});
