// Cross-site request check for every state-changing request (server actions and API route handlers).
// Next already refuses server actions whose Origin differs from the host; route handlers get no such
// check, so the proxy applies one rule to both. Requests without an Origin (curl, the load bench) carry
// no victim's cookies and are left to each handler's own auth check, as Next does.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossOriginWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "cross-site";
  if (origin === "null") return true; // sandboxed frames, data: URLs
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !host || originHost.toLowerCase() !== host.toLowerCase();
}
