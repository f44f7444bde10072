// Which address a request comes from, decided once by the front server (scripts/serve.mjs) from the socket.
// Plain JavaScript so the server can use it without a build step; the app reads the result from one header.
import { isIP } from "node:net";

/** The header the front server sets on every request (any copy the client sent is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-lantern-client-address";

/** An IP address without port, brackets or IPv4-mapped prefix, lower-cased; null when it is not an IP address. */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return null;
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, ""); // IPv6 zone id
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : null;
}

/**
 * The client's address. With no trusted proxy (hops 0, the default) it is the socket's peer, and X-Forwarded-For
 * is ignored: anyone can write that header. Behind `hops` proxies that each append the address they saw, it is the
 * entry that many places from the right (entries further left were written by the client). A header shorter than
 * that did not come through every proxy, so the socket's peer is used: a misconfiguration then limits the
 * proxy as one client instead of letting clients choose their own key.
 */
export function clientAddressFrom(socketAddress, forwardedFor, hops) {
  const socket = normalizeAddress(socketAddress) ?? "unknown";
  if (!hops) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length < hops) return socket;
  return normalizeAddress(entries[entries.length - hops]) ?? socket;
}

/**
 * What a limiter counts: an IPv4 address, or an IPv6 address's /64 (one subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would let one client rotate through 2^64 keys).
 */
export function rateLimitSubject(address) {
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address) {
  let text = address;
  // An embedded IPv4 tail (::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.padStart(4, "0"));
}

/** TRUSTED_PROXY_HOPS, validated: a whole number from 0 to 10 (default 0). */
export function readTrustedProxyHops(value) {
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}").`);
  }
  return n;
}

/**
 * A Node request listener that stamps every request with its client address (replacing whatever the client sent
 * in that header, X-Forwarded-For and X-Real-IP), then hands it to `handle` (Next's request handler).
 */
export function withClientAddress(handle, hops) {
  return (req, res) => {
    const address = clientAddressFrom(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    req.headers["x-forwarded-for"] = address;
    req.headers["x-real-ip"] = address;
    return handle(req, res);
  };
}
