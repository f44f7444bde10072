// Liveness for load balancers and the test runner. Reveals nothing about the data.
export function GET() {
  return Response.json({ ok: true });
}
