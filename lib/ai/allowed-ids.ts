import { crisisLinesFor } from "@/lib/resources/crisis";
import type { ResourceCase } from "./context";

/** The resource ids a message for this case may show: its candidates and the country's crisis lines. */
export function allowedResourceIds(ctx: ResourceCase): string[] {
  return [...new Set([...ctx.candidates.map((c) => c.resource.id), ...crisisLinesFor(ctx.country).map((r) => r.id)])];
}
