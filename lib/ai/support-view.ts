import type { SupportEvent } from "./support-message";

/** The message as the page holds it while events arrive. Pure, so the page and the tests build it the same way. */
export interface SupportView {
  opening: string;
  picks: { id: string; why: string }[];
  closing: string;
  ended: boolean;
}

export const EMPTY_SUPPORT_VIEW: SupportView = { opening: "", picks: [], closing: "", ended: false };

export function applySupportEvent(view: SupportView, event: SupportEvent): SupportView {
  switch (event.type) {
    case "text":
      return { ...view, [event.field]: view[event.field] + event.text };
    case "pick":
      return view.picks.some((p) => p.id === event.id) ? view : { ...view, picks: [...view.picks, { id: event.id, why: "" }] };
    case "why":
      return { ...view, picks: view.picks.map((p) => (p.id === event.id ? { ...p, why: p.why + event.text } : p)) };
    case "end":
      return { ...view, ended: true };
  }
}

export const supportViewOf = (events: Iterable<SupportEvent>): SupportView => [...events].reduce(applySupportEvent, EMPTY_SUPPORT_VIEW);

/** Every word of the message a person reads (the cards aside), for checks that look at the text as a whole. */
export const supportViewText = (v: SupportView): string => [v.opening, ...v.picks.map((p) => p.why), v.closing].join("\n");
