import path from "node:path";
import { startServer, type Server } from "../lib/harness";
import { supportEventSchema } from "../../lib/ai/support-message";
import { supportViewOf } from "../../lib/ai/support-view";
import { INTERNALS } from "../lib/self-check-load";
import { ROOT } from "../lib/project-copy";
import { check, dir, embeddedEnv, port } from "./context";

export async function drillLlm() {
  const { startFakeLlm } = (await import(path.join(ROOT, "test/support/fakes/fake-llm-server.mjs"))) as {
    startFakeLlm: (o: object) => Promise<{ baseURL: string; close: () => Promise<void> }>;
  };
  const fake = await startFakeLlm({ port: 0, slowFirstTokenMs: 30_000 });
  const timeouts = { LLM_FIRST_TOKEN_TIMEOUT_MS: "2000", LLM_IDLE_TIMEOUT_MS: "2000", LLM_OFFLINE_CHUNK_DELAY_MS: "0" };
  const llm = (baseURL: string) => ({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: baseURL, LLM_MODEL: "fake-model", LLM_API_KEY: "drill-key", ...timeouts });
  const closedPort = port(); // nothing listens here
  const servers: [string, Server][] = [
    ["fake", await startServer(dir, port(), embeddedEnv(llm(fake.baseURL)))],
    ["unreachable", await startServer(dir, port(), embeddedEnv(llm(`http://127.0.0.1:${closedPort}/v1`)))],
  ];
  try {
    const cases: [string, string, string][] = [
      ["unreachable", "unreachable", "I feel so alone lately and I can't sleep."],
      ["fake", "slow (no first token)", "I feel so alone lately and I can't sleep. fake-llm:slow"],
      ["fake", "failing (HTTP 500)", "I feel so alone lately and I can't sleep. fake-llm:error"],
      ["fake", "cut mid-stream", "I feel so alone lately and I can't sleep. fake-llm:cut"],
      ["fake", "quiet mid-stream", "I feel so alone lately and I can't sleep. fake-llm:stall"],
    ];
    for (const [which, label, prompt] of cases) {
      const server = servers.find(([k]) => k === which)![1];
      const started = Date.now();
      const res = await fetch(`${server.url}/api/resources`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt, tier: "elevated", country: "US", conditions: { depression: 0.7 } }),
        signal: AbortSignal.timeout(30_000),
      }).catch((e: Error) => e);
      const body = res instanceof Error ? "" : await res.text();
      const ms = Date.now() - started;
      // The route streams NDJSON events of the structured message; the person's page reads it the same way.
      const events = body.split("\n").filter((l) => l.trim()).map((l) => {
        try {
          return supportEventSchema.safeParse(JSON.parse(l));
        } catch {
          return { success: false as const };
        }
      });
      const view = supportViewOf(events.flatMap((e) => (e.success ? [e.data] : [])));
      const words = `${view.opening} ${view.picks.map((p) => p.why).join(" ")} ${view.closing}`.trim();
      const complete =
        !(res instanceof Error) && res.status === 200 && events.every((e) => e.success) && view.ended && view.picks.length > 0 && words.length > 80 && /[.!?)\]]\s*$/.test(view.closing.trim()) && !INTERNALS.test(body);
      check("llm", `LLM ${label}: the offline composer completes the message`, complete, res instanceof Error ? res.message : `status ${res.status}, ${view.picks.length} services, ${words.length} characters in ${ms} ms, ends "${view.closing.trim().slice(-30)}"`);
    }
  } finally {
    for (const [, s] of servers) await s.stop();
    await fake.close();
  }
}
