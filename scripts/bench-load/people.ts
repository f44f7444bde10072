// The multi-instance bench's load: people doing the self-check with consent as the page does it, through the proxy,
// each from its own loopback address (127.10.x.y: the proxy sees a distinct client per person and writes it into
// X-Forwarded-For, as it would for people on the internet). Every HTTP attempt is recorded with the instance that
// answered it, so failures can be laid against the moments instances were stopped.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { UPSTREAM_HEADER } from "./nginx";

export interface Attempt {
  kind: "check" | "save";
  key: string;
  /** 0: the first try; 1: the retry with the same submission key (or receipt). */
  attempt: number;
  /** performance.now() when sent and when the answer (or the failure) came. */
  startedAt: number;
  endedAt: number;
  /** 0: no HTTP answer at all (connection refused or reset, timeout). */
  status: number;
  /** The instance that answered (the last one nginx tried), "127.0.0.1:port"; null without an answer. */
  upstream: string | null;
  error?: string;
}

/** One person's self-check: the answer, then (with a receipt) the save. */
export interface Flow {
  key: string;
  startedAt: number;
  /** The answer carried a save receipt: the case must end up in the database exactly once. */
  consented: boolean;
  outcome: string;
  /** The save's last answer: saved, queued, failed, or the refusal's problem; undefined without a receipt. */
  save?: string;
}

export interface Load {
  attempts: Attempt[];
  flows: Flow[];
  classified: number;
}

export const newLoad = (): Load => ({ attempts: [], flows: [], classified: 0 });

export interface Answer {
  status: number;
  upstream: string | null;
  body: string;
}

/**
 * POST a JSON body on a connection of its own (no keep-alive: a proxy reload closes idle connections, and the
 * browser's quiet resend of a request on a closed keep-alive connection is not what is measured here).
 */
export function postJson(url: string, path: string, body: unknown, options: { localAddress?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer> {
  const target = new URL(path, url);
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent: false,
        localAddress: options.localAddress,
        timeout: options.timeoutMs ?? 30_000,
        headers: { "content-type": "application/json", "content-length": payload.length, connection: "close", ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const upstream = res.headers[UPSTREAM_HEADER];
          const tried = typeof upstream === "string" ? upstream.split(",").map((s) => s.trim()) : [];
          resolve({ status: res.statusCode ?? 0, upstream: tried.at(-1) ?? null, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

/** The page's own rhythm: a failed save is tried once more after 2 s with the same receipt (self-check-form.tsx). */
export const RETRY_DELAY_MS = 2_000;
const retryable = (status: number) => status === 0 || status >= 500;

export const personAddress = (i: number) => `127.10.${Math.floor(i / 250)}.${1 + (i % 250)}`;

function parse<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

async function tryTwice(load: Load, kind: Attempt["kind"], key: string, send: () => Promise<Answer>): Promise<Answer> {
  let last: Answer = { status: 0, upstream: null, body: "" };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    const startedAt = performance.now();
    try {
      last = await send();
      load.attempts.push({ kind, key, attempt, startedAt, endedAt: performance.now(), status: last.status, upstream: last.upstream });
    } catch (err) {
      last = { status: 0, upstream: null, body: "" };
      load.attempts.push({ kind, key, attempt, startedAt, endedAt: performance.now(), status: 0, upstream: null, error: (err as Error).message });
    }
    if (!retryable(last.status)) break;
  }
  return last;
}

/**
 * One person's self-check. The answer is retried once with the same submission key after a 5xx or no answer (the
 * page shows the crisis lines at once, and the person asks again; the key makes a second answer safe), then the save
 * with its receipt, retried once after 2 s as the page does.
 */
export async function selfCheckFlow(load: Load, url: string, text: string, localAddress: string): Promise<Flow> {
  const key = randomUUID();
  const flow: Flow = { key, startedAt: performance.now(), consented: false, outcome: "no answer" };
  load.flows.push(flow);
  const checkBody = { text, consent: true, submissionKey: key, country: "US", saveLater: true };
  const answer = await tryTwice(load, "check", key, () => postJson(url, "/api/self-check", checkBody, { localAddress }));
  const result = parse<{ outcome?: string; textRead?: string; save?: { status?: string; receipt?: string } }>(answer.body);
  flow.outcome = answer.status === 0 ? "no answer" : (result?.outcome ?? `HTTP ${answer.status}`);
  if (result?.outcome === "result") load.classified++;
  if (answer.status !== 200 || result?.save?.status !== "pending" || !result.save.receipt) return flow;
  flow.consented = true;
  const saveBody = { receipt: result.save.receipt, text: result.textRead };
  const saved = await tryTwice(load, "save", key, () => postJson(url, "/api/self-check/save", saveBody, { localAddress }));
  const status = parse<{ status?: string; problem?: string }>(saved.body);
  flow.save = saved.status === 0 ? "no answer" : saved.status === 200 ? (status?.status ?? "unparseable") : (status?.problem ?? `HTTP ${saved.status}`);
  return flow;
}

/** `people` people doing self-checks back to back until `running()` turns false; every flow started is finished. */
export async function drivePeople(load: Load, url: string, posts: string[], people: number, running: () => boolean): Promise<void> {
  let n = 0;
  await Promise.all(
    Array.from({ length: people }, async (_, i) => {
      const address = personAddress(i);
      while (running()) await selfCheckFlow(load, url, posts[n++ % posts.length]!, address);
    }),
  );
}
