import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isBlockedAddress, isIpLiteralHost } from "./address-guard";
import { LINK_LIMITS, USER_AGENT, allowedFetchHosts } from "./config";
import { LinkError } from "./errors";
import type { Transport } from "./transport";

export interface FetchedPage {
  status: number;
  url: URL;
  body: string;
  /** Set when the response was a redirect we were asked not to follow. */
  location?: URL;
}

export interface GuardedFetchOptions {
  transport: Transport;
  /** Follow redirects (each hop re-checked), or hand the first redirect back to the caller. */
  followRedirects?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Refuses anything but https to an allow-listed host name on the default port, without credentials. */
export function assertFetchableUrl(url: URL): void {
  if (url.protocol !== "https:") throw new LinkError("blocked_address");
  if (url.username || url.password) throw new LinkError("blocked_address");
  if (url.port && url.port !== "443") throw new LinkError("blocked_address");
  if (isIpLiteralHost(url.hostname)) throw new LinkError("blocked_address");
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!allowedFetchHosts().has(host)) throw new LinkError("unsupported_host");
}

/**
 * GET one allow-listed https URL with every guard: host allow-list per hop, DNS answers checked against private,
 * loopback and link-local ranges (the socket connects to the checked address, so a second DNS answer can't
 * swap it), a total time limit and a byte cap. Status codes are returned, not thrown: the platform decides.
 */
export async function guardedFetch(start: URL, options: GuardedFetchOptions): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? LINK_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? LINK_LIMITS.maxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = start;
    for (let hop = 0; ; hop++) {
      assertFetchableUrl(url);
      const address = await resolveSafely(url.hostname, options.transport, controller.signal);
      const page = await requestOnce(url, address, options.transport, controller.signal, maxBytes);
      if (!page.location) return page;
      if (!options.followRedirects) return page;
      if (hop >= LINK_LIMITS.maxRedirects) throw new LinkError("unreachable");
      url = page.location;
    }
  } catch (err) {
    if (err instanceof LinkError) throw err;
    throw new LinkError("unreachable", { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

async function resolveSafely(hostname: string, transport: Transport, signal: AbortSignal): Promise<string> {
  const addresses = await Promise.race([
    transport.resolve(hostname),
    new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("timeout")), { once: true })),
  ]).catch((err: unknown) => {
    throw new LinkError("unreachable", { cause: err });
  });
  if (addresses.length === 0) throw new LinkError("unreachable");
  // One bad answer spoils the lot: a resolver mixing public and private answers is a rebinding attempt.
  if (addresses.some(isBlockedAddress)) throw new LinkError("blocked_address");
  return addresses[0] as string;
}

function requestOnce(url: URL, address: string, transport: Transport, signal: AbortSignal, maxBytes: number): Promise<FetchedPage> {
  return new Promise<FetchedPage>((resolve, reject) => {
    const headers = { "user-agent": USER_AGENT, accept: "application/json", "accept-encoding": "identity", host: url.host };
    const pinnedLookup: LookupFunction = (_host, opts, cb) => {
      const family = address.includes(":") ? 6 : 4;
      if (opts && (opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else cb(null, address, family);
    };
    const fixture = transport.fixtureOrigin;
    const req = fixture
      ? http.request({
          host: fixture.hostname.replace(/^\[|\]$/g, ""),
          port: fixture.port,
          path: url.pathname + url.search,
          method: "GET",
          headers,
          signal,
        })
      : https.request({
          host: url.hostname,
          servername: url.hostname,
          port: 443,
          path: url.pathname + url.search,
          method: "GET",
          headers,
          lookup: pinnedLookup,
          signal,
        });
    req.on("error", (err) => reject(err));
    // A slow body must end at the deadline too, not only a slow connection.
    signal.addEventListener("abort", () => reject(new LinkError("unreachable")), { once: true });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        let location: URL;
        try {
          location = new URL(res.headers.location, url);
        } catch {
          reject(new LinkError("unreachable"));
          return;
        }
        resolve({ status, url, body: "", location });
        return;
      }
      const declared = Number(res.headers["content-length"] ?? 0);
      if (declared > maxBytes) {
        res.destroy();
        reject(new LinkError("too_large"));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new LinkError("too_large"));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => resolve({ status, url, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (err) => reject(err));
    });
    req.end();
  });
}
