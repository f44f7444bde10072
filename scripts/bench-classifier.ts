/**
 * npm run bench:classifier [-- --json] [--model <dir>]
 * Benchmark (not a timed test): single-post latency (128 and 512 tokens), batched
 * throughput, peak RSS of this process after our classifier ran, and the same figures for
 * the @huggingface/transformers text-classification pipeline on the same ONNX model.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Classifier } from "../lib/classifier/core";
import { LABELS } from "../lib/classifier/types";

// Synthetic text written for this benchmark (no corpus text).
const POOL = [
  "Lately I have been waking up tired and it is hard to focus at work.",
  "My friends say I seem distant, and honestly I do not know what to tell them.",
  "Some mornings are fine and then the afternoon feels heavy for no clear reason.",
  "I started walking in the evenings because someone suggested it might help.",
  "The weekend was quiet; I cooked, cleaned the flat and called my sister.",
  "Is it normal to feel nervous before every meeting even when it goes well?",
];

function textOfTokens(clf: Classifier, target: number): string {
  let t = "";
  for (let i = 0; clf.encode(t).length < target; i++) t += (t ? " " : "") + POOL[i % POOL.length];
  const words = t.split(" ");
  while (clf.encode(words.join(" ")).length > target) words.pop();
  return words.join(" ");
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] as number;
};

async function timeIt(fn: () => Promise<unknown>, n: number, warm = 5): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return ts;
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const mi = args.indexOf("--model");
  const clf = await Classifier.load({ modelDir: mi >= 0 ? args[mi + 1] : undefined });
  const short = textOfTokens(clf, 128);
  const long = textOfTokens(clf, 512);
  const quick = args.includes("--quick"); // smoke-run the benchmark itself
  const N = quick ? 10 : 200;
  const N512 = quick ? 5 : 60;
  const NB = quick ? 64 : 512;
  const t128 = await timeIt(() => clf.classify(short, { explain: false }), N);
  const t512 = await timeIt(() => clf.classify(long, { explain: false }), N512);
  const tExplain = await timeIt(() => clf.classify(short, { explain: true }), quick ? 3 : 30, 2);
  const batch = Array.from({ length: NB }, (_, i) => POOL[i % POOL.length] + " " + short);
  let t = performance.now();
  for (let i = 0; i < batch.length; i += 64) await clf.classifyBatch(batch.slice(i, i + 64), { explain: false });
  const ours_pps = batch.length / ((performance.now() - t) / 1000);
  // The serving path: 50 callers at once, as 50 users of the server would be (their requests share batches),
  // with evidence sentences for elevated or crisis results as the self-check asks for them.
  const concurrent = async (explain: false | "concerns") => {
    const seconds = quick ? 1 : 10;
    const end = performance.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, u) => {
        for (let i = u; performance.now() < end; i += 50) {
          await clf.classify(batch[i % batch.length] as string, { explain });
          done++;
        }
      }),
    );
    return done / seconds;
  };
  const served_pps = await concurrent(false);
  const served_pps_evidence = await concurrent("concerns");
  const peakRss = process.resourceUsage().maxRSS / 1024;

  // @huggingface/transformers pipeline on the same ONNX file (fp32, the same thread count as ours)
  const { env, pipeline } = await import("@huggingface/transformers");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-tjs-"));
  const name = "lantern";
  fs.mkdirSync(path.join(tmp, name, "onnx"), { recursive: true });
  for (const f of ["tokenizer.json", "tokenizer_config.json"]) fs.copyFileSync(path.join(clf.modelDir, f), path.join(tmp, name, f));
  fs.symlinkSync(path.join(clf.modelDir, "model.onnx"), path.join(tmp, name, "onnx", "model.onnx"));
  fs.writeFileSync(path.join(tmp, name, "config.json"), JSON.stringify({
    model_type: "distilbert", architectures: ["DistilBertForSequenceClassification"], problem_type: "multi_label_classification",
    id2label: Object.fromEntries(LABELS.map((l, i) => [i, l])), label2id: Object.fromEntries(LABELS.map((l, i) => [l, i])),
    max_position_embeddings: clf.config.max_length,
  }));
  env.allowRemoteModels = false;
  env.localModelPath = tmp;
  const pipe = await pipeline("text-classification", name, {
    dtype: "fp32", local_files_only: true, session_options: { intraOpNumThreads: Number(process.env.LANTERN_ORT_THREADS ?? 1), interOpNumThreads: 1, extra: { session: { intra_op: { allow_spinning: "0" } } } }, // same settings as ours
  } as never);
  const run = (x: string | string[]) => (pipe as unknown as (x: string | string[], o: object) => Promise<unknown>)(x, { top_k: 4 });
  const h128 = await timeIt(() => run(short), N);
  const h512 = await timeIt(() => run(long), N512);
  t = performance.now();
  for (let i = 0; i < batch.length; i += 64) await run(batch.slice(i, i + 64));
  const theirs_pps = batch.length / ((performance.now() - t) / 1000);
  fs.rmSync(tmp, { recursive: true, force: true });

  const r = (x: number) => Math.round(x * 100) / 100;
  const out = {
    model: { name: clf.config.name, version: clf.config.version },
    cpus: os.cpus().length, threads: Number(process.env.LANTERN_ORT_THREADS ?? 1), load_avg_1m: r(os.loadavg()[0] ?? 0),
    p50_ms_128: r(q(t128, 0.5)), p95_ms_128: r(q(t128, 0.95)),
    p50_ms_512: r(q(t512, 0.5)), p95_ms_512: r(q(t512, 0.95)),
    p50_ms_128_with_evidence: r(q(tExplain, 0.5)),
    posts_per_s_batched: r(ours_pps),
    posts_per_s_50_concurrent: r(served_pps),
    posts_per_s_50_concurrent_with_evidence: r(served_pps_evidence),
    peak_rss_mb: r(peakRss),
    transformers_js: { p50_ms_128: r(q(h128, 0.5)), p95_ms_128: r(q(h128, 0.95)), p50_ms_512_truncated: r(q(h512, 0.5)), posts_per_s_batched: r(theirs_pps) },
    vs_transformers_js: { latency_128: r(q(h128, 0.5) / q(t128, 0.5)), throughput: r(ours_pps / theirs_pps) },
    notes: "512-token post: ours scores every window (max-pooled); the pipeline truncates to max_length",
  };
  if (json) console.log(JSON.stringify(out));
  else {
    console.log(`${out.model.name} ${out.model.version}  (${out.cpus} CPUs, load ${out.load_avg_1m})`);
    console.log(`single post 128 tokens: p50 ${out.p50_ms_128} ms, p95 ${out.p95_ms_128} ms (with evidence p50 ${out.p50_ms_128_with_evidence} ms)`);
    console.log(`single post 512 tokens: p50 ${out.p50_ms_512} ms, p95 ${out.p95_ms_512} ms`);
    console.log(`batched: ${out.posts_per_s_batched} posts/s; peak RSS ${out.peak_rss_mb} MB`);
    console.log(`50 concurrent callers: ${out.posts_per_s_50_concurrent} posts/s, ${out.posts_per_s_50_concurrent_with_evidence} posts/s with evidence for concerns`);
    console.log(`transformers.js pipeline: 128 p50 ${out.transformers_js.p50_ms_128} ms, 512 (truncated) p50 ${out.transformers_js.p50_ms_512_truncated} ms, ${out.transformers_js.posts_per_s_batched} posts/s`);
    console.log(`ours vs transformers.js: ${out.vs_transformers_js.latency_128}x faster (128-token latency), ${out.vs_transformers_js.throughput}x throughput`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
