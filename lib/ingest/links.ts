import { BLUESKY_API_HOST, BLUESKY_HOSTS, LINK_LIMITS, REDDIT_API_HOST, REDDIT_HOSTS, mastodonHosts } from "./config";
import { LinkError } from "./errors";
import { isIpLiteralHost } from "./address-guard";

/** A link the user gave, understood: which platform, and the public JSON endpoint that returns the post. */
export type PostLink =
  | { platform: "reddit"; kind: "post" | "comment"; postId: string; commentId?: string; apiUrl: URL }
  | { platform: "reddit"; kind: "share"; shareUrl: URL }
  | { platform: "mastodon"; host: string; statusId: string; apiUrl: URL }
  | { platform: "bluesky"; actor: string; rkey: string; apiUrl: URL };

const REDDIT_ID = /^[a-z0-9]{1,12}$/i;

/**
 * Parses a pasted link without touching the network. Refuses anything that isn't https to a known host
 * (file:, javascript:, data:, IP literals, other ports, credentials) before a single byte is fetched.
 */
export function parseLink(raw: string): PostLink {
  const text = raw.trim();
  if (!text || text.length > LINK_LIMITS.maxUrlLength) throw new LinkError("invalid");
  // People paste "reddit.com/r/..." without the scheme; only then do we add https.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LinkError("invalid");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new LinkError("invalid");
  if (url.username || url.password || (url.port && url.port !== "443")) throw new LinkError("blocked_address");
  if (isIpLiteralHost(url.hostname)) throw new LinkError("blocked_address");
  if (url.protocol === "http:" && !isKnownHost(url.hostname)) throw new LinkError("invalid");
  // A known host over http is upgraded: we only ever fetch https.
  url.protocol = "https:";

  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  const segments = url.pathname.split("/").filter(Boolean).map(decodeSegment);

  if (REDDIT_HOSTS.includes(host)) return parseReddit(host, segments);
  if (mastodonHosts().includes(host)) return parseMastodon(host, segments);
  if (BLUESKY_HOSTS.includes(host)) return parseBluesky(segments);
  throw new LinkError("unsupported_host");
}

function isKnownHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return REDDIT_HOSTS.includes(host) || BLUESKY_HOSTS.includes(host) || mastodonHosts().includes(host);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function redditApi(postId: string, commentId?: string): URL {
  const path = commentId ? `/comments/${postId}/_/${commentId}/.json` : `/comments/${postId}/.json`;
  return new URL(`https://${REDDIT_API_HOST}${path}?raw_json=1`);
}

function parseReddit(host: string, segments: string[]): PostLink {
  if (host === "redd.it") {
    const id = segments[0];
    if (segments.length !== 1 || !id || !REDDIT_ID.test(id)) throw new LinkError("not_a_post");
    return { platform: "reddit", kind: "post", postId: id.toLowerCase(), apiUrl: redditApi(id.toLowerCase()) };
  }
  // Share links (/r/<sub>/s/<code>) redirect to the real permalink; the fetcher follows that one hop.
  if (segments.length === 4 && segments[0] === "r" && segments[2] === "s" && /^[A-Za-z0-9]{4,20}$/.test(segments[3] ?? "")) {
    return { platform: "reddit", kind: "share", shareUrl: new URL(`https://${REDDIT_API_HOST}/r/${segments[1]}/s/${segments[3]}`) };
  }
  const at = segments.indexOf("comments");
  const postId = at >= 0 ? segments[at + 1] : undefined;
  if (!postId || !REDDIT_ID.test(postId)) throw new LinkError("not_a_post");
  // /r/<sub>/comments/<post>/<slug>/<comment>/  (the comment id is after the slug)
  const commentId = segments[at + 3];
  if (commentId !== undefined && REDDIT_ID.test(commentId)) {
    return { platform: "reddit", kind: "comment", postId: postId.toLowerCase(), commentId: commentId.toLowerCase(), apiUrl: redditApi(postId.toLowerCase(), commentId.toLowerCase()) };
  }
  return { platform: "reddit", kind: "post", postId: postId.toLowerCase(), apiUrl: redditApi(postId.toLowerCase()) };
}

function parseMastodon(host: string, segments: string[]): PostLink {
  // /@user/<id>, /@user@remote/<id>, /users/<user>/statuses/<id>, /web/statuses/<id>, /web/@user/<id>
  const id = [...segments].reverse().find((s) => /^\d{1,20}$/.test(s));
  const shapeOk =
    (segments.length === 2 && segments[0]?.startsWith("@")) ||
    (segments.length === 4 && segments[0] === "users" && segments[2] === "statuses") ||
    (segments.length === 3 && segments[0] === "web" && (segments[1] === "statuses" || segments[1]?.startsWith("@")));
  if (!id || !shapeOk || segments[segments.length - 1] !== id) throw new LinkError("not_a_post");
  return { platform: "mastodon", host, statusId: id, apiUrl: new URL(`https://${host}/api/v1/statuses/${id}`) };
}

function parseBluesky(segments: string[]): PostLink {
  const [profile, actor, post, rkey] = segments;
  if (segments.length !== 4 || profile !== "profile" || post !== "post" || !actor || !rkey) throw new LinkError("not_a_post");
  const actorOk = /^did:(plc|web):[a-z0-9.:%-]{1,200}$/i.test(actor) || /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(actor);
  if (!actorOk || !/^[a-z0-9]{8,20}$/i.test(rkey)) throw new LinkError("not_a_post");
  const apiUrl = new URL(`https://${BLUESKY_API_HOST}/xrpc/app.bsky.feed.getPostThread`);
  apiUrl.searchParams.set("uri", `at://${actor}/app.bsky.feed.post/${rkey}`);
  apiUrl.searchParams.set("depth", "0");
  apiUrl.searchParams.set("parentHeight", "0");
  return { platform: "bluesky", actor, rkey, apiUrl };
}
