// N production servers (scripts/serve.mjs) on one database behind the nginx of ./nginx.ts, and the bench's stand-in
// for a load balancer's health check: an instance is in nginx's rotation only while its /api/ready answers 2xx
// (/api/health where there is no /api/ready), checked every 250 ms.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { log, startServer, type Server } from "../lib/harness";
import { startProxy, type Proxy } from "./nginx";

export interface Instance {
  /** 1-based, as the report names it. */
  n: number;
  port: number;
  /** As nginx names it in the upstream header. */
  address: string;
  server: Server | null;
  /** In nginx's rotation now. */
  up: boolean;
}

export interface ClusterEvent {
  at: number;
  what: string;
  instance: number;
  signal?: "SIGTERM" | "SIGKILL";
}

const PROBE_MS = 250;
const PROBE_TIMEOUT_MS = 5_000;
/**
 * Unanswered checks in a row (each waits PROBE_TIMEOUT_MS) before an instance leaves the rotation: a slow answer on a
 * loaded machine is not an outage. An instance that answers "not ready" (503 while it shuts down) or whose port
 * refuses leaves at once.
 */
const DOWN_AFTER = 3;
/**
 * How long a stopping instance keeps serving while its /api/ready says 503, as docs/deploy.md asks of a deployment
 * whose balancer learns only from its probes. The first 503 takes it out, but on a machine at load 10-15 that answer
 * itself took seconds. With 0, the listener closes at once and connections already waiting in its accept queue are
 * reset: six 502s at load 10 for requests nginx had sent to the SIGTERMed instance; with 2 s, two at load 15.
 */
export const SHUTDOWN_DELAY_MS = 5_000;

let readyPath: "/api/ready" | "/api/health" | null = null;

/** Ready: /api/ready answers 2xx; on a build without that route (404), /api/health. */
export async function probeReady(url: string): Promise<boolean> {
  const get = (p: string) => fetch(`${url}${p}`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  if (readyPath === null) {
    const res = await get("/api/ready");
    if (res.status === 404) {
      readyPath = "/api/health";
      return (await get(readyPath)).ok;
    }
    readyPath = "/api/ready";
    return res.ok;
  }
  return (await get(readyPath)).ok;
}

type Probe = "ready" | "not ready" | "no answer";

/** "not ready": the instance said so, or its port refused (it is gone); "no answer": too slow, maybe only loaded. */
async function probe(url: string): Promise<Probe> {
  try {
    return (await probeReady(url)) ? "ready" : "not ready";
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code === "ECONNREFUSED" ? "not ready" : "no answer";
  }
}

export const readinessPath = () => readyPath;

export class Cluster {
  readonly instances: Instance[];
  readonly events: ClusterEvent[] = [];
  private proxy: Proxy | null = null;
  /** Slow probes in a row, per instance. */
  private failures = new Map<number, number>();
  private ready = new Map<number, boolean>();
  private watching = false;
  private watcher: Promise<void> | null = null;

  constructor(
    private readonly dir: string,
    ports: number[],
    private readonly proxyPort: number,
    private readonly tempDir: string,
    private env: NodeJS.ProcessEnv,
  ) {
    this.instances = ports.map((port, i) => ({ n: i + 1, port, address: `127.0.0.1:${port}`, server: null, up: false }));
  }

  get url(): string {
    if (!this.proxy) throw new Error("the proxy is not started");
    return this.proxy.url;
  }

  /** Each instance keeps its own outbox folder across restarts (a pod's volume): a queued case outlives a crash. */
  private outboxOf(instance: Instance): string {
    const dir = path.join(this.tempDir, `outbox-${instance.n}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private note(instance: Instance, what: string, signal?: ClusterEvent["signal"]) {
    this.events.push({ at: performance.now(), what, instance: instance.n, signal });
    log(`instance ${instance.n} (:${instance.port}): ${what}`);
  }

  private async launch(instance: Instance) {
    instance.server = await startServer(this.dir, instance.port, { ...this.env, LANTERN_OUTBOX_DIR: this.outboxOf(instance) }, { entry: "serve", ready: probeReady, timeoutMs: 120_000 });
    this.failures.set(instance.n, 0);
  }

  /** Starts every instance (in turn: two cold starts at once on 2 cores only slow each other), then the proxy. */
  async start() {
    for (const instance of this.instances) {
      await this.launch(instance);
      instance.up = true;
      this.note(instance, "ready");
    }
    this.proxy = await startProxy(path.join(this.tempDir, "nginx"), this.proxyPort, this.instances);
    this.watching = true;
    this.watcher = this.watch();
  }

  private publish() {
    this.proxy?.setUpstreams(this.instances.map((i) => ({ port: i.port, up: i.up })));
  }

  /** One loop per instance, so a slow answer from one never delays noticing that another is gone. */
  private watch(): Promise<void> {
    return Promise.all(
      this.instances.map(async (instance) => {
        while (this.watching) {
          // A stopped instance (or one still starting) counts as refused, as a load balancer would see its port.
          const result: Probe = instance.server === null ? "not ready" : await probe(`http://127.0.0.1:${instance.port}`);
          const slow = result === "no answer" ? (this.failures.get(instance.n) ?? 0) + 1 : 0;
          this.failures.set(instance.n, slow);
          this.ready.set(instance.n, result === "ready" || (result === "no answer" && instance.up && slow < DOWN_AFTER));
          this.reconcile();
          await new Promise((r) => setTimeout(r, PROBE_MS));
        }
      }),
    ).then(() => undefined);
  }

  private reconcile() {
    let wanted = this.instances.map((instance) => this.ready.get(instance.n) ?? false);
    // Fail open, as load balancers do: with no instance passing, every running one is in (nginx still skips a dead
    // port), rather than answering everyone 502.
    if (!wanted.some(Boolean)) wanted = this.instances.map((instance) => instance.server !== null);
    let changed = false;
    this.instances.forEach((instance, i) => {
      if (wanted[i] === instance.up) return;
      instance.up = wanted[i]!;
      changed = true;
      this.note(instance, instance.up ? "in the proxy's rotation" : "out of the proxy's rotation (not ready)");
    });
    if (changed) this.publish();
  }

  /** Resolves once every instance but `except` is in the rotation (a fault is never added to an outage). */
  async othersUp(except: Instance) {
    while (!this.instances.every((i) => i === except || i.up)) await new Promise((r) => setTimeout(r, 50));
  }

  /**
   * Sends the signal to the instance and waits for it to exit; the proxy is not told (it finds out as a load
   * balancer would: refused connections, then the failed readiness checks). Returns how long the exit took.
   */
  async stop(instance: Instance, signal: "SIGTERM" | "SIGKILL"): Promise<{ exitCode: number | null; exitSignal: string | null; ms: number; sentAt: number; exitedAt: number }> {
    const server = instance.server;
    if (!server) throw new Error(`instance ${instance.n} is not running`);
    const child = server.child;
    const sentAt = performance.now();
    this.note(instance, `${signal} sent`, signal);
    const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
    child.kill(signal);
    await exited;
    const exitedAt = performance.now();
    instance.server = null;
    const ms = Math.round(exitedAt - sentAt);
    this.note(instance, `exited (code ${child.exitCode}, signal ${child.signalCode}) ${ms} ms after ${signal}`);
    return { exitCode: child.exitCode, exitSignal: child.signalCode, ms, sentAt, exitedAt };
  }

  /** Starts the instance again with the same settings; resolves once the proxy has it back in its rotation. */
  async restart(instance: Instance): Promise<number> {
    const startedAt = performance.now();
    await this.launch(instance);
    this.note(instance, "restarted and ready");
    while (!instance.up) await new Promise((r) => setTimeout(r, 50));
    return Math.round(performance.now() - startedAt);
  }

  /** The same instances with other settings (e.g. the real rate limits): every one stopped, then started again. */
  async restartAllWith(env: NodeJS.ProcessEnv) {
    for (const instance of this.instances) if (instance.server) await this.stop(instance, "SIGTERM");
    this.env = env;
    for (const instance of this.instances) await this.restart(instance);
  }

  /** Lines of every instance's log (since it last started) that hold `text`. */
  logLines(text: string): number {
    return this.instances.reduce((n, i) => n + (i.server?.output().split("\n").filter((l) => l.includes(text)).length ?? 0), 0);
  }

  serverOutput(): string {
    return this.instances.map((i) => `--- instance ${i.n}\n${i.server?.output().slice(-2000) ?? "(not running)"}`).join("\n");
  }

  async close() {
    this.watching = false;
    await this.watcher;
    await Promise.all(this.instances.map((i) => i.server?.stop()));
    await this.proxy?.stop();
  }
}
