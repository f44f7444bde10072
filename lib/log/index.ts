import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { readEnv } from "@/lib/env";
import { REDACTED, redactionPaths } from "./redaction";

// Error messages can quote their input: Prisma prints the arguments of a failed call on the lines after
// the first, a fetch error can carry a URL. Keep the type, code, first line (capped) and stack frames only.
export function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const firstLine = value.message.split("\n").find((line) => line.trim() !== "") ?? "";
  const frames = (value.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    message: firstLine.slice(0, 200),
    stack: frames.slice(0, 12).join("\n"),
    ...(value.cause instanceof Error ? { cause: serializeError(value.cause) } : {}),
  };
}

// One structured logger for the server. JSON lines to stdout (no transport workers: they do not survive
// Next's bundling); a log shipper can parse them as they are. Sensitive fields are censored by key,
// so `logger.info({ text }, "...")` by mistake still writes "[redacted]", never the post.
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: readEnv().LOG_LEVEL ?? (readEnv().VITEST ? "warn" : "info"),
      base: { app: "lantern" },
      redact: { paths: redactionPaths(), censor: REDACTED },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export const logger = createLogger();
export type { Logger };
