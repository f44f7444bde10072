// A loopback stand-in for Reddit, Mastodon and Bluesky that serves the real responses in ../shared/fixtures
// (read at start, never copied into the repo), plus the hostile cases the link guards must survive.
// Used by the e2e server (start() -> env for the app) and by the ingest integration tests (createLinkFixtureServer()).
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";

const sharedDir = process.env.LANTERN_SHARED_DIR ?? path.resolve(import.meta.dirname, "../../../../shared");
const fixture = (rel) => readFileSync(path.join(sharedDir, "fixtures", rel), "utf8");

/** A Reddit thread with the post's fields changed (for NSFW and the e2e distress post), built from a real response. */
function redditVariant(base, patch) {
  const thread = JSON.parse(base);
  Object.assign(thread[0].data.children[0].data, patch);
  return JSON.stringify(thread);
}

export const DISTRESS_POST =
  "I can't do this anymore. I have written goodbye letters to my family and I plan to kill myself tonight. Nobody would even notice I'm gone.";

function routes() {
  const small = fixture("reddit/go-reddit-post-testpost.json");
  return {
    "/comments/testpost/.json": { body: small },
    "/comments/testpost/_/testc2/.json": { body: small },
    "/comments/1cebxh/.json": { body: fixture("reddit/graw-thread-1cebxh.json") },
    "/comments/151unk5/.json": { body: fixture("reddit/graw-thread-removed-by-moderator-151unk5.json") },
    "/comments/nsfw01/.json": { body: redditVariant(small, { over_18: true }) },
    "/comments/dele01/.json": { body: redditVariant(small, { selftext: "[deleted]", author: "[deleted]", removed_by_category: "deleted" }) },
    "/comments/sad001/.json": { body: redditVariant(small, { title: "I'm done", selftext: DISTRESS_POST }) },
    "/comments/priv01/.json": { status: 403, body: '{"reason": "private", "message": "Forbidden", "error": 403}' },
    "/comments/gone01/.json": { status: 404, body: '{"message": "Not Found", "error": 404}' },
    "/comments/html01/.json": { body: redditVariant(small, { title: "<script>alert(1)</script>", selftext: '<img src=x onerror="alert(2)"> I feel so alone lately and I don\'t know who to talk to.' }) },
    "/comments/notjs1/.json": { body: "<html><body>Our CDN is having a moment</body></html>" },
    "/comments/huge01/.json": { huge: 2_000_000 },
    "/comments/slow01/.json": { slowMs: 15_000 },
    "/comments/loop01/.json": { redirect: "https://www.reddit.com/comments/loop01/.json" },
    "/comments/evil01/.json": { redirect: "http://127.0.0.1/comments/testpost/.json" },
    "/comments/evil02/.json": { redirect: "https://169.254.169.254/latest/meta-data/" },
    "/comments/evil03/.json": { redirect: "https://example.com/comments/testpost/.json" },
    "/comments/evil04/.json": { redirect: "https://mas.to/api/v1/statuses/1" },
    "/comments/evil05/.json": { redirect: "https://[::ffff:127.0.0.1]/" },
    "/r/test/s/share123": { redirect: "https://www.reddit.com/r/test/comments/testpost/test/" },
    "/r/test/s/evilshare": { redirect: "https://127.0.0.1:3100/api/health" },
    "/api/v1/statuses/114620457512351116": { body: fixture("mastodon/rtoot-get_status_anonymous.body.json") },
    "/api/v1/statuses/404": { status: 404, body: '{"error":"Record not found"}' },
  };
}

export function createLinkFixtureServer() {
  const table = routes();
  const bluesky = fixture("bluesky/bskyr-f_postthread.body.json");
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    requests.push({ host: req.headers.host, path: url.pathname + url.search });
    if (url.pathname === "/xrpc/app.bsky.feed.getPostThread") {
      const uri = url.searchParams.get("uri") ?? "";
      if (uri.endsWith("/app.bsky.feed.post/3k7qmjev5lr2s")) return send(res, 200, bluesky);
      return send(res, 400, JSON.stringify({ error: "NotFound", message: `Post not found: ${uri}` }));
    }
    const route = table[url.pathname];
    if (!route) return send(res, 404, '{"error":404}');
    if (route.redirect) {
      res.writeHead(302, { location: route.redirect });
      return res.end();
    }
    if (route.huge) {
      // No content-length: the cap must hold while streaming.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < route.huge) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (sent = route.huge));
      return pump();
    }
    if (route.slowMs) {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const t = setTimeout(() => res.end("]"), route.slowMs);
      res.on("close", () => clearTimeout(t));
      return;
    }
    return send(res, route.status ?? 200, route.body);
  });
  return {
    requests,
    async listen() {
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address();
      return `http://127.0.0.1:${port}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Public DNS answers for the fixture hosts, except mas.to, which "resolves" to a private address for the redirect test. */
export const FIXTURE_DNS = { "mas.to": ["10.0.0.7"] };

export async function start() {
  const fixtures = createLinkFixtureServer();
  const origin = await fixtures.listen();
  return {
    LANTERN_INGEST_FIXTURE_ORIGIN: origin,
    LANTERN_INGEST_FIXTURE_DNS: JSON.stringify(FIXTURE_DNS),
    // Every browser test comes from 127.0.0.1, so the per-client self-check limit (20 per 10 minutes) would stop
    // the suite part-way. A spec that tests the limit itself can set a lower value in its own server module.
    RATE_LIMIT_SELF_CHECK_MAX: process.env.RATE_LIMIT_SELF_CHECK_MAX ?? "10000",
  };
}
