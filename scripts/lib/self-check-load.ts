import { randomUUID } from "node:crypto";

export interface CheckRecord {
  key: string;
  startedAt: number;
  ms: number;
  status: number;
  body: { outcome?: string; showCrisis?: boolean; message?: string; save?: { status?: string; reference?: string; receipt?: string }; textRead?: string; analysis?: { tier?: string } } | null;
  raw: string;
  error?: string;
}

/** Text that must never reach a person: stack frames, file paths, driver and library names. */
export const INTERNALS = /\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+|ECONNREFUSED|ETIMEDOUT|prisma|pglite|postgres|\bsql\b|stack trace|onnx|\w+Error\b|Error:/i;

/** What the app itself wrote in an answer (not the person's own words echoed back as evidence or text read). */
export function appWords(r: CheckRecord): string {
  if (!r.body) return r.raw;
  const { message, save, outcome } = r.body as Record<string, unknown>;
  return JSON.stringify({ message, save, outcome, error: (r.body as Record<string, unknown>).error });
}

/**
 * `concurrency` people doing the self-check (with consent) in a loop until `durationMs` has passed, as the page does
 * it: the answer first (saveLater), then the save with its receipt. A record is the whole self-check, with the
 * save's answer in `body.save`.
 */
export async function selfCheckLoad(opts: {
  url: string;
  posts: string[];
  concurrency: number;
  durationMs: number;
  consent?: boolean;
  /** Called with every answer as it arrives. */
  onRecord?: (r: CheckRecord) => void;
  /** Ends the run early once it returns true. */
  stop?: () => boolean;
}): Promise<CheckRecord[]> {
  const records: CheckRecord[] = [];
  const end = Date.now() + opts.durationMs;
  let n = 0;
  async function person(i: number) {
    const ip = `100.${64 + i}.0.${1 + (i % 250)}`;
    while (Date.now() < end && !opts.stop?.()) {
      const key = randomUUID();
      const text = opts.posts[n++ % opts.posts.length]!;
      const startedAt = Date.now();
      try {
        const res = await fetch(`${opts.url}/api/self-check`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
          body: JSON.stringify({ text, consent: opts.consent ?? true, submissionKey: key, country: "US", saveLater: true }),
          signal: AbortSignal.timeout(30_000),
        });
        let raw = await res.text();
        let body: CheckRecord["body"] = null;
        try {
          body = JSON.parse(raw) as CheckRecord["body"];
        } catch {
          // kept as raw
        }
        if (body?.save?.status === "pending") {
          const saved = await fetch(`${opts.url}/api/self-check/save`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": ip },
            body: JSON.stringify({ receipt: body.save.receipt, text: body.textRead }),
            signal: AbortSignal.timeout(30_000),
          });
          const savedRaw = await saved.text();
          raw += `\n${savedRaw}`;
          try {
            const answer = JSON.parse(savedRaw) as { status?: string; reference?: string; error?: string };
            body.save = saved.ok ? answer : { status: "failed" };
            if (!saved.ok) body.message = answer.error;
          } catch {
            body.save = { status: "failed" };
          }
        }
        const record = { key, startedAt, ms: Date.now() - startedAt, status: res.status, body, raw };
        records.push(record);
        opts.onRecord?.(record);
      } catch (err) {
        const record = { key, startedAt, ms: Date.now() - startedAt, status: 0, body: null, raw: "", error: (err as Error).message };
        records.push(record);
        opts.onRecord?.(record);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => person(i)));
  return records;
}
