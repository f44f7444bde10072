import { expect, test } from "@playwright/test";
import { connectOutcome, startOwnServer, waitUntilReady, type OwnServer } from "./support/own-server";

// Running behind a load balancer (docs/deploy.md): readiness, graceful shutdown and metrics, on a production server
// of the spec's own (scripts/serve.mjs), which it signals.

const DELAY_MS = 1_500;
const GRACE_MS = 20_000;
const DRAIN_MS = 5_000;
const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef0123";

test.describe.configure({ mode: "serial" });

let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer("ops", {
    // The offline composer writes the resources message slowly: a request that is in flight for seconds.
    LLM_OFFLINE_CHUNK_DELAY_MS: "500",
    LANTERN_SHUTDOWN_DELAY_MS: String(DELAY_MS),
    LANTERN_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    LANTERN_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    METRICS_TOKEN,
    RATE_LIMIT_SELF_CHECK_MAX: "1",
  });
  await waitUntilReady(server.url);
});
test.afterAll(async () => server?.dispose());

const selfCheck = (text: string) =>
  fetch(`${server.url}/api/self-check`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, submissionKey: crypto.randomUUID(), country: "US" }),
  });

test("ready answers 200 with nothing but its verdict; metrics need the bearer token", async () => {
  const ready = await fetch(`${server.url}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, failed: [] });

  expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/metrics`, { headers: { authorization: "Bearer not-the-token-0123456789abcdef0123" } })).status).toBe(401);

  const post = "My week has been long and I keep thinking about the review at work on Friday.";
  const answered = await selfCheck(post);
  await answered.arrayBuffer();
  expect(answered.status).toBe(200);
  const limited = await selfCheck(post);
  await limited.arrayBuffer();
  expect(limited.status).toBe(429); // RATE_LIMIT_SELF_CHECK_MAX=1
  await (await fetch(`${server.url}/review/6f1c2b7e-3a6d-4c8e-9f00-123456789abc`, { redirect: "manual" })).arrayBuffer();

  const res = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const body = await res.text();
  expect(body).toMatch(/lantern_classifications_total\{source="self_check",tier="(low|elevated|crisis)"\} 1/);
  expect(body).toMatch(/lantern_rate_limit_hits_total\{limiter="self-check"\} 1/);
  expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="POST",route="\/api\/self-check",status="200"\} 1/);
  expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="POST",route="\/api\/self-check",status="429"\} 1/);
  expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="GET",route="\/review\/\[id\]",status="\d+"\} 1/);
  expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(body).not.toMatch(/6f1c2b7e|review at work|127\.0\.0\.1/);
});

test("SIGTERM: ready goes 503, new connections are refused, the request in flight finishes, the process exits 0", async () => {
  test.setTimeout(120_000);
  const res = await fetch(`${server.url}/api/resources`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "I feel low and tired of everything lately", tier: "elevated", country: "US", conditions: { depression: 0.6 } }),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let body = decoder.decode((await reader.read()).value); // the first event: the answer is being written

  const signalledAt = Date.now();
  server.child.kill("SIGTERM");

  // Still listening for DELAY_MS, but not ready (once the signal is handled): the balancer takes this instance out.
  // Liveness stays green.
  let ready = await fetch(`${server.url}/api/ready`);
  while (ready.status === 200 && Date.now() - signalledAt < DELAY_MS / 2) ready = await fetch(`${server.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ ready: false, failed: ["shutdown"] });
  expect(ready.headers.get("connection")).toBe("close");
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

  // Then the listener closes: new connections are refused.
  await expect.poll(() => connectOutcome(server.url), { timeout: DELAY_MS + 5_000, intervals: [100] }).toBe("ECONNREFUSED");
  const refusedAfter = Date.now() - signalledAt;
  expect(refusedAfter).toBeGreaterThanOrEqual(DELAY_MS - 100);

  // The answer in flight is written to its end.
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    body += decoder.decode(value, { stream: true });
  }
  const finishedAfter = Date.now() - signalledAt;
  const events = body.trim().split("\n").map((line) => JSON.parse(line) as { type: string });
  expect(events.at(-1)).toEqual({ type: "end" });
  expect(events.filter((e) => e.type === "text").length).toBeGreaterThan(0);
  expect(finishedAfter, "the request was still in flight when the listener closed").toBeGreaterThan(refusedAfter);

  const code = await server.exited;
  const stoppedAfter = Date.now() - signalledAt;
  expect(code, server.output().slice(-2000)).toBe(0);
  expect(stoppedAfter).toBeLessThan(DELAY_MS + GRACE_MS + DRAIN_MS);
  // The streamed answer is in flight; the first readiness probe, sent right after kill(), may be too, when it
  // arrives before the signal is handled.
  expect(server.output()).toMatch(/SIGTERM: shutting down \(not ready; [12] request\(s\) in flight\)/);
  expect(server.output()).toMatch(/drained: classifier done .*, tagger done .*, outbox done .*, jobs done .*, database done /);
});

test("the shared e2e server has no metrics token: /api/metrics does not exist", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(404);
  expect((await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status()).toBe(404);
});
