import { Worker } from "node:worker_threads";

/**
 * A request/response client for one worker thread running a plain .mjs file (loaded by path at run time, so
 * Next's bundler leaves it alone). The worker posts {type: "ready"} or {type: "failed", message} once, then
 * answers each {id, ...request} with {type: "result", id, value} or {type: "error", id, message}.
 * If the worker dies, the calls in flight fail and the next call starts a fresh worker. An idle worker never
 * keeps the process alive.
 */
type WorkerMessage<Res> =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; value: Res }
  | { type: "error"; id: number; message: string };

interface Pending<Res> {
  resolve(value: Res): void;
  reject(err: Error): void;
}

export class WorkerClient<Req extends object, Res> {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending<Res>>();
  /** Calls not yet answered, including those still waiting for the worker to start (drain waits for them). */
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  /** Fails the start in progress (close() during a start). */
  private rejectStart: ((err: Error) => void) | null = null;
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly workerData?: unknown,
  ) {}

  /** Starts the worker (if not running) and waits until it says it is ready. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.file, { workerData: this.workerData });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      this.rejectStart = reject;
      worker.on("message", (m: WorkerMessage<Res>) => {
        if (m.type === "ready") {
          this.rejectStart = null;
          resolve();
        }
        else if (m.type === "failed") {
          reject(new Error(m.message));
          void this.close();
        } else this.settle(m);
      });
      worker.on("error", (err) => this.fail(worker, err, reject));
      worker.on("exit", (code) => this.fail(worker, new Error(`worker ${this.file} exited with code ${code}`), reject));
    });
    // A start failure is reported to the caller of call()/start(); don't also make it an unhandled rejection.
    this.ready.catch(() => {});
    return this.ready;
  }

  async call(request: Req, transfer: ArrayBuffer[] = []): Promise<Res> {
    this.active++;
    try {
      await this.start();
      const worker = this.worker;
      if (!worker) throw new Error(`worker ${this.file} is not running`);
      const id = this.nextId++;
      return await new Promise<Res>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.ref(); // an answer is owed: keep the process alive until it comes
        worker.postMessage({ ...request, id }, transfer);
      });
    } finally {
      this.active--;
      if (this.pending.size === 0) this.worker?.unref();
      if (this.active === 0) for (const idle of this.idleWaiters.splice(0)) idle();
    }
  }

  /** Graceful shutdown: waits for every call made so far to be answered, then stops the worker. */
  async drain(): Promise<void> {
    if (this.active > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.close();
  }

  /** Stops the worker now; calls still in flight fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    const closed = new Error(`worker ${this.file} was closed`);
    this.rejectStart?.(closed);
    this.rejectStart = null;
    for (const p of this.pending.values()) p.reject(closed);
    this.pending.clear();
    if (w) await w.terminate();
  }

  private settle(m: Extract<WorkerMessage<Res>, { id: number }>) {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === "result") p.resolve(m.value);
    else p.reject(new Error(m.message));
  }

  private fail(worker: Worker, err: Error, rejectStart: (e: Error) => void) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    this.rejectStart = null;
    rejectStart(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
