import { getResource } from "@/lib/resources/directory";

export type MessageSegment = { kind: "text"; text: string } | { kind: "resource"; id: string };

const MARKER = /\[\[res:([a-z0-9-]+)\]\]/g;
// While streaming, the end of the text may be half a marker ("[[res:us-98"): hide it until it completes.
const PARTIAL_MARKER_TAIL = /\[(?:\[(?:r(?:e(?:s(?::[a-z0-9-]*\]?)?)?)?)?)?$/;

/**
 * Splits a streamed message into text and directory cards. Ids not in the directory are dropped here too
 * (the server guard already removes them; the UI does not trust the wire). Text is rendered as text, never HTML.
 */
export function parseMessage(message: string, streaming: boolean): MessageSegment[] {
  const text = streaming ? message.replace(PARTIAL_MARKER_TAIL, "") : message;
  const segments: MessageSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const before = text.slice(last, m.index);
    if (before.trim()) segments.push({ kind: "text", text: before.trim() });
    if (getResource(m[1]!)) segments.push({ kind: "resource", id: m[1]! });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last);
  if (rest.trim()) segments.push({ kind: "text", text: streaming ? rest.trimStart() : rest.trim() });
  return segments;
}

export function referencedIds(message: string): Set<string> {
  return new Set([...message.matchAll(MARKER)].map((m) => m[1]!));
}
