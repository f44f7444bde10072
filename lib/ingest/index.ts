import { blueskyText, readBlueskyStatus } from "./bluesky";
import { LinkError } from "./errors";
import { guardedFetch } from "./guarded-fetch";
import { parseLink, type PostLink } from "./links";
import { mastodonText, readMastodonStatus } from "./mastodon";
import { readRedditStatus, redditText } from "./reddit";
import { defaultTransport, type Transport } from "./transport";

export { LinkError, type LinkProblem } from "./errors";
export { parseLink, type PostLink } from "./links";
export { checkPostText, POST_LIMITS, type CheckedText } from "./text";

export interface FetchedPost {
  platform: PostLink["platform"];
  /** The post's words only: no author, no link, no ids (none of those may be stored). */
  text: string;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (cause) {
    throw new LinkError("unreachable", { cause });
  }
}

/**
 * Reads the text of one public Reddit, Mastodon or Bluesky post from its link, server-side, with every guard
 * (see guarded-fetch.ts). Throws LinkError with kind words for anything that stops it.
 */
export async function fetchPostFromLink(raw: string, transport: Transport = defaultTransport()): Promise<FetchedPost> {
  let link = parseLink(raw);

  if (link.platform === "reddit" && link.kind === "share") {
    const first = await guardedFetch(link.shareUrl, { transport, followRedirects: false });
    if (!first.location) throw new LinkError(first.status === 404 ? "not_found" : "not_a_post");
    link = parseLink(first.location.toString());
    if (link.platform !== "reddit" || link.kind === "share") throw new LinkError("not_a_post");
  }

  const page = await guardedFetch(link.apiUrl, { transport, followRedirects: true });
  switch (link.platform) {
    case "reddit":
      readRedditStatus(page.status);
      return { platform: "reddit", text: redditText(parseJson(page.body), link.commentId) };
    case "mastodon":
      readMastodonStatus(page.status);
      return { platform: "mastodon", text: mastodonText(parseJson(page.body)) };
    case "bluesky":
      readBlueskyStatus(page.status, page.body);
      return { platform: "bluesky", text: blueskyText(parseJson(page.body)) };
  }
}
