import { expect, test } from "@playwright/test";
import { SelfCheckPage } from "./self-check.page";

// Links are read from e2e/support/servers/link-fixtures.mjs: a loopback stand-in for Reddit, Mastodon and Bluesky
// serving the real responses in ../shared/fixtures, reached through the app's guarded fetcher in test mode.

test("a Reddit link is read server-side and the crisis card shows for a post in crisis", async ({ page }) => {
  const sc = new SelfCheckPage(page);
  await sc.goto();
  await sc.check({ link: "https://www.reddit.com/r/test/comments/sad001/im_done/", country: "GB" });
  await expect(sc.crisisCard).toBeVisible();
  await expect(sc.crisisCard.getByRole("link", { name: "Call 116 123" })).toBeVisible();
  await page.getByText("The text we read").click();
  await expect(page.getByTestId("text-read")).toContainText("goodbye letters");
});

test("a Reddit share link, a Mastodon status and a Bluesky post are read", async ({ page }) => {
  const sc = new SelfCheckPage(page);
  for (const [link, words] of [
    ["https://www.reddit.com/r/test/s/share123", "Hello"],
    ["https://fosstodon.org/@someone/114620457512351116", "Super grateful"],
    ["https://bsky.app/profile/someone.bsky.social/post/3k7qmjev5lr2s", "Excited to be a speaker"],
  ] as const) {
    await sc.goto();
    await sc.check({ link });
    expect(await sc.outcome(), link).not.toBe("invalid");
    await page.getByText("The text we read").click();
    await expect(page.getByTestId("text-read")).toContainText(words);
  }
});

test.describe("links that can't be read get a clear message and the paste option", () => {
  for (const [label, link, words] of [
    ["removed by a moderator", "https://www.reddit.com/r/oddlysatisfying/comments/151unk5/bronze/", "was removed"],
    ["deleted by its author", "https://www.reddit.com/r/test/comments/dele01/x/", "deleted by its author"],
    ["NSFW", "https://www.reddit.com/r/test/comments/nsfw01/x/", "adult (NSFW)"],
    ["private", "https://www.reddit.com/r/test/comments/priv01/x/", "isn't public"],
    ["missing", "https://www.reddit.com/r/test/comments/gone01/x/", "couldn't find that post"],
    ["a site we don't read", "https://example.com/some/post", "Reddit, Mastodon and Bluesky"],
    ["file:", "file:///etc/passwd", "doesn't look like a web link"],
    ["javascript:", "javascript:alert(document.domain)", "doesn't look like a web link"],
    ["loopback", "http://127.0.0.1:3100/api/health", "can't open that link"],
    ["an IP literal", "https://169.254.169.254/latest/meta-data/", "can't open that link"],
    ["a redirect to an internal host", "https://www.reddit.com/r/test/comments/evil01/x/", "can't open that link"],
    ["a redirect to an allowed host that resolves privately", "https://www.reddit.com/r/test/comments/evil04/x/", "can't open that link"],
    ["a huge response", "https://www.reddit.com/r/test/comments/huge01/x/", "larger than we can read"],
  ] as const) {
    test(label, async ({ page }) => {
      const sc = new SelfCheckPage(page);
      const dialogs = sc.watchDialogs();
      await sc.goto();
      await sc.check({ link, consent: true });
      expect(await sc.outcome()).toBe("invalid");
      await expect(sc.message).toContainText(words);
      await expect(sc.message).toContainText("paste it in the box instead");
      await expect(page.getByTestId("case-nothing-saved")).toBeVisible();
      await expect(sc.link).toHaveAttribute("aria-invalid", "true");
      expect(dialogs()).toBe(0);
    });
  }
});

test("HTML in a fetched post is shown as text, never run", async ({ page }) => {
  const sc = new SelfCheckPage(page);
  const dialogs = sc.watchDialogs();
  await sc.goto();
  await sc.check({ link: "https://www.reddit.com/r/test/comments/html01/x/" });
  await page.getByText("The text we read").click();
  await expect(page.getByTestId("text-read")).toContainText("<script>alert(1)</script>");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(dialogs()).toBe(0);
});
