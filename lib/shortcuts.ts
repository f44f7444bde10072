/**
 * Single-key shortcuts for staff lists and pages (j/k or the arrow keys to move, Enter to open, c to claim, n for
 * the next case). A key pressed while typing (an input, a text area, a select, anything editable), with a modifier
 * held, or while a dialog is open never fires one, so a shortcut letter is never stolen from what someone writes.
 * Client-safe.
 */
export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
  target: unknown;
  defaultPrevented?: boolean;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

export function isTypingTarget(target: unknown): boolean {
  const t = target as TargetLike | null;
  if (!t || typeof t !== "object") return false;
  if (t.isContentEditable) return true;
  return typeof t.tagName === "string" && TYPING_TAGS.has(t.tagName.toUpperCase());
}

/** The shortcut a key press asks for, or null when it must be left alone. */
export function shortcutKey(e: KeyLike, dialogOpen: boolean): string | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || dialogOpen || isTypingTarget(e.target)) return null;
  const t = e.target as TargetLike | null;
  // Enter on a link or a button already does what it says; the list's own Enter is for a focused row.
  if (e.key === "Enter" && t?.tagName && ["A", "BUTTON"].includes(t.tagName.toUpperCase())) return null;
  if (e.key === "ArrowDown") return "j";
  if (e.key === "ArrowUp") return "k";
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}
