import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The same loopback stand-in the browser tests use, serving the real responses in ../shared/fixtures.
import { createLinkFixtureServer, FIXTURE_DNS, DISTRESS_POST } from "../../e2e/support/servers/link-fixtures.mjs";
import { fetchPostFromLink, LinkError } from "./index";
import type { Transport } from "./transport";
import { defaultTransport } from "./transport";

const server = createLinkFixtureServer();
let transport: Transport;

beforeAll(async () => {
  const origin = await server.listen();
  transport = {
    fixtureOrigin: new URL(origin),
    resolve: async (host) => FIXTURE_DNS[host] ?? ["151.101.1.140"],
  };
});
afterAll(() => server.close());

async function problemOf(link: string, t: Transport = transport): Promise<string> {
  try {
    await fetchPostFromLink(link, t);
    return "ok";
  } catch (err) {
    return err instanceof LinkError ? err.problem : `unexpected: ${String(err)}`;
  }
}

describe("fetchPostFromLink against the fixture server", () => {
  it("reads a Reddit post, a comment, a share link and a redd.it link", async () => {
    expect(await fetchPostFromLink("https://www.reddit.com/r/test/comments/testpost/test/", transport)).toEqual({ platform: "reddit", text: "Test\n\nHello" });
    expect((await fetchPostFromLink("https://old.reddit.com/r/test/comments/testpost/test/testc2/", transport)).text).toBe("Hello");
    expect((await fetchPostFromLink("https://www.reddit.com/r/test/s/share123", transport)).text).toBe("Test\n\nHello");
    expect((await fetchPostFromLink("https://redd.it/sad001", transport)).text).toContain(DISTRESS_POST);
    const requested = server.requests.map((r) => `${r.host}${r.path}`);
    expect(requested).toContain("www.reddit.com/comments/testpost/.json?raw_json=1");
  });

  it("reads a Mastodon status and a Bluesky post", async () => {
    expect((await fetchPostFromLink("https://fosstodon.org/@someone/114620457512351116", transport)).text).toMatch(/^Super grateful/);
    expect((await fetchPostFromLink("https://bsky.app/profile/someone.bsky.social/post/3k7qmjev5lr2s", transport)).text).toMatch(/^Excited/);
  });

  it.each([
    ["https://www.reddit.com/r/oddlysatisfying/comments/151unk5/bronze/", "removed"],
    ["https://www.reddit.com/r/test/comments/dele01/x/", "deleted"],
    ["https://www.reddit.com/r/test/comments/nsfw01/x/", "nsfw"],
    ["https://www.reddit.com/r/test/comments/priv01/x/", "private"],
    ["https://www.reddit.com/r/test/comments/gone01/x/", "not_found"],
    ["https://www.reddit.com/r/test/comments/notjs1/x/", "unreachable"],
    ["https://mastodon.social/@someone/404", "not_found"],
    ["https://bsky.app/profile/someone.bsky.social/post/3zzzzzzzzzzzz", "not_found"],
  ])("%s -> %s", async (link, problem) => {
    expect(await problemOf(link)).toBe(problem);
  });

  it.each([
    ["redirect to http://127.0.0.1", "https://www.reddit.com/r/test/comments/evil01/x/", "blocked_address"],
    ["redirect to the metadata address", "https://www.reddit.com/r/test/comments/evil02/x/", "blocked_address"],
    ["redirect off the allow-list", "https://www.reddit.com/r/test/comments/evil03/x/", "unsupported_host"],
    ["redirect to an allowed host resolving to 10.0.0.7", "https://www.reddit.com/r/test/comments/evil04/x/", "blocked_address"],
    ["redirect to an IPv4-mapped IPv6 literal", "https://www.reddit.com/r/test/comments/evil05/x/", "blocked_address"],
    ["share link to loopback", "https://www.reddit.com/r/test/s/evilshare", "blocked_address"],
    ["endless redirects", "https://www.reddit.com/r/test/comments/loop01/x/", "unreachable"],
  ])("refuses a %s", async (_label, link, problem) => {
    expect(await problemOf(link)).toBe(problem);
  });

  it("stops a 2 MB response at the 1 MB cap", async () => {
    expect(await problemOf("https://www.reddit.com/r/test/comments/huge01/x/")).toBe("too_large");
  });

  it("gives up on a slow server after 5 seconds", async () => {
    const started = Date.now();
    expect(await problemOf("https://www.reddit.com/r/test/comments/slow01/x/")).toBe("unreachable");
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(4_900);
    expect(took).toBeLessThan(7_000);
  });

  it("refuses hosts whose DNS answers include a private address (rebinding)", async () => {
    const rebinding: Transport = { ...transport, resolve: async () => ["151.101.1.140", "127.0.0.1"] };
    expect(await problemOf("https://www.reddit.com/r/test/comments/testpost/test/", rebinding)).toBe("blocked_address");
    const mapped: Transport = { ...transport, resolve: async () => ["::ffff:169.254.169.254"] };
    expect(await problemOf("https://www.reddit.com/r/test/comments/testpost/test/", mapped)).toBe("blocked_address");
  });

  it("reports an unresolvable host as unreachable", async () => {
    const nxdomain: Transport = { ...transport, resolve: async () => Promise.reject(new Error("ENOTFOUND")) };
    expect(await problemOf("https://www.reddit.com/r/test/comments/testpost/test/", nxdomain)).toBe("unreachable");
  });
});

describe("defaultTransport", () => {
  it("ignores the fixture origin outside test mode", () => {
    const env = process.env as Record<string, string | undefined>;
    const saved = { ...env };
    try {
      process.env.LANTERN_INGEST_FIXTURE_ORIGIN = "http://127.0.0.1:9";
      expect(defaultTransport().fixtureOrigin?.port).toBe("9");
      env.NODE_ENV = "production";
      delete process.env.LANTERN_E2E;
      expect(defaultTransport().fixtureOrigin).toBeUndefined();
      env.NODE_ENV = "test";
      process.env.LANTERN_INGEST_FIXTURE_ORIGIN = "http://10.0.0.5:80";
      expect(defaultTransport().fixtureOrigin).toBeUndefined();
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete env[key];
      Object.assign(env, saved);
    }
  });
});
