// The anonymizer's tagger in its own thread: under load it was half of the server's main-thread time, and every
// other request (crisis answers included) waited behind it. Loaded by path at run time (see lib/threads).
import { parentPort } from "node:worker_threads";
import { findEntitySpans } from "./tag.mjs";

parentPort.postMessage({ type: "ready" });
parentPort.on("message", ({ id, text }) => {
  try {
    parentPort.postMessage({ type: "result", id, value: findEntitySpans(text) });
  } catch (err) {
    parentPort.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
});
