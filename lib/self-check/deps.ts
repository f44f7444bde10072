import "server-only";
import { CaseQueuedError, getOutbox } from "@/lib/outbox";
import { fetchPostFromLink } from "@/lib/ingest";
import { logger } from "@/lib/log";
import { limitSave, limitSelfCheck } from "@/lib/rate-limit";
import { SubmissionRetiredError } from "@/lib/db/retired-error";
import { answering, asSave } from "./answers-first";
import { classifyForSelfCheck } from "./classify";
import type { SelfCheckDeps } from "./run";

/** The real parts of the self-check, for one client (its hashed rate-limit key). */
export function selfCheckDeps(clientKey: string): SelfCheckDeps {
  return {
    classify: classifyForSelfCheck,
    answering,
    asSave,
    fetchPost: (link) => fetchPostFromLink(link),
    // Through the outbox: when the database is down the anonymized case waits on disk and is written later.
    saveCase: async (input) => {
      const outcome = await getOutbox().saveOrQueue(input);
      if (outcome.status === "saved") return { reference: outcome.reference, created: outcome.created };
      if (outcome.status === "queued") throw new CaseQueuedError();
      if (outcome.status === "retired") throw new SubmissionRetiredError();
      throw new Error("case could not be saved");
    },
    limit: () => limitSelfCheck(clientKey),
    limitSave: () => limitSave(clientKey),
    // Events and reasons only: never the text, the link or anything from the request.
    log: (event, details) => logger.info({ event, ...details }, event),
  };
}
