import path from "node:path";
import { WorkerClient } from "@/lib/threads/worker-client";

/**
 * An onnxruntime-node session living in a worker thread (see onnx-worker.mjs for why). The caller's queue keeps
 * up to two runs in flight, which the worker answers in order, except that an urgent batch (a classified post's
 * evidence) goes before any that waits; its own intra-op threads do the maths. If the worker dies, the calls in flight
 * fail (the self-check then shows the crisis card) and the next call starts a fresh worker.
 */
export interface SessionOptions {
  intraOpNumThreads: number;
}

interface Feed {
  type: "int64" | "float32" | "string";
  data: BigInt64Array | Float32Array | string[];
  dims: number[];
}

interface RunRequest {
  model: "ensemble" | "words";
  feeds: Record<string, Feed>;
  urgent?: boolean;
}

// Resolved from the working directory at run time, so Next's bundler leaves the worker file alone.
const WORKER_FILE = path.join(process.cwd(), "lib", "classifier", "onnx-worker.mjs");

export class OnnxWorkerSession {
  private constructor(private readonly client: WorkerClient<RunRequest, Float32Array>) {}

  /** Starts the worker and waits for the model to load; rejects with the runtime's message if it can't. */
  static async create(modelPath: string, options: SessionOptions, wordModelPath?: string): Promise<OnnxWorkerSession> {
    const client = new WorkerClient<RunRequest, Float32Array>(WORKER_FILE, {
      models: { ensemble: modelPath, ...(wordModelPath ? { words: wordModelPath } : {}) },
      options: {
        intraOpNumThreads: options.intraOpNumThreads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
        // spinning worker threads collapse throughput when the 2 cores are shared (measured: 1066 ms vs
        // 156 ms for a 256-token window under load 20), so threads sleep instead of spinning
        extra: { session: { intra_op: { allow_spinning: "0" }, inter_op: { allow_spinning: "0" } } },
      },
    });
    await client.start();
    return new OnnxWorkerSession(client);
  }

  /** Logits [rows × labels] for one padded batch of token ids; urgent batches run before any that waits. */
  run(ids: BigInt64Array, mask: BigInt64Array, dims: [number, number], urgent = false): Promise<Float32Array> {
    const feeds = { input_ids: { type: "int64", data: ids, dims }, attention_mask: { type: "int64", data: mask, dims } } as const;
    return this.client.call({ model: "ensemble", feeds, urgent }, [ids.buffer as ArrayBuffer, mask.buffer as ArrayBuffer]);
  }

  /** Logits [rows × labels] for the word model: one row of distinct n-grams per text ("" pads) and their counts. */
  runWords(ngrams: string[], counts: Float32Array, dims: [number, number]): Promise<Float32Array> {
    const feeds = { ngrams: { type: "string", data: ngrams, dims }, counts: { type: "float32", data: counts, dims } } as const;
    return this.client.call({ model: "words", feeds }, [counts.buffer as ArrayBuffer]);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Waits for the runs in flight, then stops the worker (graceful shutdown). */
  drain(): Promise<void> {
    return this.client.drain();
  }
}
