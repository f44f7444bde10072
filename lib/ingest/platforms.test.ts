import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { redditText } from "./reddit";
import { mastodonText } from "./mastodon";
import { blueskyText, readBlueskyStatus } from "./bluesky";
import { LinkError } from "./errors";
import { htmlToText } from "./html-text";

const shared = process.env.LANTERN_SHARED_DIR ?? path.resolve(import.meta.dirname, "../../../shared");
const load = (rel: string): unknown => JSON.parse(readFileSync(path.join(shared, "fixtures", rel), "utf8"));

function problemOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (err) {
    return err instanceof LinkError ? err.problem : `unexpected: ${String(err)}`;
  }
}

describe("Reddit responses (real fixtures)", () => {
  it("reads title and self text, without author or links", () => {
    expect(redditText(load("reddit/go-reddit-post-testpost.json"))).toBe("Test\n\nHello");
    const text = redditText(load("reddit/graw-thread-1cebxh.json"));
    expect(text).toMatch(/^my wife passed away eight months ago/);
    expect(text).toContain("I miss her so much.");
  });

  it("reads one nested comment from a comment permalink", () => {
    expect(redditText(load("reddit/go-reddit-post-testpost.json"), "testc2")).toBe("Hello");
    expect(problemOf(() => redditText(load("reddit/go-reddit-post-testpost.json"), "nosuch"))).toBe("not_found");
  });

  it("says a moderator-removed post was removed", () => {
    expect(problemOf(() => redditText(load("reddit/graw-thread-removed-by-moderator-151unk5.json")))).toBe("removed");
  });

  it("refuses NSFW, deleted and malformed threads", () => {
    const thread = load("reddit/go-reddit-post-testpost.json") as [{ data: { children: [{ data: Record<string, unknown> }] } }, unknown];
    const variant = (patch: Record<string, unknown>) => {
      const copy = structuredClone(thread);
      Object.assign(copy[0].data.children[0].data, patch);
      return copy;
    };
    expect(problemOf(() => redditText(variant({ over_18: true })))).toBe("nsfw");
    expect(problemOf(() => redditText(variant({ selftext: "[deleted]" })))).toBe("deleted");
    expect(problemOf(() => redditText(variant({ removed_by_category: "author" })))).toBe("deleted");
    expect(problemOf(() => redditText({ kind: "Listing" }))).toBe("unreachable");
  });
});

describe("Mastodon and Bluesky responses (real fixtures)", () => {
  it("turns a Mastodon status's HTML into text", () => {
    const text = mastodonText(load("mastodon/rtoot-get_status_anonymous.body.json"));
    expect(text).toMatch(/^Super grateful to have received an R Consortium grant/);
    expect(text).not.toMatch(/<|&lt;|class=/);
  });

  it("refuses non-public and adult-flagged statuses, keeps ordinary content warnings", () => {
    const status = load("mastodon/rtoot-get_status_anonymous.body.json") as Record<string, unknown>;
    expect(problemOf(() => mastodonText({ ...status, visibility: "private" }))).toBe("private");
    expect(problemOf(() => mastodonText({ ...status, sensitive: true, spoiler_text: "NSFW" }))).toBe("nsfw");
    expect(mastodonText({ ...status, sensitive: true, spoiler_text: "CW: depression" })).toMatch(/^CW: depression\n\nSuper grateful/);
  });

  it("reads a Bluesky post and its moderation labels", () => {
    const thread = load("bluesky/bskyr-f_postthread.body.json") as { thread: { post: Record<string, unknown> } };
    expect(blueskyText(thread)).toMatch(/^Excited to be a speaker/);
    const labelled = structuredClone(thread);
    labelled.thread.post.labels = [{ val: "porn" }];
    expect(problemOf(() => blueskyText(labelled))).toBe("nsfw");
    expect(problemOf(() => blueskyText({ thread: { $type: "app.bsky.feed.defs#notFoundPost" } }))).toBe("not_found");
    expect(problemOf(() => readBlueskyStatus(400, '{"error":"NotFound"}'))).toBe("not_found");
  });

  it("decodes entities safely", () => {
    expect(htmlToText("<p>a &amp; b &lt;3 &#x1F600; &#0; &#xD800;</p><p>c<br>d</p>")).toBe("a & b <3 😀 &#0; &#xD800;\n\nc\nd");
  });
});
