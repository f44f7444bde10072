import { env } from "@/lib/env";
import { metricsAccess } from "@/lib/metrics/access";
import { scrape } from "@/lib/metrics";

// Prometheus scrape endpoint (docs/deploy.md): behind a bearer token (METRICS_TOKEN); 404 when none is configured.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"), env.METRICS_TOKEN);
  if (access === "not found") return Response.json({ error: "Not found" }, { status: 404 });
  if (access === "unauthorized") {
    return Response.json({ error: "A valid bearer token is required." }, { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
