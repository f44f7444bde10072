/**
 * Where a person may be sent after signing in: a path on this site, nothing else. Browsers strip tabs and
 * newlines from URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would leave the site once
 * the browser has tidied them; and a newline in a Location header fails the response. So control characters and
 * backslashes are refused outright, then the path must resolve to the base's own origin. The answer is the
 * resolved path (pathname, query, fragment), never the text as given. Client-safe: no server imports.
 */
const PLACEHOLDER_ORIGIN = "https://lantern.invalid";
// C0 controls, DEL, C1 controls, and the backslash.
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\]/;
const MAX_LENGTH = 2_000;

/** The same-origin path `url` points to, resolved against `base`, or null when it would leave the origin. */
export function sameOriginPath(url: string, base: string): string | null {
  if (url.length > MAX_LENGTH || REFUSED.test(url)) return null;
  let origin: string;
  let resolved: URL;
  try {
    origin = new URL(base).origin;
    resolved = new URL(url, base);
  } catch {
    return null;
  }
  if (resolved.origin !== origin) return null;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (resolved.pathname.startsWith("//")) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** A callbackUrl from a query string or form: a same-origin path starting with one "/", else "/". */
export function safeCallbackPath(path: string | null | undefined): string {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) return "/";
  return sameOriginPath(path, PLACEHOLDER_ORIGIN) ?? "/";
}
