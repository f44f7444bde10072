"use client";

import { useCallback, useRef, useState } from "react";
import { supportEventSchema } from "@/lib/ai/support-message";
import { applySupportEvent, EMPTY_SUPPORT_VIEW, type SupportView } from "@/lib/ai/support-view";

export type SupportPhase = "writing" | "done" | "stopped" | "failed";

/** The route answers errors with {"error": kind words} (rate limit, bad input); anything else gets our own words. */
async function userMessageFrom(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === "string" && body.error.length < 400 ? body.error : null;
  } catch {
    return null;
  }
}

/**
 * Reads /api/resources' NDJSON events into a message. Every line is checked against the event schema; a line
 * that fails is skipped (the page does not trust the wire), and ids are looked up in the directory by the caller.
 */
export function useSupportStream(api: string, body: unknown) {
  const [view, setView] = useState<SupportView>(EMPTY_SUPPORT_VIEW);
  const [phase, setPhase] = useState<SupportPhase>("writing");
  const [failure, setFailure] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setView(EMPTY_SUPPORT_VIEW);
    setFailure(null);
    setPhase("writing");
    // Once stopped (or replaced by a new attempt), this attempt changes nothing on the page: no late event, and no
    // phase of its own over the "stopped" that stop() set or the "writing" of the next attempt.
    const live = () => controller.current === abort && !abort.signal.aborted;
    try {
      const res = await fetch(api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: abort.signal });
      if (!res.ok || !res.body) {
        const message = await userMessageFrom(res);
        if (!live()) return;
        setFailure(message);
        setPhase("failed");
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      // Stopping cancels the response body too, so the server and the provider request end even if the fetch
      // itself has already settled.
      abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
      let buffer = "";
      let ended = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (!live()) return;
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          let parsed: ReturnType<typeof supportEventSchema.safeParse>;
          try {
            parsed = supportEventSchema.safeParse(JSON.parse(line));
          } catch {
            continue;
          }
          if (!parsed.success) continue;
          const event = parsed.data;
          if (event.type === "end") ended = true;
          setView((v) => applySupportEvent(v, event));
        }
      }
      setPhase(ended ? "done" : "failed");
    } catch {
      if (controller.current === abort) setPhase(abort.signal.aborted ? "stopped" : "failed");
    }
  }, [api, body]);

  const stop = useCallback(() => {
    controller.current?.abort();
    setPhase("stopped");
  }, []);

  return { view, phase, failure, start, stop };
}
