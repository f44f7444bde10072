/**
 * Limits and allow-lists for reading posts from links. Mastodon is federated, so only well-known instances are
 * listed; an operator can add more with LANTERN_MASTODON_HOSTS (comma-separated host names).
 */
import { readEnv } from "@/lib/env";
export const LINK_LIMITS = {
  timeoutMs: 5_000,
  maxBytes: 1_000_000,
  maxRedirects: 3,
  maxUrlLength: 2_048,
} as const;

export const REDDIT_HOSTS = ["reddit.com", "www.reddit.com", "old.reddit.com", "new.reddit.com", "np.reddit.com", "m.reddit.com", "i.reddit.com", "redd.it"];
export const REDDIT_API_HOST = "www.reddit.com";

export const BLUESKY_HOSTS = ["bsky.app", "www.bsky.app"];
export const BLUESKY_API_HOST = "public.api.bsky.app";

export const DEFAULT_MASTODON_HOSTS = [
  "mastodon.social",
  "mastodon.online",
  "mas.to",
  "mstdn.social",
  "mastodon.world",
  "fosstodon.org",
  "hachyderm.io",
  "infosec.exchange",
  "techhub.social",
  "universeodon.com",
  "mastodon.ie",
  "mastodon.scot",
  "mastodon.nz",
  "aus.social",
  "mstdn.ca",
  "toot.community",
  "social.vivaldi.net",
  "mastodon.art",
  "sfba.social",
];

export function mastodonHosts(): string[] {
  const extra = (readEnv().LANTERN_MASTODON_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(h));
  return [...DEFAULT_MASTODON_HOSTS, ...extra];
}

/** Every host the fetcher may connect to, including redirect targets. */
export function allowedFetchHosts(): Set<string> {
  return new Set([...REDDIT_HOSTS, REDDIT_API_HOST, BLUESKY_API_HOST, ...mastodonHosts()]);
}

export const USER_AGENT = "Lantern/0.1 (self-check; reads one public post on request)";
