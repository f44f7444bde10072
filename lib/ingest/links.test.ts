import { describe, expect, it } from "vitest";
import { parseLink } from "./links";
import { LinkError } from "./errors";

function problemOf(raw: string): string {
  try {
    parseLink(raw);
    return "ok";
  } catch (err) {
    return err instanceof LinkError ? err.problem : `unexpected: ${String(err)}`;
  }
}

describe("parseLink: Reddit", () => {
  it.each([
    ["https://www.reddit.com/r/depression/comments/1cebxh/my_wife_passed_away/", "1cebxh"],
    ["https://old.reddit.com/r/self/comments/1cebxh/slug", "1cebxh"],
    ["reddit.com/r/self/comments/1CEBXH/slug/?utm_source=share", "1cebxh"],
    ["http://m.reddit.com/r/self/comments/1cebxh/", "1cebxh"],
    ["https://www.reddit.com/comments/1cebxh", "1cebxh"],
    ["https://www.reddit.com/user/someone/comments/1cebxh/x/", "1cebxh"],
    ["https://redd.it/1cebxh", "1cebxh"],
  ])("%s", (raw, id) => {
    const link = parseLink(raw);
    expect(link.platform).toBe("reddit");
    if (link.platform !== "reddit" || link.kind === "share") throw new Error("expected a post");
    expect(link.postId).toBe(id);
    expect(link.apiUrl.toString()).toBe(`https://www.reddit.com/comments/${id}/.json?raw_json=1`);
  });

  it("reads comment permalinks", () => {
    const link = parseLink("https://www.reddit.com/r/test/comments/testpost/test/testc2/?context=3");
    expect(link).toMatchObject({ platform: "reddit", kind: "comment", postId: "testpost", commentId: "testc2" });
    if (link.platform === "reddit" && link.kind === "comment") expect(link.apiUrl.pathname).toBe("/comments/testpost/_/testc2/.json");
  });

  it("recognises share links, to be resolved by one guarded redirect", () => {
    const link = parseLink("https://www.reddit.com/r/test/s/AbC123xyz");
    expect(link).toMatchObject({ platform: "reddit", kind: "share" });
  });

  it("refuses Reddit pages that are not one post", () => {
    expect(problemOf("https://www.reddit.com/r/depression/")).toBe("not_a_post");
    expect(problemOf("https://www.reddit.com/")).toBe("not_a_post");
    expect(problemOf("https://redd.it/")).toBe("not_a_post");
  });
});

describe("parseLink: Mastodon and Bluesky", () => {
  it("maps status links to the public API", () => {
    for (const raw of [
      "https://fosstodon.org/@schochastics/114620457512351116",
      "https://fosstodon.org/@schochastics@fosstodon.org/114620457512351116",
      "https://fosstodon.org/users/schochastics/statuses/114620457512351116",
      "https://fosstodon.org/web/statuses/114620457512351116",
    ]) {
      const link = parseLink(raw);
      expect(link.platform === "mastodon" && link.apiUrl.toString(), raw).toBe("https://fosstodon.org/api/v1/statuses/114620457512351116");
    }
  });

  it("maps bsky.app post links to getPostThread on the public AppView", () => {
    const link = parseLink("https://bsky.app/profile/someone.bsky.social/post/3k7qmjev5lr2s");
    if (link.platform !== "bluesky") throw new Error("expected bluesky");
    expect(link.apiUrl.host).toBe("public.api.bsky.app");
    expect(link.apiUrl.searchParams.get("uri")).toBe("at://someone.bsky.social/app.bsky.feed.post/3k7qmjev5lr2s");
    expect(parseLink("https://bsky.app/profile/did:plc:ic6zqvuw5ulmfpjiwnhsr2ns/post/3k7qmjev5lr2s").platform).toBe("bluesky");
  });

  it("refuses unknown instances and non-post pages", () => {
    expect(problemOf("https://evil-instance.example/@x/114620457512351116")).toBe("unsupported_host");
    expect(problemOf("https://fosstodon.org/@schochastics")).toBe("not_a_post");
    expect(problemOf("https://bsky.app/profile/someone.bsky.social")).toBe("not_a_post");
  });
});

describe("parseLink: hostile links", () => {
  it.each([
    ["file:///etc/passwd", "invalid"],
    ["javascript:alert(1)", "invalid"],
    ["data:text/html,<script>alert(1)</script>", "invalid"],
    ["ftp://reddit.com/r/x/comments/abc/", "invalid"],
    ["http://127.0.0.1/comments/abc/", "blocked_address"],
    ["https://127.0.0.1:3100/api/health", "blocked_address"],
    ["https://[::1]/", "blocked_address"],
    ["https://2130706433/", "blocked_address"],
    ["https://0x7f.1/", "blocked_address"],
    ["https://169.254.169.254/latest/meta-data/", "blocked_address"],
    ["https://user:pass@www.reddit.com/r/x/comments/abc/", "blocked_address"],
    ["https://www.reddit.com:8443/r/x/comments/abc/", "blocked_address"],
    ["https://www.reddit.com.evil.example/r/x/comments/abc/", "unsupported_host"],
    ["https://evilreddit.com/r/x/comments/abc/", "unsupported_host"],
    ["http://example.com/", "invalid"],
    ["not a link at all", "invalid"],
    ["", "invalid"],
    [`https://www.reddit.com/${"a".repeat(5000)}`, "invalid"],
  ])("%s -> %s", (raw, problem) => {
    expect(problemOf(raw)).toBe(problem);
  });
});
