import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metricsAccess } from "./access";
import { observeRequest, routeLabeler } from "./http.mjs";
import { countClassification, countClassificationFailure, countRateLimitHit, scrape, setJobStatsSource, setOutboxPendingSource } from "./index";
import { lanternMetrics } from "./registry.mjs";

const TOKEN = "metrics-token-0123456789abcdef0123456789";

describe("metrics access", () => {
  it("does not exist without a token, and wants exactly the configured bearer token", () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("not found");
    expect(metricsAccess(`Bearer ${TOKEN}`, "")).toBe("not found");
    expect(metricsAccess(null, TOKEN)).toBe("unauthorized");
    expect(metricsAccess("", TOKEN)).toBe("unauthorized");
    expect(metricsAccess(TOKEN, TOKEN)).toBe("unauthorized"); // no scheme
    expect(metricsAccess(`Basic ${TOKEN}`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe("unauthorized");
    expect(metricsAccess("Bearer ", TOKEN)).toBe("unauthorized");
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(metricsAccess(`bearer   ${TOKEN} `, TOKEN)).toBe("allowed");
  });
});

describe("route labels", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "lantern-routes-"));
  writeFileSync(
    path.join(dist, "routes-manifest.json"),
    JSON.stringify({
      staticRoutes: [{ page: "/" }, { page: "/review" }, { page: "/api/ready" }],
      dynamicRoutes: [
        { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
        { page: "/review/[id]", regex: "^/review/([^/]+?)(?:/)?$" },
      ],
    }),
  );
  const label = routeLabeler(dist);

  it("names the route template, never the URL", () => {
    expect(label("/review/6f1c2b7e-3a6d-4c8e-9f00-123456789abc")).toBe("/review/[id]");
    expect(label("/review/6f1c2b7e?tab=notes")).toBe("/review/[id]");
    expect(label("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(label("/?_rsc=abc")).toBe("/");
    expect(label("/review.rsc")).toBe("/review");
    expect(label("/review/")).toBe("/review");
    expect(label("/api/ready")).toBe("/api/ready");
    expect(label("/_next/static/chunks/app-4f3a.js")).toBe("/_next/static");
  });

  it("puts everything else under one label", () => {
    for (const p of ["/wp-admin/setup.php", "/someone@example.org", "/review/a/b", "/favicon.ico"]) expect(label(p)).toBe("other");
    expect(routeLabeler(path.join(dist, "missing"))("/review")).toBe("other");
  });
});

async function text(): Promise<string> {
  return (await scrape()).body;
}

describe("the registry", () => {
  it("is one per process, on globalThis (the front server and every Next bundle add to the same metrics)", () => {
    expect(lanternMetrics()).toBe((globalThis as Record<symbol, unknown>)[Symbol.for("lantern.metrics")]);
  });

  it("times requests by route template, method and status, with the process's default metrics", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), "lantern-routes-"));
    writeFileSync(path.join(dist, "routes-manifest.json"), JSON.stringify({ staticRoutes: [], dynamicRoutes: [{ page: "/review/[id]", regex: "^/review/([^/]+?)(?:/)?$" }] }));
    const label = routeLabeler(dist);
    const server = createServer((req, res) => {
      observeRequest(req, res, label);
      if (req.url === "/review/never-answered") return; // the client gives up first
      setTimeout(() => {
        res.statusCode = req.url?.startsWith("/review/") ? 200 : 404;
        res.end("ok");
      }, 20);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    await fetch(`http://127.0.0.1:${port}/review/secret-case-id-42`).then((r) => r.text());
    await fetch(`http://127.0.0.1:${port}/private/person@example.org`, { method: "POST" }).then((r) => r.text());
    await fetch(`http://127.0.0.1:${port}/review/never-answered`, { signal: AbortSignal.timeout(100) }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100)); // the server sees the connection close
    server.close();
    const body = await text();
    expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="GET",route="\/review\/\[id\]",status="200"\} 1/);
    expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="POST",route="other",status="404"\} 1/);
    // 20 ms of work: nothing under 10 ms, everything by 250 ms
    expect(body).toMatch(/lantern_http_request_duration_seconds_bucket\{le="0.01",method="GET",route="\/review\/\[id\]",status="200"\} 0/);
    expect(body).toMatch(/lantern_http_request_duration_seconds_bucket\{le="0.25",method="GET",route="\/review\/\[id\]",status="200"\} 1/);
    expect(body).toMatch(/lantern_http_request_duration_seconds_count\{method="GET",route="\/review\/\[id\]",status="aborted"\} 1/);
    expect(body).not.toMatch(/secret-case-id|person@example|private|never-answered/);
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(body).toMatch(/^lantern_http_requests_in_flight 0$/m);
  });

  it("counts classifications by served tier, failures by reason and rate-limit hits by limiter", async () => {
    countClassification("self_check", "crisis");
    countClassification("outreach", "low", 1);
    countClassification("outreach", "low");
    countClassificationFailure("self_check", "model_unavailable");
    countRateLimitHit("self-check");
    countRateLimitHit("self-check");
    const body = await text();
    expect(body).toMatch(/lantern_classifications_total\{source="self_check",tier="crisis"\} 1/);
    expect(body).toMatch(/lantern_classifications_total\{source="outreach",tier="low"\} 2/);
    expect(body).toMatch(/lantern_classification_failures_total\{source="self_check",reason="model_unavailable"\} 1/);
    expect(body).toMatch(/lantern_rate_limit_hits_total\{limiter="self-check"\} 2/);
  });

  it("reads queue depth, job outcomes and the outbox from the functions their modules set, at scrape time", async () => {
    let purged = 3;
    setJobStatsSource(async () => ({
      queues: [{ queue: "outreach-batch", queued: 4, active: 1, failedStored: 0 }],
      outcomes: { "retention-purge": { completed: purged, failed: 1 } },
    }));
    setOutboxPendingSource(() => 2);
    let body = await text();
    expect(body).toMatch(/lantern_job_queue_depth\{queue="outreach-batch",state="queued"\} 4/);
    expect(body).toMatch(/lantern_job_queue_depth\{queue="outreach-batch",state="active"\} 1/);
    expect(body).toMatch(/lantern_job_outcomes_total\{queue="retention-purge",outcome="completed"\} 3/);
    expect(body).toMatch(/lantern_job_outcomes_total\{queue="retention-purge",outcome="failed"\} 1/);
    expect(body).toMatch(/^lantern_outbox_pending 2$/m);
    purged = 5;
    expect(await text()).toMatch(/lantern_job_outcomes_total\{queue="retention-purge",outcome="completed"\} 5/);
    // The job database down: the scrape still answers, the depth is left out rather than reported stale.
    setJobStatsSource(async () => {
      throw new Error("connection refused");
    });
    body = await text();
    expect(body).not.toMatch(/lantern_job_queue_depth\{/);
    expect(body).toMatch(/^lantern_outbox_pending 2$/m);
  });
});
