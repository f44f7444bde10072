import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger(stream);
  logger.level = "info";
  return { logger, output: () => lines.join("") };
}

const POST = "I can't sleep and I keep thinking about ending it";

describe("logger redaction", () => {
  it("censors post text, credentials and client identifiers at every usual depth", () => {
    const { logger, output } = capture();
    logger.info({ text: POST, password: "hunter2-secret", ip: "203.0.113.9" }, "top level");
    logger.info({ input: { postText: POST, email: "sam@example.org" } }, "one level down");
    logger.info(
      { req: { headers: { authorization: "Bearer tok-123456", cookie: "authjs.session-token=abc", "x-forwarded-for": "203.0.113.9" } } },
      "request",
    );
    logger.info({ a: { b: { token: "tok-987654", content: POST } } }, "deep");
    const out = output();
    for (const secret of [POST, "hunter2-secret", "203.0.113.9", "sam@example.org", "tok-123456", "abc", "tok-987654"]) {
      expect(out).not.toContain(secret);
    }
    expect(out.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(9);
    // Still structured and useful: messages and non-sensitive fields survive.
    const first = JSON.parse(out.split("\n")[0]!);
    expect(first).toMatchObject({ msg: "top level", app: "lantern", level: 30 });
  });

  it("keeps only the first line of an error message, so arguments quoted below it never reach the log", () => {
    const { logger, output } = capture();
    const err = new Error(`Invalid \`prisma.case.create()\` invocation:\n\n{ data: { redactedText: "${POST}" } }`);
    logger.error({ err }, "save failed");
    const line = JSON.parse(output());
    expect(line.err.message).toBe("Invalid `prisma.case.create()` invocation:");
    expect(output()).not.toContain(POST);
    expect(line.err.stack).toMatch(/^\s*at /);
  });
});
