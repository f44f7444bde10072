import { expect, test } from "@playwright/test";
import { actionId } from "./support/staff/fixture";

// The production server's headers, checked in a real browser: the nonce CSP must not break Next's own
// scripts (the page hydrates, no CSP violation is reported), and cross-site writes are refused.

test("pages carry a per-request nonce CSP that Next's scripts honour, plus the other security headers", async ({ page, request }) => {
  await page.addInitScript(() => {
    (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script Next emitted carries this response's nonce (external chunks load via 'strict-dynamic').
  const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const n of scriptNonces) expect(n).toBe(nonce);

  // The client runtime started (hydration would fail silently if CSP blocked it).
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);

  // A fresh nonce per request.
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  // API responses get the headers too.
  const health = await request.get("/api/health");
  expect(health.headers()["x-frame-options"]).toBe("DENY");
});

test("cross-origin writes are refused before any server action or route handler runs", async ({ request, baseURL }) => {
  const evil = { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const action = await request.post("/", { headers: evil, data: "[]" });
  expect(action.status()).toBe(403);
  expect(await action.text()).not.toMatch(/at \w+ \(|node_modules/);

  // A real action (the public self-check) from another site, and from a sandboxed frame (Origin: null).
  const real = { ...evil, "next-action": actionId("app/(public)/actions.ts", "checkPost"), accept: "text/x-component" };
  for (const origin of ["https://evil.example", "null", `${baseURL!.replace("127.0.0.1", "localhost")}`]) {
    const res = await request.post("/", { headers: { ...real, origin }, data: "[null,{}]" });
    expect(res.status(), origin).toBe(403);
  }

  const api = await request.post("/api/health", { headers: { origin: "https://evil.example" }, data: {} });
  expect(api.status()).toBe(403);

  // The same request from our own origin passes the check and reaches Next (which then finds no such action).
  const sameOrigin = await request.post("/", { headers: { ...evil, origin: baseURL! }, data: "[]" });
  expect(sameOrigin.status()).not.toBe(403);
});
