import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { loadPosts } from "../lib/posts";
import { ROOT } from "../lib/project-copy";
import { duration } from "./options";
import { countStatus, type RunStats } from "./stats";

export const posts = loadPosts(ROOT);

export function selfCheckRequests(stats: RunStats) {
  return [
    {
      method: "POST",
      path: "/api/self-check",
      headers: { "content-type": "application/json" },
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        const key = randomUUID();
        ctx.key = key;
        ctx.receipt = undefined;
        // Each connection is one person behind its own address (hashed by the app, never stored).
        ctx.ip ??= `100.${64 + Math.floor(Math.random() * 60)}.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
        stats.sent.add(key);
        const text = posts[Math.floor(Math.random() * posts.length)]!;
        ctx.startedAt = performance.now();
        return {
          ...req,
          headers: { "content-type": "application/json", "x-forwarded-for": ctx.ip as string },
          body: JSON.stringify({ text, consent: true, submissionKey: key, country: "US", saveLater: true }),
        };
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        stats.latencies.push(performance.now() - (ctx.startedAt as number));
        countStatus(stats, status);
        try {
          const result = JSON.parse(body) as { outcome?: string; textRead?: string; save?: { status?: string; receipt?: string } };
          stats.outcomes[result.outcome ?? "?"] = (stats.outcomes[result.outcome ?? "?"] ?? 0) + 1;
          if (result.outcome === "result") stats.classified++;
          if (status === 200 && result.save?.status === "pending") {
            ctx.receipt = result.save.receipt;
            ctx.textRead = result.textRead;
          } else stats.answered.add(ctx.key as string);
        } catch {
          stats.outcomes["unparseable"] = (stats.outcomes["unparseable"] ?? 0) + 1;
          stats.answered.add(ctx.key as string);
        }
      },
    },
    {
      method: "POST",
      path: "/api/self-check/save",
      headers: { "content-type": "application/json" },
      setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
        ctx.saveStartedAt = performance.now();
        // autocannon sends every request of the sequence: with nothing to save (a refused post), a cheap health check
        if (!ctx.receipt) return { ...req, method: "GET", path: "/api/health", body: undefined };
        return {
          ...req,
          headers: { "content-type": "application/json", "x-forwarded-for": ctx.ip as string },
          body: JSON.stringify({ receipt: ctx.receipt, text: ctx.textRead }),
        };
      },
      onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
        if (!ctx.receipt) return;
        const now = performance.now();
        stats.saveLatencies.push(now - (ctx.saveStartedAt as number));
        stats.cycleLatencies.push(now - (ctx.startedAt as number));
        countStatus(stats, status);
        const key = ctx.key as string;
        stats.answered.add(key);
        try {
          const save = JSON.parse(body) as { status?: string };
          if (status === 200 && save.status === "saved") stats.saved.add(key);
          if (status === 200 && save.status === "queued") stats.queued.add(key);
        } catch {
          stats.outcomes["unparseable save"] = (stats.outcomes["unparseable save"] ?? 0) + 1;
        }
      },
    },
  ];
}

export function queueRequests(cookie: string, pages: number) {
  return [
    {
      method: "GET",
      path: "/review",
      setupRequest: (req: Record<string, unknown>) => ({
        ...req,
        path: `/review?page=${1 + Math.floor(Math.random() * pages)}`,
        headers: { cookie },
      }),
    },
  ];
}

export function drive(url: string, conns: number, requests: unknown[], stats: RunStats, seconds = duration): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: conns, duration: seconds, timeout: 30, requests: requests as never });
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (stats.ownTiming) return;
      stats.latencies.push(responseTime);
      countStatus(stats, statusCode);
    });
    instance.on("reqError", () => stats.errors++);
    let before = 0;
    instance.on("tick", () => {
      if (stats.perSecond.length >= seconds) return; // autocannon ticks once more as it stops
      stats.perSecond.push(stats.classified - before);
      before = stats.classified;
    });
    instance.on("error", reject);
    instance.on("done", (result: { duration: number; errors: number }) => {
      stats.durationS = result.duration;
      stats.errors = Math.max(stats.errors, result.errors);
      resolve();
    });
  });
}
