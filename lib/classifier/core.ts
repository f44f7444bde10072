/**
 * The classifier: loading the model and running a post through it (no `server-only` so CLI scripts can import
 * it; the app imports ./index). One tokenizer (@huggingface/tokenizers, the tokenizer library inside
 * @huggingface/transformers v4, loaded from the model's tokenizer.json; ~180 MB less RSS than importing
 * transformers) and one onnxruntime-node session per process, run in a worker thread (./onnx-session.ts).
 * Requests waiting at the same time share batches (./scoring-queue.ts, ./batches.ts). Long posts are split into
 * overlapping windows and logits are max-pooled over windows; ./tiers.ts turns probabilities into a tier and
 * ./evidence.ts picks the sentences that weighed most.
 */
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { readEnv } from "@/lib/env";
import { gramLogits, tokenLogits } from "./batches";
import { combineLogits, stackContrast } from "./combine";
import { calibrate, crisisScore, parseConfig } from "./config";
import { EVIDENCE_CANDIDATES, MAX_EVIDENCE_SPANS, pickEvidence } from "./evidence";
import { maskMentions } from "./mask";
import { DEFAULT_MODEL_DIR } from "./model-dir";
import { OnnxWorkerSession } from "./onnx-session";
import { ScoringQueue } from "./scoring-queue";
import { groupSpans, splitSentences } from "./sentences";
import { decide } from "./tiers";
import { LABELS, ModelLoadError, type ClassifierResult, type Label, type ModelConfig } from "./types";
import { windows } from "./windows";
import { gramsOf } from "./words";

export { DEFAULT_MODEL_DIR };

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
  const n = Number(readEnv().LANTERN_ORT_THREADS ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 1;
}

export class Classifier {
  private readonly queue = new ScoringQueue((seqs) => this.logits(seqs));
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
    const dir = path.resolve(opts.modelDir ?? readEnv().LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR);
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

  /** Lets the batches in flight finish, then stops the model's worker thread (graceful shutdown). */
  drain(): Promise<void> {
    return this.session.drain();
  }

  private padId(): number {
    return this.tokenizer.token_to_id("[PAD]") ?? 0;
  }

  /** Token ids with [CLS]/[SEP], no truncation. */
  encode(text: string): number[] {
    return this.tokenizer.encode(text).ids;
  }

  /** Raw logits for a list of token sequences (each <= max_length), batched by length. */
  logits(seqs: number[][], urgent = false): Promise<number[][]> {
    return tokenLogits(this.session, seqs, this.padId(), LABELS.length, urgent);
  }

  /** Logits for sequences, scored together with whatever other requests are waiting (./scoring-queue.ts). */
  private score(seqs: number[][], urgent = false): Promise<number[][]> {
    // A classified post's evidence skips the queue: the worker runs it before any new post's batch (onnx-worker.mjs).
    return urgent ? this.logits(seqs, true) : this.queue.score(seqs);
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
    const [ens, words] = await this.scoreMembers(clean, wordOnly);
    return {
      logits: ens.map((row, i) => combineLogits(row, words[i]!, wm)),
      contrasts: ens.map((row, i) => stackContrast(row, words[i]!, wm)),
      words: words.slice(clean.length),
    };
  }

  /**
   * Each member's logits per text before they are combined: the ensemble's, max-pooled over windows, and every
   * word-model output (empty without a word model). For evaluation tools (npm run eval -- --members).
   */
  async memberLogits(texts: string[]): Promise<{ ensemble: number[]; word: number[] }[]> {
    const clean = texts.map(sanitize);
    if (!this.config.word_model) return (await this.windowLogits(clean)).map((ensemble) => ({ ensemble, word: [] }));
    const [ens, words] = await this.scoreMembers(clean);
    return ens.map((ensemble, i) => ({ ensemble, word: words[i]! }));
  }

  /** Both graphs at once: the ensemble's pooled logits per sanitized text, and the word model's for those texts, then for `wordOnly`. */
  private scoreMembers(clean: string[], wordOnly: string[] = []): Promise<[number[][], number[][]]> {
    return Promise.all([this.windowLogits(clean), this.gramLogits([...clean, ...wordOnly].map(wordInput))]);
  }

  /** The word model's logits per text, alone (tests and tools). */
  wordLogits(texts: string[]): Promise<number[][]> {
    return this.gramLogits(texts.map((t) => wordInput(sanitize(t))));
  }

  private gramLogits(rows: ReturnType<typeof gramsOf>[]): Promise<number[][]> {
    return gramLogits(this.session, rows, this.config.word_model?.outputs ?? LABELS.length);
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
    return decide(this.config, p, crisisScore);
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

  private evidence(groups: Parameters<typeof pickEvidence>[1], words: number[][], top: Label | "none", p: Record<Label, number>, most = EVIDENCE_CANDIDATES) {
    return pickEvidence(
      {
        wordModel: this.config.word_model,
        blankEnsemble: this.blankEnsemble,
        blank: this.blank,
        probabilities: (logits) => this.probabilities(logits),
        urgentWindowLogits: (texts) => this.windowLogits(texts, true),
      },
      groups,
      words,
      top,
      p,
      most,
    );
  }
}


/** What the word model reads of a text: its n-grams once community mentions are blanked (./mask.ts). */
const wordInput = (text: string) => gramsOf(maskMentions(text));

/** Lone surrogates are replaced so any JS string is safe to tokenize. Offsets are preserved. */
export function sanitize(text: string): string {
  return typeof text === "string" ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD") : "";
}

// On globalThis: Next bundles this module into the instrumentation (start-up warm-up) and into the routes
// separately, and a module-level variable gave each its own classifier: two ONNX workers and two sessions.
const g = globalThis as { __lanternClassifier?: Promise<Classifier>; __lanternClassifierState?: ClassifierState };

export type ClassifierState = "not loaded" | "loading" | "ready" | "failed";

/** The process-wide classifier (loaded once). A load failure is a ModelLoadError, cached. */
export function loadClassifier(opts?: LoadOptions): Promise<Classifier> {
  if (!g.__lanternClassifier) {
    g.__lanternClassifierState = "loading";
    g.__lanternClassifier = Classifier.load(opts);
    g.__lanternClassifier.then(
      () => (g.__lanternClassifierState = "ready"),
      () => (g.__lanternClassifierState = "failed"),
    );
  }
  return g.__lanternClassifier;
}

/** Where the process-wide classifier is, without waiting for it (readiness). */
export function classifierState(): ClassifierState {
  return g.__lanternClassifierState ?? "not loaded";
}

/** Graceful shutdown: the model's thread finishes what it was given, then stops. Nothing to do if it never loaded. */
export async function drainClassifier(): Promise<void> {
  const loaded = await g.__lanternClassifier?.catch(() => undefined);
  await loaded?.drain();
}

export async function classify(text: string, opts?: ClassifyOptions): Promise<ClassifierResult> {
  return (await loadClassifier()).classify(text, opts);
}

export async function classifyBatch(texts: string[], opts?: ClassifyOptions): Promise<ClassifierResult[]> {
  return (await loadClassifier()).classifyBatch(texts, opts);
}
