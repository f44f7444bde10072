import type { Span } from "./tag.mjs";
/** Why a span the full parse found and the shortcut did not is a known full-parse mistake, or null. */
export function knownFullParseMistake(text: string, span: Span, missed?: Span[]): string | null;
/** Spans in `a` that are not in `b` (same start, end and kind). */
export function spansNotIn(a: Span[], b: Span[]): Span[];
/** The shortcut's spans against the full parse's: only-shortcut, missed, known mistakes among those, and the rest. */
export function judgeShortcut(text: string, fast: Span[], full: Span[]): { extra: Span[]; missed: Span[]; known: Span[]; unexplained: Span[] };
