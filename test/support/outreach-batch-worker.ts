/**
 * A job runtime with the outreach batch worker and the real classifier, on the PostgreSQL database of DATABASE_URL,
 * as one server instance runs it. Prints "ready" once it takes jobs, and one JSON line per finished batch.
 * Started (and killed) by lib/outreach/batch-kill.test.ts:
 *
 *   DATABASE_URL=... AUTH_SECRET=... node --import tsx --conditions=react-server test/support/outreach-batch-worker.ts
 */
import { openDatabase } from "@/lib/db/connect";
import { outreachBatchJob } from "@/lib/jobs/outreach-jobs";
import { defineJob, startJobRuntime } from "@/lib/jobs/runtime";
import { batchSealKey } from "@/lib/outreach/batch-seal";
import { triagePosts } from "@/lib/outreach/triage";

const url = process.env.DATABASE_URL;
const secret = process.env.AUTH_SECRET;
if (!url || !secret) throw new Error("DATABASE_URL and AUTH_SECRET are required");

const handle = await openDatabase({ databaseUrl: url, migrate: false, poolSize: 3 });
// The model loads before the worker takes jobs, as a server warms it at start.
await triagePosts(["warming up"], "");
await startJobRuntime({
  database: { kind: "postgres", url, poolSize: 3 },
  definitions: [
    defineJob(outreachBatchJob({
      db: async () => handle.prisma,
      key: batchSealKey(secret),
      classify: triagePosts,
      report: (event, details) => console.log(JSON.stringify({ event, ...details })),
    })),
  ],
  pollingIntervalSeconds: 0.5,
  instanceName: `outreach-worker-${process.pid}`,
  onError: (err) => console.error(String(err)),
});
console.log("ready");
