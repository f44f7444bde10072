import "server-only";
import { getDb } from "@/lib/db/client";
import { saveCase } from "@/lib/db/cases";
import { fetchPostFromLink } from "@/lib/ingest";
import { logger } from "@/lib/log";
import { limitSelfCheck } from "@/lib/rate-limit";
import { classifyForSelfCheck } from "./classify";
import type { SelfCheckDeps } from "./self-check";

/** The real parts of the self-check, for one client (its hashed rate-limit key). */
export function selfCheckDeps(clientKey: string): SelfCheckDeps {
  return {
    classify: classifyForSelfCheck,
    fetchPost: (link) => fetchPostFromLink(link),
    saveCase: async (input) => saveCase(await getDb(), input),
    limit: () => limitSelfCheck(clientKey),
    // Events and reasons only: never the text, the link or anything from the request.
    log: (event, details) => logger.info({ event, ...details }, event),
  };
}
