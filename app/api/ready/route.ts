import { readiness } from "@/lib/startup/readiness";

// Readiness for load balancers: 200 when this instance may take requests, 503 naming the failed checks otherwise
// (shutting down, database, migrations, model). Reveals nothing else. Liveness is /api/health.
export const dynamic = "force-dynamic";

export async function GET() {
  const state = await readiness();
  return Response.json(state, { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
