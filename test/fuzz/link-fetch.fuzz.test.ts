import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPostFromLink, LinkError, parseLink } from "@/lib/ingest";
import { allowedFetchHosts } from "@/lib/ingest/config";
import type { Transport } from "@/lib/ingest/transport";
import { FUZZ } from "./runs";

// The link fetcher against a real HTTP server on loopback that plays every allow-listed site. Each generated
// case picks a pasted link, what DNS answers for each host (public or private, labelled here independently
// of the code under test), and a chain of redirects the "site" answers with. Whatever the case, the server
// must only ever be asked for allow-listed hosts whose DNS answers were all public, and the fetcher must
// only ever fail with a LinkError (kind words), never anything else.

const ALLOWED = [...allowedFetchHosts()];

// Address pools, labelled by hand (the oracle must not be the guard itself).
const PRIVATE = fc.oneof(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `127.${a}.${b}.${c}`),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`),
  fc.tuple(fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `172.${a}.${b}.${c}`),
  fc.tuple(fc.nat(255), fc.nat(255)).map(([b, c]) => `192.168.${b}.${c}`),
  fc.tuple(fc.nat(255), fc.nat(255)).map(([b, c]) => `169.254.${b}.${c}`),
  fc.tuple(fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `100.${a}.${b}.${c}`),
  fc.tuple(fc.nat(255), fc.nat(255)).map(([b, c]) => `0.0.${b}.${c}`),
  fc.constantFrom("::1", "::", "fe80::1", "fe80::a00:27ff:fe4e:66a1", "fd12:3456:789a::1", "fc00::7", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a00:1::"),
);
const PUBLIC = fc.oneof(
  fc.tuple(fc.nat(255), fc.nat(255)).map(([c, d]) => `151.101.${c}.${d}`),
  fc.constantFrom("8.8.8.8", "1.1.1.1", "140.82.112.3", "2606:4700:4700::1111", "2a04:4e42::396"),
);
type Answer = { address: string; private: boolean };
const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 3, arbitrary: PUBLIC.map((address) => ({ address, private: false })) },
  { weight: 2, arbitrary: PRIVATE.map((address) => ({ address, private: true })) },
);

const id = fc.stringMatching(/^[a-z0-9]{3,8}$/);
const allowedHost = fc.constantFrom(...ALLOWED);
const postLink = fc.oneof(
  id.map((p) => `https://www.reddit.com/r/test/comments/${p}/title/`),
  fc.tuple(id, id).map(([p, c]) => `https://old.reddit.com/r/test/comments/${p}/t/${c}/`),
  id.map((p) => `https://redd.it/${p}`),
  id.map((s) => `https://www.reddit.com/r/test/s/${s}`),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 18n }).map((n) => `https://mastodon.social/@someone/${n}`),
  id.map((r) => `https://bsky.app/profile/someone.bsky.social/post/${r}aaaaa`),
);
// Places a pasted link or a redirect may point to. Most are hostile.
const target = fc.oneof(
  postLink,
  fc.tuple(allowedHost, id).map(([h, p]) => `https://${h}/comments/${p}/.json`),
  fc.tuple(allowedHost, id).map(([h, p]) => `http://${h}/comments/${p}/.json`),
  fc.tuple(allowedHost, fc.integer({ min: 1, max: 65535 }), id).map(([h, port, p]) => `https://${h}:${port}/x/${p}`),
  fc.tuple(allowedHost, id).map(([h, p]) => `https://user:pw@${h}/r/x/comments/${p}/`),
  fc.tuple(allowedHost, fc.domain()).map(([h, d]) => `https://${h}.${d}/comments/abc/.json`),
  fc.domain().map((d) => `https://${d}/comments/abc/.json`),
  fc.domain().map((d) => `//${d}/path`),
  id.map((p) => `/comments/${p}/.json`),
  fc.constantFrom(
    "http://127.0.0.1/",
    "https://127.0.0.1/",
    "https://[::1]/",
    "https://2130706433/",
    "https://0x7f.1/",
    "https://017700000001/",
    "https://127.1/",
    "https://[::ffff:7f00:1]/",
    "https://169.254.169.254/latest/meta-data/",
    "https://localhost/",
    "https://metadata.google.internal/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
    "javascript:alert(1)",
    "data:text/plain,hi",
    "https://www.reddıt.com/r/x/comments/abc/",
    "https://www.reddit.com./r/x/comments/abc/",
    "https://WWW.REDDIT.COM/r/x/comments/abc/",
    "https://www.reddit.com%2f@evil.example/",
    "https://www.reddit.com\\@evil.example/",
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 80 }),
);

type Scenario = { link: string; redirects: string[]; dns: Record<string, Answer[]> };
const scenario: fc.Arbitrary<Scenario> = fc.record({
  link: fc.oneof({ weight: 2, arbitrary: postLink }, { weight: 1, arbitrary: target }),
  redirects: fc.array(target, { maxLength: 4 }),
  dns: fc.dictionary(fc.oneof(allowedHost, fc.domain()), fc.array(answer, { minLength: 1, maxLength: 3 }), { maxKeys: 4 }),
});

// The loopback "internet": answers each request with the next redirect of the current case, then a 200.
let queue: string[] = [];
let received: { host: string; path: string }[] = [];
const server = http.createServer((req, res) => {
  received.push({ host: (req.headers.host ?? "").toLowerCase(), path: req.url ?? "" });
  const next = queue.shift();
  if (next !== undefined) {
    // Written raw so hostile bytes (non-Latin-1, controls) reach the client as a real server could send them;
    // only CR, LF and NUL are dropped, which would end the header itself.
    const location = Buffer.from(next.replace(/[\r\n\0]/g, ""), "utf8").toString("latin1");
    res.socket?.end(`HTTP/1.1 302 Found\r\nLocation: ${location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, "latin1");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end("[]");
});
let origin: URL;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("link fetcher fuzzing", { timeout: 600_000 }, () => {
  it("parseLink never throws anything but LinkError, and only yields https API URLs on allow-listed hosts", () => {
    fc.assert(
      fc.property(fc.oneof(target, fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), (raw) => {
        let link;
        try {
          link = parseLink(raw);
        } catch (err) {
          return err instanceof LinkError;
        }
        const url = link.platform === "reddit" && link.kind === "share" ? link.shareUrl : (link as { apiUrl: URL }).apiUrl;
        return url.protocol === "https:" && url.port === "" && !url.username && !url.password && allowedFetchHosts().has(url.hostname);
      }),
      FUZZ,
    );
  });

  it("never contacts an off-list host, nor a host whose DNS answer is private or loopback, through any redirect chain", { timeout: 600_000 }, async () => {
    let fetched = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ link, redirects, dns }) => {
        queue = [...redirects];
        received = [];
        const transport: Transport = {
          fixtureOrigin: origin,
          resolve: async (host) => (dns[host] ?? [{ address: "151.101.1.140", private: false }]).map((a) => a.address),
        };
        let outcome: unknown;
        try {
          await fetchPostFromLink(link, transport);
          outcome = "ok";
        } catch (err) {
          outcome = err;
        }
        if (outcome !== "ok" && !(outcome instanceof LinkError)) return false;
        fetched += received.length;
        return received.every(({ host }) => {
          const name = host.replace(/:\d+$/, "").replace(/\.$/, "");
          const answers = dns[name] ?? [];
          return allowedFetchHosts().has(name) && answers.every((a) => !a.private);
        });
      }),
      FUZZ,
    );
    // The cases really exercised the network path, not only the parser.
    expect(fetched).toBeGreaterThan(2_000);
  });
});
