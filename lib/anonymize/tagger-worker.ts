// The anonymizer's tagger in its own thread: under load it was half of the server's main-thread time, and every
// other request (crisis answers included) waited behind it. Started through tagger-worker-entry.mjs (see there why).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { findEntitySpans } from "./tag";

// Anonymizing is for saving, which the page does after the person has their answer: when the cores are busy, the
// classifier's thread and the main thread go first. Linux nice values are per thread (/proc/thread-self names
// this one); elsewhere this is skipped and the thread keeps the default priority.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 19);
} catch {
  // not Linux, or not allowed: same priority as the rest
}

const port = parentPort;
if (!port) throw new Error("tagger-worker.ts runs only as a worker thread");
port.postMessage({ type: "ready" });
port.on("message", ({ id, text }: { id: number; text: string }) => {
  try {
    port.postMessage({ type: "result", id, value: findEntitySpans(text) });
  } catch (err) {
    port.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
});
