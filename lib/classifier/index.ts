import "server-only";

export { Classifier, classifierState, classify, classifyBatch, drainClassifier, loadClassifier, DEFAULT_MODEL_DIR } from "./core";
export type { ClassifierState, ClassifyOptions, LoadOptions } from "./core";
export { LABELS, ModelLoadError } from "./types";
export type { ClassifierResult, Confidence, Evidence, Label, ModelConfig, Tier } from "./types";
