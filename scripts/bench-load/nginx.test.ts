// The bench's proxy, for real: Debian's nginx in front of two small HTTP servers standing in for instances.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NGINX, startProxy, type Proxy } from "./nginx";
import { postJson } from "./people";

interface Seen {
  forwardedFor: string | undefined;
}

function instance(name: string, seen: Seen[]): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push({ forwardedFor: req.headers["x-forwarded-for"] as string | undefined });
    if (req.url === "/die") {
      // An instance killed with the request in hand: the connection drops without an answer.
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on("end", () => res.end(JSON.stringify({ name })));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (s: Server) => (s.address() as AddressInfo).port;

describe.skipIf(!existsSync(NGINX))("the bench's nginx", () => {
  const seen: Seen[] = [];
  let one: Server;
  let two: Server;
  let proxy: Proxy;
  let dir: string;
  const proxyPort = 3329;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "lantern-nginx-test-"));
    one = await instance("one", seen);
    two = await instance("two", seen);
    proxy = await startProxy(dir, proxyPort, [
      { port: portOf(one), up: true },
      { port: portOf(two), up: true },
    ]);
  });

  afterAll(async () => {
    await proxy?.stop();
    one?.close();
    two?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("alternates a lone client between the instances, names the one that answered, and appends the client's address", async () => {
    seen.length = 0;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await postJson(proxy.url, "/x", {}, { localAddress: "127.20.0.9", headers: { "x-forwarded-for": "203.0.113.7" } }));
    const names = answers.map((a) => (JSON.parse(a.body) as { name: string }).name);
    expect(new Set(names)).toEqual(new Set(["one", "two"]));
    expect(names[0]).not.toBe(names[1]);
    expect(names[2]).toBe(names[0]);
    expect(answers.map((a) => a.upstream)).toEqual(names.map((n) => `127.0.0.1:${portOf(n === "one" ? one : two)}`));
    // The client's own header stays to the left; the address nginx saw is the last entry (what TRUSTED_PROXY_HOPS=1 reads).
    expect(seen.map((s) => s.forwardedFor)).toEqual(Array(4).fill("203.0.113.7, 127.20.0.9"));
  });

  it("answers 502 for a request the instance dropped, without sending the POST again", async () => {
    seen.length = 0;
    const answer = await postJson(proxy.url, "/die", {});
    expect(answer.status).toBe(502);
    expect(seen).toHaveLength(1);
  });

  it("sends the next request to the other instance when one refuses connections, then leaves a down instance out", async () => {
    // A reload first: new workers forget the failure the dropped request above counted against its instance.
    proxy.setUpstreams([
      { port: portOf(one), up: true },
      { port: portOf(two), up: true },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const gone = portOf(two);
    await new Promise((r) => two.close(r));
    const answers = await Promise.all(Array.from({ length: 4 }, () => postJson(proxy.url, "/x", {})));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.every((a) => a.upstream === `127.0.0.1:${portOf(one)}`)).toBe(true);

    proxy.setUpstreams([
      { port: portOf(one), up: true },
      { port: gone, up: false },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const after = await postJson(proxy.url, "/x", {});
    expect(after.status).toBe(200);
    expect(after.upstream).toBe(`127.0.0.1:${portOf(one)}`);
  });
});
