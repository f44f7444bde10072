/**
 * npm run bench:resources [-- --runs 200 --fake-chunk-ms 10]
 *
 * Times the resources stream on the server side, in this process (no browser, no network beyond loopback):
 *   1. the offline composer through the whole pipeline (case building, ranking, streamText with structured
 *      output, message filter): time to the first and last event, unpaced (pure compute) and with the app's pacing;
 *   2. the route handler (zod, rate limit, anonymization, encoding) with the offline composer;
 *   3. the route with the openai-compatible provider against the loopback fake SSE server: the app's added
 *      overhead = when the app's first event is ready minus when the fake completed its first sentence (the
 *      filter releases whole sentences only, so that is the earliest the app may show anything).
 * Prints median and p95 and checks the bars (offline first event <= 50 ms; added overhead <= 20 ms median).
 * Run with `tsx --conditions=react-server` (the npm script does) so server-only modules load.
 */
import { parseArgs } from "node:util";
import { startFakeLlm } from "../test/support/fakes/fake-llm-server.mjs";
import { readAiConfig } from "../lib/ai/config";
import { buildResourceCase } from "../lib/ai/context";
import { streamSupportEvents } from "../lib/ai/pipeline";
import { SAMPLE_CASES } from "../lib/ai/test-support/cases";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    "paced-runs": { type: "string", default: "20" },
    "fake-chunk-ms": { type: "string", default: "10" },
  },
});
const RUNS = Number(args.runs);
const PACED_RUNS = Number(args["paced-runs"]);
const FAKE_CHUNK_MS = Number(args["fake-chunk-ms"]);
const cases = Object.values(SAMPLE_CASES);

process.env.RATE_LIMIT_GENERATION_MAX = "1000000";
process.env.RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE = "1000000";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
function row(label: string, values: number[]) {
  console.log(`  ${label.padEnd(52)} median ${fmt(percentile(values, 50)).padStart(10)}   p95 ${fmt(percentile(values, 95)).padStart(10)}   (n=${values.length})`);
}

async function timeStream(stream: ReadableStream<unknown>, t0: number): Promise<{ first: number; last: number }> {
  let first = -1;
  for await (const _chunk of stream) if (first < 0) first = performance.now();
  return { first: first - t0, last: performance.now() - t0 };
}

async function offlinePipeline(runs: number, chunkDelayMs: number) {
  const config = readAiConfig({ LLM_PROVIDER: "offline", LLM_OFFLINE_CHUNK_DELAY_MS: String(chunkDelayMs) });
  const first: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < runs + 10; i += 1) {
    const t0 = performance.now();
    const ctx = buildResourceCase(cases[i % cases.length]!);
    const t = await timeStream(streamSupportEvents(ctx, { config }), t0);
    if (i >= 10) {
      first.push(t.first);
      last.push(t.last);
    }
  }
  return { first, last };
}

function requestFor(i: number, marker = ""): Request {
  const c = cases[i % cases.length]!;
  return new Request("http://127.0.0.1/api/resources", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.7" },
    body: JSON.stringify({ ...c, text: undefined, prompt: `${marker}${c.text}` }),
  });
}

async function main() {
  console.log(`Resources stream bench (node ${process.version}, ${RUNS} runs each, after 10 warm-up runs)\n`);

  console.log("1. Offline composer, server pipeline (rank + streamText + message filter):");
  const unpaced = await offlinePipeline(RUNS, 0);
  row("time to first event (unpaced)", unpaced.first);
  row("time to last token (unpaced, pure compute)", unpaced.last);
  const paced = await offlinePipeline(PACED_RUNS, readAiConfig({}).LLM_OFFLINE_CHUNK_DELAY_MS);
  row(`time to first event (paced, ${readAiConfig({}).LLM_OFFLINE_CHUNK_DELAY_MS} ms between chunks)`, paced.first);
  row("time to last token (paced, as the person sees it)", paced.last);

  process.env.LLM_PROVIDER = "offline";
  process.env.LLM_OFFLINE_CHUNK_DELAY_MS = "0";
  const { POST } = await import("../app/api/resources/route");
  console.log("\n2. Route handler POST /api/resources, offline (zod, rate limit, encoding):");
  const routeFirst: number[] = [];
  for (let i = 0; i < RUNS + 10; i += 1) {
    const t0 = performance.now();
    const res = await POST(requestFor(i));
    const t = await timeStream(res.body!, t0);
    if (i >= 10) routeFirst.push(t.first);
  }
  row("time to first byte", routeFirst);

  console.log(`\n3. Route with the openai-compatible provider against the loopback fake (${FAKE_CHUNK_MS} ms between tokens):`);
  const fake = await startFakeLlm({ chunkDelayMs: FAKE_CHUNK_MS });
  Object.assign(process.env, { LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: fake.baseURL, LLM_MODEL: "bench-model" });
  // The fake's structured reply opens "I'm really glad you wrote this down. It ...": token 7 (" It") is the first
  // after the sentence's end, which is when the filter can judge that sentence.
  const SENTENCE_DONE_TOKEN = 7;
  const overhead: number[] = [];
  const beforeProvider: number[] = [];
  const fakeFirst: number[] = [];
  const appFirst: number[] = [];
  for (let i = 0; i < RUNS + 10; i += 1) {
    const t0 = performance.now();
    const res = await POST(requestFor(i, "fake-llm:normal "));
    const t = await timeStream(res.body!, t0);
    const rec = fake.requests.at(-1)!;
    if (i < 10 || rec.firstChunkAt === null) continue;
    const appFirstAt = t0 + t.first;
    overhead.push(appFirstAt - (rec.chunkTimes[SENTENCE_DONE_TOKEN] ?? rec.firstChunkAt));
    beforeProvider.push(rec.receivedAt - t0);
    fakeFirst.push(rec.firstChunkAt - t0);
    appFirst.push(t.first);
  }
  await fake.close();
  row("fake provider's own first token (from request start)", fakeFirst);
  row("app's first event (from request start)", appFirst);
  row("app work before the provider request (anonymize, zod)", beforeProvider);
  row("added overhead after the fake's first sentence completed", overhead);

  const bars = [
    { name: "offline first event <= 50 ms (p95, server-side, paced and unpaced)", ok: percentile(unpaced.first, 95) <= 50 && percentile(paced.first, 95) <= 50 },
    { name: "added overhead <= 20 ms (median)", ok: percentile(overhead, 50) <= 20 },
  ];
  console.log("\nBars:");
  for (const b of bars) console.log(`  ${b.ok ? "PASS" : "FAIL"}  ${b.name}`);
  process.exit(bars.every((b) => b.ok) ? 0 : 1);
}

await main();
