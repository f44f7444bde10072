import { LABELS, ModelLoadError, type Label, type ModelConfig } from "./types";
import { WORD_TOKEN_PATTERN } from "./words";

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Validates config.json against the contract; throws ModelLoadError naming the bad key. */
export function parseConfig(raw: unknown, where: string): ModelConfig {
  const bad = (k: string) => new ModelLoadError(`Classifier config ${where} is invalid: ${k}`);
  if (!raw || typeof raw !== "object") throw bad("not a JSON object");
  const c = raw as Record<string, unknown>;
  if (typeof c.name !== "string" || typeof c.version !== "string") throw bad("name/version");
  if (!Array.isArray(c.labels) || c.labels.join() !== LABELS.join()) throw bad(`labels must be ${LABELS.join(",")}`);
  if (!isNum(c.max_length) || c.max_length < 8) throw bad("max_length");
  const th = c.thresholds as Record<string, unknown> | undefined;
  const cal = c.calibration as { type?: string; params?: Record<string, { a?: unknown; b?: unknown }> } | undefined;
  for (const l of LABELS) {
    if (!th || !isNum(th[l])) throw bad(`thresholds.${l}`);
    const p = cal?.params?.[l];
    if (cal?.type !== "platt" || !p || !isNum(p.a) || !isNum(p.b)) throw bad(`calibration.params.${l}`);
  }
  if (!isNum(c.crisis_threshold)) throw bad("crisis_threshold");
  if (c.crisis !== undefined) {
    const k = c.crisis as { suicidal_weight?: unknown; contrast_weight?: unknown; calibration?: { a?: unknown; b?: unknown } } | null;
    if (!k || !isNum(k.suicidal_weight) || !isNum(k.contrast_weight) || !isNum(k.calibration?.a) || !isNum(k.calibration?.b)) throw bad("crisis");
    // the contrast comes from the stack
    if (!(c.word_model as { stack?: unknown } | undefined)?.stack) throw bad("crisis needs word_model.stack");
  }
  if (c.elevated_threshold !== undefined && !isNum(c.elevated_threshold)) throw bad("elevated_threshold");
  if (c.word_model !== undefined) {
    const w = c.word_model as Record<string, unknown>;
    if (!w || typeof w.file !== "string" || !/^[\w.-]+\.onnx$/.test(w.file)) throw bad("word_model.file");
    if (JSON.stringify(w.inputs) !== '["ngrams","counts"]') throw bad("word_model.inputs");
    const p = w.preprocess as Record<string, unknown> | undefined;
    // The only word splitting lib/classifier/words.ts implements; anything else would silently score other words.
    if (p?.lowercase !== true || p.strip_accents !== "unicode" || p.token_pattern !== WORD_TOKEN_PATTERN || JSON.stringify(p.ngram_range) !== "[1,2]")
      throw bad("word_model.preprocess");
    const b = w.blend as { ensemble?: unknown; word?: unknown } | undefined;
    for (const k of ["ensemble", "word"] as const) {
      const v = b?.[k];
      if (!Array.isArray(v) || v.length !== LABELS.length || !v.every(isNum)) throw bad(`word_model.blend.${k}`);
    }
    const outputs = w.outputs ?? LABELS.length;
    // 4: one-vs-rest NB-LR; 8: + the multinomial member; 15: + the pairwise and any-vs-none columns
    if (![LABELS.length, 2 * LABELS.length, 2 * LABELS.length + 7].includes(outputs as number)) throw bad("word_model.outputs");
    if (w.stack !== undefined) {
      const s = w.stack as Record<string, unknown> | null;
      const features = LABELS.length + (outputs as number);
      if (s?.center !== undefined && (!Array.isArray(s.center) || s.center.length !== features || !s.center.every(isNum))) throw bad("word_model.stack.center");
      // with a centre, the stack also reads each feature's squared distance from it
      const width = s?.center === undefined ? features : 2 * features;
      const row = (r: unknown) => Array.isArray(r) && r.length === width && r.every(isNum);
      if (!Array.isArray(s?.weights) || s.weights.length !== LABELS.length + 1 || !s.weights.every(row)) throw bad("word_model.stack.weights");
      if (!Array.isArray(s.bias) || s.bias.length !== LABELS.length + 1 || !s.bias.every(isNum)) throw bad("word_model.stack.bias");
      for (const k of ["blend_weight", "stack_weight"] as const) {
        const v = s[k];
        if (!Array.isArray(v) || v.length !== LABELS.length || !v.every(isNum)) throw bad(`word_model.stack.${k}`);
      }
    }
  }
  return c as unknown as ModelConfig;
}

export function calibrate(cfg: ModelConfig, logits: ArrayLike<number>): Record<Label, number> {
  const out = {} as Record<Label, number>;
  LABELS.forEach((l, k) => {
    const { a, b } = cfg.calibration.params[l];
    out[l] = 1 / (1 + Math.exp(-(a * (logits[k] ?? 0) + b)));
  });
  return out;
}

/**
 * The crisis tier's score from the served logits and the stack's suicidal-against-none contrast (combine.ts), or
 * p(suicidal) when the model has no crisis head.
 */
export function crisisScore(cfg: ModelConfig, logits: ArrayLike<number>, contrast: number | null): number {
  const s = LABELS.indexOf("suicidal");
  if (!cfg.crisis || contrast === null) return calibrate(cfg, logits).suicidal;
  const { suicidal_weight, contrast_weight, calibration } = cfg.crisis;
  const k = suicidal_weight * (logits[s] ?? 0) + contrast_weight * contrast;
  return 1 / (1 + Math.exp(-(calibration.a * k + calibration.b)));
}
