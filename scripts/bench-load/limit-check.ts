// "A client alternating between the instances is limited after the same self-checks as on one": one client (one
// loopback address) asks until it is refused, once straight to one instance and once through the proxy, whose
// round-robin alternates a lone client between the instances. Both run on the real default limit.
import { randomUUID } from "node:crypto";
import { postJson, type Answer } from "./people";

export interface LimitRun {
  /** Self-checks answered before the first refusal. */
  allowed: number;
  /** The refusal's status (429 expected), or null if none came within the cap. */
  refusalStatus: number | null;
  refusalCarriesCrisisLines: boolean;
  /** Which instance answered each self-check, in order. */
  upstreams: (string | null)[];
}

const CAP = 200;

async function untilRefused(send: () => Promise<Answer>): Promise<LimitRun> {
  const upstreams: (string | null)[] = [];
  for (let i = 0; i < CAP; i++) {
    const answer = await send();
    upstreams.push(answer.upstream);
    if (answer.status !== 200) {
      let crisis = false;
      try {
        crisis = Array.isArray((JSON.parse(answer.body) as { crisisLines?: unknown }).crisisLines);
      } catch {
        // not JSON: no crisis lines
      }
      return { allowed: i, refusalStatus: answer.status, refusalCarriesCrisisLines: crisis, upstreams };
    }
  }
  return { allowed: CAP, refusalStatus: null, refusalCarriesCrisisLines: false, upstreams };
}

/** Every answer came from a different instance than the one before (a lone client on round-robin). */
export function alternated(upstreams: (string | null)[]): boolean {
  return upstreams.length > 1 && upstreams.every((u, i) => u !== null && (i === 0 || u !== upstreams[i - 1]));
}

export async function limitCheck(opts: { proxyUrl: string; instanceUrl: string; text: string }) {
  const body = () => ({ text: opts.text, consent: false, submissionKey: randomUUID(), country: "US" });
  // Straight to one instance: with TRUSTED_PROXY_HOPS=1 and no X-Forwarded-For, the socket's address is the client.
  const one = await untilRefused(() => postJson(opts.instanceUrl, "/api/self-check", body(), { localAddress: "127.20.0.1" }));
  const alternating = await untilRefused(() => postJson(opts.proxyUrl, "/api/self-check", body(), { localAddress: "127.20.0.2" }));
  return { one, alternating, alternatedStrictly: alternated(alternating.upstreams) };
}
