import { describe, expect, it } from "vitest";
import { createNonce, securityHeaders } from "./headers";

function directives(csp: string) {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );
}

describe("security headers", () => {
  it("builds a nonce CSP without unsafe-inline scripts, and forbids framing", () => {
    const nonce = createNonce();
    const h = securityHeaders({ nonce, production: true });
    const csp = directives(h.get("content-security-policy")!);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("referrer-policy")).toBe("no-referrer");
    expect(h.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(h.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends HSTS in production only", () => {
    expect(securityHeaders({ nonce: "n", production: true }).get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(securityHeaders({ nonce: "n", production: false }).get("strict-transport-security")).toBeNull();
  });

  it("makes a fresh, unguessable nonce each time in the form Next's parser accepts", () => {
    const seen = new Set(Array.from({ length: 1000 }, createNonce));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
