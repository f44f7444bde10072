import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startServer } from "../lib/harness";
import { answeredSafely, check, dir, embeddedEnv, hasModel, modelDir, port, selfCheck, tempDir } from "./context";

/** The word model's file, when the shipped config names one. */
export const wordModelFile = () => (JSON.parse(readFileSync(path.join(modelDir(), "config.json"), "utf8")) as { word_model?: { file: string } }).word_model?.file;

/** A copy of the model folder with one of its files replaced by random bytes. */
export function corruptCopy(file: string): string {
  const copy = tempDir("lantern-bad-model-");
  cpSync(modelDir(), copy, { recursive: true });
  writeFileSync(path.join(copy, file), randomBytes(4096));
  return copy;
}

export async function drillModel() {
  const cases: [string, () => string | null][] = [
    ["model folder missing", () => tempDir("lantern-no-model-")],
    ["model file corrupt", () => (hasModel() ? corruptCopy("model.onnx") : null)],
    ["word model file corrupt", () => (hasModel() && wordModelFile() ? corruptCopy(wordModelFile()!) : null)],
  ];
  for (const [label, prepare] of cases) {
    const folder = prepare();
    if (!folder) {
      check("model", `${label}: server stays up, answers with the crisis card`, "skip", "no model in models/ to corrupt yet");
      continue;
    }
    const server = await startServer(dir, port(), embeddedEnv({ LANTERN_MODEL_DIR: folder }));
    try {
      const answers = [await selfCheck(server), await selfCheck(server), await selfCheck(server)];
      const bad = answers.map(answeredSafely).filter((a) => !a.ok);
      check("model", `${label}: self-checks answer with the crisis card and kind words`, bad.length === 0 && answers.every((a) => a.body?.showCrisis === true), bad[0]?.detail ?? answeredSafely(answers[0]!).detail);
      await new Promise((r) => setTimeout(r, 2_000));
      const alive = server.child.exitCode === null && (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false));
      check("model", `${label}: no crash, no restart loop`, alive);
      const mentions = server.output().split("\n").filter((l) => /model/i.test(l));
      check("model", `${label}: the log says what is wrong with the model`, mentions.length >= 1, `${mentions.length} log line(s) mention the model`);
    } finally {
      await server.stop();
    }
  }
}
