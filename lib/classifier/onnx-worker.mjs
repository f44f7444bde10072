// The ONNX session's thread. onnxruntime-node's session.run() is a synchronous native call on the calling
// thread, so on the main thread every inference froze the server's event loop (measured under load: a third
// of the main thread's time, with the HTTP, anonymizer and database work waiting behind it). Here it blocks
// only this worker. Plain JavaScript, loaded by path at run time, so neither Next's bundler nor tsx touches it.
import { parentPort, workerData } from "node:worker_threads";
import * as ort from "onnxruntime-node";

let session;
try {
  session = await ort.InferenceSession.create(workerData.modelPath, workerData.options);
  parentPort.postMessage({ type: "ready" });
} catch (err) {
  parentPort.postMessage({ type: "failed", message: err instanceof Error ? err.message : String(err) });
}

parentPort.on("message", async ({ id, ids, mask, dims }) => {
  try {
    const res = await session.run({
      input_ids: new ort.Tensor("int64", ids, dims),
      attention_mask: new ort.Tensor("int64", mask, dims),
    });
    const output = res.logits ?? Object.values(res)[0];
    const logits = Float32Array.from(output.data);
    parentPort.postMessage({ type: "result", id, value: logits }, [logits.buffer]);
  } catch (err) {
    parentPort.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
});
