import type { SupportEvent } from "../support-message";
import { supportViewOf, supportViewText, type SupportView } from "../support-view";

export interface ReadResult {
  events: SupportEvent[];
  view: SupportView;
  /** Every word the person reads (the cards aside). */
  text: string;
  firstEventMs: number;
}

export async function readEvents(stream: ReadableStream<SupportEvent>): Promise<ReadResult> {
  const started = performance.now();
  const events: SupportEvent[] = [];
  let firstEventMs = -1;
  for await (const e of stream) {
    if (firstEventMs < 0) firstEventMs = performance.now() - started;
    events.push(e);
  }
  const view = supportViewOf(events);
  return { events, view, text: supportViewText(view), firstEventMs };
}
