/**
 * Classifier core (no `server-only` so CLI scripts can import it; the app imports ./index).
 * One tokenizer (@huggingface/tokenizers, the tokenizer library inside @huggingface/transformers v4,
 * loaded from the model's tokenizer.json; ~180 MB less RSS than importing transformers) and one
 * onnxruntime-node session per process, run in a worker thread (./onnx-session.ts). Requests waiting
 * at the same time share batches. Long posts are split into overlapping windows and logits are
 * max-pooled over windows.
 */
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { combineLogits, stackContrast } from "./combine";
import { calibrate, crisisScore, parseConfig } from "./config";
import { OnnxWorkerSession } from "./onnx-session";
import { groupSpans, splitSentences, type Span } from "./sentences";
import { maskMentions } from "./mask";
import { DEFAULT_MODEL_DIR } from "./model-dir";

export { DEFAULT_MODEL_DIR };
import { LABELS, ModelLoadError, type ClassifierResult, type Confidence, type Evidence, type Label, type ModelConfig, type Tier } from "./types";
import { windows } from "./windows";
import { gramsOf } from "./words";

const MAX_BATCH_TOKENS = 4096; // caps activation memory (peak RSS) on the 2-core box
const PAD_SLACK = 1.1; // measured on 300 corpus posts: 1.1 best of 1.1-1.5 (CPU per post 9.9 -> 8.0 ms with evidence)
const MAX_EVIDENCE_SPANS = 24;
// Evidence candidates the full model scores, picked by the word model (see evidence()): 6 of a median 9 groups, about half
// the tokens. Against scoring every group (`npm run eval:evidence`), on the 3,473 dev posts that show evidence: the
// same top sentence in 99.2%, the same three in 98.2%. On test (3,460 posts): 99.1% and 97.5%.
const EVIDENCE_CANDIDATES = 6;
// One drain of the request queue scores at most this many tokens, so a burst can't hold the queue for long.
const MAX_DRAIN_TOKENS = 16_384;
const MAX_IN_FLIGHT = 2;
// The word model's batches (its cost follows the n-grams read, so these only bound a batch's memory).
const WORD_BATCH_ROWS = 64;
const WORD_BATCH_STRINGS = 65_536;

interface PendingJob {
  seqs: number[][];
  tokens: number;
  resolve(rows: number[][]): void;
  reject(err: unknown): void;
}

export interface LoadOptions {
  modelDir?: string;
  intraOpNumThreads?: number;
}

export interface ClassifyOptions {
  /**
   * Evidence sentences (each sentence group scored on its own: about one more pass over the text);
   * default true for classify(). "concerns": only for elevated or crisis results, the ones the page and
   * the clinician's case view show evidence for.
   */
  explain?: boolean | "concerns";
  /** How many evidence groups the full model scores (default EVIDENCE_CANDIDATES; Infinity: all, for comparison). */
  evidenceCandidates?: number;
}

/**
 * onnxruntime's intra-op threads per session. One: under load the cores are already busy with requests, and
 * splitting each batch across two threads cost CPU (`npm run bench:load`, three side-by-side pairs: 26.5-28.1 vs
 * 29.1-31.7 ms of CPU per self-check; self-checks/s within the runs' spread). Two make one post alone faster on
 * an idle box (`npm run bench:classifier`).
 */
function defaultThreads(): number {
  const n = Number(process.env.LANTERN_ORT_THREADS ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 1;
}

export class Classifier {
  private queue: PendingJob[] = [];
  /** Runs sent to the worker and not yet answered (at most MAX_IN_FLIGHT). */
  private inFlight = 0;
  /** Calibrated probabilities for an empty post: the baseline evidence weights are measured from. */
  private blank: Record<Label, number> | null = null;
  /** The transformer's logits for an empty post: what the word model's evidence ranking assumes it adds. */
  private blankEnsemble: number[] | null = null;

  private constructor(
    readonly config: ModelConfig,
    private readonly tokenizer: Tokenizer,
    private readonly session: OnnxWorkerSession,
    readonly modelDir: string,
  ) {}

  static async load(opts: LoadOptions = {}): Promise<Classifier> {
    const dir = path.resolve(opts.modelDir ?? process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR);
    const need = ["config.json", "tokenizer.json", "tokenizer_config.json", "model.onnx"];
    const missing = need.filter((f) => !fs.existsSync(path.join(dir, f)));
    if (missing.length) {
      throw new ModelLoadError(`Classifier model not found in ${dir}: missing ${missing.join(", ")} (set LANTERN_MODEL_DIR)`);
    }
    const readJson = (f: string): unknown => {
      try {
        return JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      } catch (e) {
        throw new ModelLoadError(`Classifier model file ${path.join(dir, f)} is not valid JSON`, { cause: e });
      }
    };
    const config = parseConfig(readJson("config.json"), path.join(dir, "config.json"));
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(readJson("tokenizer.json") as object, readJson("tokenizer_config.json") as object);
    } catch (e) {
      if (e instanceof ModelLoadError) throw e;
      throw new ModelLoadError(`Classifier tokenizer in ${dir} could not be loaded: ${(e as Error).message}`, { cause: e });
    }
    const wordModel = config.word_model ? path.join(dir, config.word_model.file) : undefined;
    if (wordModel && !fs.existsSync(wordModel)) {
      throw new ModelLoadError(`Classifier model not found in ${dir}: missing ${config.word_model!.file}, which config.json names (set LANTERN_MODEL_DIR)`);
    }
    let session: OnnxWorkerSession;
    try {
      session = await OnnxWorkerSession.create(
        path.join(dir, "model.onnx"),
        { intraOpNumThreads: opts.intraOpNumThreads ?? defaultThreads() },
        wordModel,
      );
    } catch (e) {
      throw new ModelLoadError(`Classifier model ${path.join(dir, "model.onnx")}${wordModel ? ` or ${config.word_model!.file}` : ""} is corrupt or unreadable: ${(e as Error).message}`, { cause: e });
    }
    const c = new Classifier(config, tokenizer, session, dir);
    try {
      const [probe] = await c.textLogits([""]);
      if (!probe || probe.length !== LABELS.length || probe.some((v) => !Number.isFinite(v))) throw new Error("bad output shape");
      c.blank = c.probabilities(probe);
      if (config.word_model) c.blankEnsemble = (await c.windowLogits([""]))[0] ?? null;
    } catch (e) {
      throw new ModelLoadError(`Classifier model ${dir} failed its start-up check: ${(e as Error).message}`, { cause: e });
    }
    return c;
  }

  private padId(): number {
    return this.tokenizer.token_to_id("[PAD]") ?? 0;
  }

  /** Token ids with [CLS]/[SEP], no truncation. */
  encode(text: string): number[] {
    return this.tokenizer.encode(text).ids;
  }

  /** Raw logits for a list of token sequences (each <= max_length), batched by length. */
  async logits(seqs: number[][], urgent = false): Promise<number[][]> {
    const out: number[][] = new Array(seqs.length);
    const order = seqs.map((s, i) => i).sort((a, b) => (seqs[a]?.length ?? 0) - (seqs[b]?.length ?? 0));
    const pad = this.padId();
    const len = (i: number) => Math.max(1, seqs[i]?.length ?? 1);
    const runs: Promise<void>[] = [];
    for (let j = 0; j < order.length; ) {
      // Rows in ascending length; a batch ends at 64 rows, at MAX_BATCH_TOKENS padded tokens, or where the next row
      // is over PAD_SLACK times the first (padding is compute spent on nothing: 24% of it before this rule).
      let take = 1;
      while (j + take < order.length && take < 64) {
        const next = len(order[j + take]!);
        if ((take + 1) * next > MAX_BATCH_TOKENS || next > PAD_SLACK * len(order[j]!)) break;
        take++;
      }
      const idx = order.slice(j, j + take);
      const Lb = Math.max(...idx.map(len));
      const ids = new BigInt64Array(idx.length * Lb).fill(BigInt(pad));
      const mask = new BigInt64Array(idx.length * Lb);
      idx.forEach((i, r) => {
        const s = seqs[i] ?? [];
        for (let t = 0; t < s.length; t++) {
          ids[r * Lb + t] = BigInt(s[t] as number);
          mask[r * Lb + t] = 1n;
        }
      });
      // Every batch is sent at once: the worker queues them, so it never waits on this thread between two.
      runs.push(
        this.session.run(ids, mask, [idx.length, Lb], urgent).then((data) => {
          const k = LABELS.length;
          idx.forEach((i, r) => (out[i] = Array.from(data.subarray(r * k, r * k + k))));
        }),
      );
      j += idx.length;
    }
    await Promise.all(runs);
    return out;
  }

  /**
   * Logits for sequences, scored together with whatever other requests are waiting. No timer: a request runs at
   * once when fewer than MAX_IN_FLIGHT runs are out, and requests that arrive meanwhile share the next run (fewer,
   * fuller batches under load, no added latency when idle). Two runs out keeps the worker busy: the next one is
   * already in its queue while it computes, rather than waiting on this thread to hear back and send it (with one
   * run out, the worker idled while the server's main thread was busy).
   */
  private score(seqs: number[][], urgent = false): Promise<number[][]> {
    if (seqs.length === 0) return Promise.resolve([]);
    // A classified post's evidence skips this queue: the worker runs it before any new post's batch (onnx-worker.mjs).
    if (urgent) return this.logits(seqs, true);
    return new Promise((resolve, reject) => {
      this.queue.push({ seqs, tokens: seqs.reduce((n, s) => n + s.length, 0), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      let take = 0;
      for (let tokens = 0; take < this.queue.length && (take === 0 || tokens + this.queue[take]!.tokens <= MAX_DRAIN_TOKENS); take++) {
        tokens += this.queue[take]!.tokens;
      }
      const jobs = this.queue.splice(0, take);
      this.inFlight++;
      this.logits(jobs.flatMap((j) => j.seqs))
        .then((rows) => {
          let at = 0;
          for (const j of jobs) {
            j.resolve(rows.slice(at, at + j.seqs.length));
            at += j.seqs.length;
          }
        })
        .catch((err: unknown) => jobs.forEach((j) => j.reject(err)))
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }

  /**
   * Logits per text: the ensemble's, max-pooled over the text's windows, combined with the word model's when the
   * config names one (both graphs run in the session's thread, at the same time; combine.ts says how).
   */
  async textLogits(texts: string[]): Promise<number[][]> {
    return (await this.servedLogits(texts.map(sanitize), [])).logits;
  }

  /**
   * Served logits per sanitized text, and the word model's own logits for `wordOnly` texts scored in the same pass
   * (the evidence groups, ranked before the full model scores the best of them).
   */
  private async servedLogits(clean: string[], wordOnly: string[]): Promise<{ logits: number[][]; contrasts: (number | null)[]; words: number[][] }> {
    const wm = this.config.word_model;
    if (!wm) {
      const logits = await this.windowLogits(clean);
      return { logits, contrasts: logits.map(() => null), words: [] };
    }
    const [ens, words] = await Promise.all([this.windowLogits(clean), this.gramLogits([...clean, ...wordOnly].map(wordInput))]);
    return {
      logits: ens.map((row, i) => combineLogits(row, words[i]!, wm)),
      contrasts: ens.map((row, i) => stackContrast(row, words[i]!, wm)),
      words: words.slice(clean.length),
    };
  }

  /** The word model's logits per text, alone (tests and tools). */
  wordLogits(texts: string[]): Promise<number[][]> {
    return this.gramLogits(texts.map((t) => wordInput(sanitize(t))));
  }

  /**
   * The word model's logits per row of n-grams, in batches of similar length (rows padded with "" and count 0; a
   * batch ends where a row is over twice as wide as its first, so a post's short evidence groups are not padded to
   * the post's width). All batches are sent at once, like the transformer's.
   */
  private async gramLogits(rows: ReturnType<typeof gramsOf>[]): Promise<number[][]> {
    const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.ngrams.length - rows[b]!.ngrams.length);
    const out: number[][] = new Array(rows.length);
    const k = this.config.word_model?.outputs ?? LABELS.length;
    const width = (i: number) => Math.max(1, rows[i]!.ngrams.length);
    const runs: Promise<void>[] = [];
    for (let j = 0; j < order.length; ) {
      let take = 1;
      while (j + take < order.length && take < WORD_BATCH_ROWS) {
        const next = width(order[j + take]!);
        if ((take + 1) * next > WORD_BATCH_STRINGS || next > 2 * width(order[j]!)) break;
        take++;
      }
      const idx = order.slice(j, j + take);
      const w = Math.max(...idx.map(width));
      const ngrams = new Array<string>(idx.length * w).fill("");
      const counts = new Float32Array(idx.length * w);
      idx.forEach((i, r) => {
        rows[i]!.ngrams.forEach((g, t) => (ngrams[r * w + t] = g));
        counts.set(rows[i]!.counts, r * w);
      });
      runs.push(this.session.runWords(ngrams, counts, [idx.length, w]).then((data) => idx.forEach((i, r) => (out[i] = Array.from(data.subarray(r * k, r * k + k))))));
      j += take;
    }
    await Promise.all(runs);
    return out;
  }

  /** The ensemble's max-pooled logits per sanitized text (all windows of each text scored in shared batches). */
  private async windowLogits(texts: string[], urgent = false): Promise<number[][]> {
    const owner: number[] = [];
    const seqs: number[][] = [];
    texts.forEach((t, i) => {
      for (const w of windows(this.encode(maskMentions(t)), this.config.max_length, this.config.window_stride)) {
        owner.push(i);
        seqs.push(w);
      }
    });
    const lg = await this.score(seqs, urgent);
    const out = texts.map(() => new Array<number>(LABELS.length).fill(-Infinity));
    lg.forEach((row, w) => {
      const o = out[owner[w] as number] as number[];
      row.forEach((v, k) => (o[k] = Math.max(o[k] as number, v)));
    });
    return out;
  }

  probabilities(logits: number[]): Record<Label, number> {
    return calibrate(this.config, logits);
  }

  /** Labels, confidence and tier from calibrated probabilities and the crisis score (default p(suicidal)). */
  decide(p: Record<Label, number>, crisisScore = p.suicidal): Omit<ClassifierResult, "evidence" | "model"> {
    const c = this.config;
    const labels = LABELS.filter((l) => p[l] >= c.thresholds[l]).sort((a, b) => p[b] - p[a]);
    const topLabel: Label | "none" = labels[0] ?? "none";
    const maxP = Math.max(...LABELS.map((l) => p[l]));
    let confidence: Confidence;
    if (topLabel === "none") confidence = maxP <= 0.15 ? "high" : maxP <= 0.35 ? "moderate" : "low";
    else confidence = p[topLabel] >= 0.85 ? "high" : p[topLabel] >= 0.6 ? "moderate" : "low";
    let tier: Tier = "low";
    if (crisisScore >= c.crisis_threshold) tier = "crisis";
    // elevated: any condition above its own threshold (or above elevated_threshold, when configured)
    else if (labels.length > 0 || (c.elevated_threshold !== undefined && maxP >= c.elevated_threshold)) tier = "elevated";
    return { probabilities: p, labels, topLabel, confidence, tier, crisisScore };
  }

  async classifyBatch(texts: string[], opts: ClassifyOptions = {}): Promise<ClassifierResult[]> {
    const clean = texts.map(sanitize);
    // Evidence groups are cut now so the word model scores them in the classification's own pass: the ranking
    // that picks the candidates then costs no extra trip through the session's queue.
    const groups = clean.map((t) => (opts.explain ? groupSpans(t, splitSentences(t), MAX_EVIDENCE_SPANS) : []));
    const { logits, contrasts, words } = await this.servedLogits(clean, groups.flat().map((g) => g.text));
    const model = { name: this.config.name, version: this.config.version };
    let at = 0;
    return Promise.all(
      clean.map(async (_, i) => {
        const d = this.decide(this.probabilities(logits[i]!), crisisScore(this.config, logits[i]!, contrasts[i] ?? null));
        const spanWords = words.slice(at, (at += groups[i]!.length));
        const wanted = opts.explain === true || (opts.explain === "concerns" && d.tier !== "low");
        const evidence = wanted ? await this.evidence(groups[i]!, spanWords, d.topLabel, d.probabilities, opts.evidenceCandidates) : [];
        return { ...d, evidence, model };
      }),
    );
  }

  async classify(text: string, opts: ClassifyOptions = { explain: true }): Promise<ClassifierResult> {
    const [r] = await this.classifyBatch([text], opts);
    return r as ClassifierResult;
  }

  /**
   * Evidence: the three sentence groups that most raise the explained label's probability when scored alone,
   * each weighted by how far it alone moves that probability above an empty post's. Scoring every group with the
   * full model cost as much as classifying the post. So the word model, already run on each group, ranks them
   * first (its logits with an empty post's transformer logits, through the same stack and calibration), and the
   * full model scores only the EVIDENCE_CANDIDATES best: the weights shown are always the full model's.
   */
  private async evidence(groups: Span[], words: number[][], top: Label | "none", p: Record<Label, number>, most = EVIDENCE_CANDIDATES): Promise<Evidence[]> {
    if (groups.length === 0) return [];
    const target: Label = top !== "none" ? top : LABELS.reduce((a, b) => (p[b] > p[a] ? b : a));
    const wm = this.config.word_model;
    let candidates = groups.map((_, i) => i);
    if (wm && this.blankEnsemble && words.length === groups.length && groups.length > most) {
      const rank = words.map((w) => this.probabilities(combineLogits(this.blankEnsemble!, w, wm))[target]);
      candidates = candidates.sort((a, b) => rank[b]! - rank[a]!).slice(0, most);
    }
    const ens = await this.windowLogits(candidates.map((i) => groups[i]!.text), true);
    const base = this.blank?.[target] ?? 0;
    return candidates
      .map((g, j) => {
        const logits = wm && words[g] ? combineLogits(ens[j]!, words[g]!, wm) : ens[j]!;
        const { text: sentence, start, end } = groups[g]!;
        return { sentence, start, end, weight: round(this.probabilities(logits)[target] - base) };
      })
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 3);
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** What the word model reads of a text: its n-grams once community mentions are blanked (./mask.ts). */
const wordInput = (text: string) => gramsOf(maskMentions(text));

/** Lone surrogates are replaced so any JS string is safe to tokenize. Offsets are preserved. */
export function sanitize(text: string): string {
  return typeof text === "string" ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD") : "";
}

// On globalThis: Next bundles this module into the instrumentation (start-up warm-up) and into the routes
// separately, and a module-level variable gave each its own classifier: two ONNX workers and two sessions.
const g = globalThis as { __lanternClassifier?: Promise<Classifier> };

/** The process-wide classifier (loaded once). A load failure is a ModelLoadError, cached. */
export function loadClassifier(opts?: LoadOptions): Promise<Classifier> {
  g.__lanternClassifier ??= Classifier.load(opts);
  return g.__lanternClassifier;
}

export async function classify(text: string, opts?: ClassifyOptions): Promise<ClassifierResult> {
  return (await loadClassifier()).classify(text, opts);
}

export async function classifyBatch(texts: string[], opts?: ClassifyOptions): Promise<ClassifierResult[]> {
  return (await loadClassifier()).classifyBatch(texts, opts);
}
