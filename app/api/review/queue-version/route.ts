// Polled by the open review queue so new cases appear without a reload.
// Clinicians only (checked here and in the data layer); returns an opaque fingerprint, no case data.
import { withRole } from "@/lib/auth/route";
import { getDb } from "@/lib/db/client";
import { queueVersion } from "@/lib/db/review-queue";

export const GET = withRole(["CLINICIAN"], async (_req, me) => {
  const version = await queueVersion(await getDb(), me);
  return Response.json({ version }, { headers: { "Cache-Control": "no-store" } });
});
