// Request latency for Prometheus, measured by the front server (scripts/serve.mjs) around Next's handler: from the
// request's arrival to the end of its response, streamed answers included. The route label is the app's route
// template from the build's routes manifest ("/review/[id]", never "/review/3f2a..."); anything that matches no
// route (404s, probes for random paths) is "other", so no URL can add a series.
import { readFileSync } from "node:fs";
import path from "node:path";
import { lanternMetrics } from "./registry.mjs";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A function from a URL path to its route template, built from `<distDir>/routes-manifest.json`. */
export function routeLabeler(distDir) {
  let manifest = { staticRoutes: [], dynamicRoutes: [] };
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
  } catch {
    // no build manifest (never in production): every request is "other"
  }
  const statics = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (rawPath) => {
    const pathname = pagePath(rawPath);
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (statics.has(pathname)) return pathname;
    for (const { page, regex } of dynamics) if (regex.test(pathname)) return page;
    return "other";
  };
}

/** The page a request is for: without the query, and without the suffixes of the router's prefetches (.rsc, segments). */
function pagePath(rawPath) {
  let pathname = (rawPath ?? "/").split("?", 1)[0] || "/";
  const segments = pathname.indexOf(".segments/");
  if (segments >= 0) pathname = pathname.slice(0, segments);
  if (pathname.endsWith(".rsc")) pathname = pathname.slice(0, -4);
  if (pathname === "/index") return "/";
  if (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
  return pathname;
}

/** Starts timing one request; the observation is recorded when its response ends or its connection closes. */
export function observeRequest(req, res, labelRoute) {
  const metrics = lanternMetrics();
  const started = process.hrtime.bigint();
  metrics.httpInFlight.inc();
  res.once("close", () => {
    metrics.httpInFlight.dec();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = METHODS.has(req.method) ? req.method : "other";
    // The status the client was sent, even if it left before the end; "aborted" if it left before any answer.
    const status = res.headersSent ? String(res.statusCode) : "aborted";
    metrics.httpDuration.observe({ method, route: labelRoute(req.url), status }, seconds);
  });
}
