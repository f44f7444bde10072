// The anonymizer's tagger in its own thread: under load it was half of the server's main-thread time, and every
// other request (crisis answers included) waited behind it. Loaded by path at run time (see lib/threads).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { findEntitySpans } from "./tag.mjs";

// Anonymizing is for saving, which the page does after the person has their answer: when the cores are busy, the
// classifier's thread and the main thread go first. Linux nice values are per thread (/proc/thread-self names
// this one); elsewhere this is skipped and the thread keeps the default priority.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 19);
} catch {
  // not Linux, or not allowed: same priority as the rest
}

parentPort.postMessage({ type: "ready" });
parentPort.on("message", ({ id, text }) => {
  try {
    parentPort.postMessage({ type: "result", id, value: findEntitySpans(text) });
  } catch (err) {
    parentPort.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) });
  }
});
