// The ONNX session's thread. onnxruntime-node's session.run() is a synchronous native call on the calling
// thread, so on the main thread every inference froze the server's event loop (measured under load: a third
// of the main thread's time, with the HTTP, anonymizer and database work waiting behind it). Here it blocks
// only this worker. Plain JavaScript, loaded by path at run time, so neither Next's bundler nor tsx touches it.
import { parentPort, workerData } from "node:worker_threads";
import * as ort from "onnxruntime-node";

// One thread for all of a classifier's graphs (the ensemble, and the word model when the config names one).
const sessions = {};
try {
  for (const [name, file] of Object.entries(workerData.models)) sessions[name] = await ort.InferenceSession.create(file, workerData.options);
  parentPort.postMessage({ type: "ready" });
} catch (err) {
  parentPort.postMessage({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}

// Requests wait here rather than in the port, so that between two runs the worker can take an urgent one (the
// evidence of a post already classified, whose person is waiting on it) before new posts' batches. Every message
// that arrived during a run is delivered before the setImmediate callback that picks the next one.
const waiting = [];
let scheduled = false;

parentPort.on("message", (request) => {
  waiting.push(request);
  if (!scheduled) {
    scheduled = true;
    setImmediate(runNext);
  }
});

async function runNext() {
  const urgent = waiting.findIndex((r) => r.urgent);
  const [request] = waiting.splice(urgent >= 0 ? urgent : 0, 1);
  await run(request);
  if (waiting.length > 0) setImmediate(runNext);
  else scheduled = false;
}

// feeds: { name: { type, data, dims } }, e.g. int64 input_ids and attention_mask, or the word model's string words.
async function run({ id, model, feeds }) {
  try {
    const res = await sessions[model].run(Object.fromEntries(Object.entries(feeds).map(([name, f]) => [name, new ort.Tensor(f.type, f.data, f.dims)])));
    const output = res.logits ?? Object.values(res)[0];
    const logits = Float32Array.from(output.data);
    parentPort.postMessage({ type: "result", id, value: logits }, [logits.buffer]);
  } catch (err) {
    parentPort.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
}
