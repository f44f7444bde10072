import "server-only";

export { Classifier, classify, classifyBatch, loadClassifier, DEFAULT_MODEL_DIR } from "./core";
export type { ClassifyOptions, LoadOptions } from "./core";
export { LABELS, ModelLoadError } from "./types";
export type { ClassifierResult, Confidence, Evidence, Label, ModelConfig, Tier } from "./types";
