import "server-only";
import { enforceValidEnvOrExit } from "@/lib/env";
import { logger } from "@/lib/log";
import { multiInstanceProblem } from "./multi-instance";

/**
 * First start-up work of the server (instrumentation.ts register()).
 * - The configuration, including a strong AUTH_SECRET in production, is checked before anything else:
 *   a bad one stops the process with one message and exit code 78 (EX_CONFIG, so a supervisor does not
 *   restart it in a loop; systemd: RestartPreventExitStatus=78). No stack trace. The same holds for a deployment
 *   of several instances (LANTERN_INSTANCES > 1) without the settings they must share (multi-instance.ts).
 * - The classifier is loaded in the background: the first person should not wait for it, and a missing or
 *   corrupt model is reported once, in one plain line, at start. The server keeps running: the self-check
 *   still shows the crisis lines and says the model is unavailable.
 */
export function preflight(): void {
  const problem = multiInstanceProblem(enforceValidEnvOrExit());
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(78);
  }
  void warmClassifier();
}

async function warmClassifier(): Promise<void> {
  const log = logger.child({ module: "startup" });
  try {
    const { loadClassifier } = await import("@/lib/classifier");
    const classifier = await loadClassifier();
    log.info({ event: "classifier.ready", model: `${classifier.config.name} ${classifier.config.version}` }, "classifier model loaded");
  } catch (err) {
    log.error(
      { event: "classifier.unavailable" },
      `Classifier model unavailable: ${(err as Error).message}. Self-checks will show the crisis lines and say the model is unavailable until this is fixed.`,
    );
  }
}
