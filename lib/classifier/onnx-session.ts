import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * An onnxruntime-node session living in a worker thread (see onnx-worker.mjs for why). One inference is in
 * flight per worker at a time from the caller's queue; the worker's own intra-op threads do the maths.
 * If the worker dies, the pending calls fail (the self-check then shows the crisis card) and the next call
 * starts a fresh worker.
 */
export interface SessionOptions {
  intraOpNumThreads: number;
}

interface Pending {
  resolve(logits: Float32Array): void;
  reject(err: Error): void;
}

type WorkerMessage =
  | { type: "ready"; outputNames: string[] }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; logits: Float32Array }
  | { type: "error"; id: number; message: string };

// Resolved from the working directory at run time, so Next's bundler leaves the worker file alone.
const WORKER_FILE = path.join(process.cwd(), "lib", "classifier", "onnx-worker.mjs");

export class OnnxWorkerSession {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  private constructor(
    private readonly modelPath: string,
    private readonly options: SessionOptions,
  ) {}

  /** Starts the worker and waits for the model to load; rejects with the runtime's message if it can't. */
  static async create(modelPath: string, options: SessionOptions): Promise<OnnxWorkerSession> {
    const s = new OnnxWorkerSession(modelPath, options);
    await s.start();
    return s;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        modelPath: this.modelPath,
        options: {
          intraOpNumThreads: this.options.intraOpNumThreads,
          interOpNumThreads: 1,
          executionMode: "sequential",
          graphOptimizationLevel: "all",
          // spinning worker threads collapse throughput when the 2 cores are shared (measured: 1066 ms vs
          // 156 ms for a 256-token window under load 20), so threads sleep instead of spinning
          extra: { session: { intra_op: { allow_spinning: "0" }, inter_op: { allow_spinning: "0" } } },
        },
      },
    });
    worker.unref(); // an idle classifier never keeps a CLI or test process alive
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "ready") resolve();
        else if (m.type === "failed") reject(new Error(m.message));
        else this.settle(m);
      });
      worker.on("error", (err) => this.fail(worker, err, reject));
      worker.on("exit", (code) => this.fail(worker, new Error(`classifier worker exited with code ${code}`), reject));
    });
    return this.ready;
  }

  private settle(m: Extract<WorkerMessage, { id: number }>) {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === "result") p.resolve(m.logits);
    else p.reject(new Error(m.message));
  }

  private fail(worker: Worker, err: Error, rejectStart: (e: Error) => void) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    rejectStart(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Logits [rows × labels] for one padded batch. */
  async run(ids: BigInt64Array, mask: BigInt64Array, dims: [number, number]): Promise<Float32Array> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error("classifier worker is not running");
    const id = this.nextId++;
    return new Promise<Float32Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // keep the process alive while an answer is owed
      worker.postMessage({ id, ids, mask, dims }, [ids.buffer as ArrayBuffer, mask.buffer as ArrayBuffer]);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}
