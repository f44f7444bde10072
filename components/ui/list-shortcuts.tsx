"use client";
import { useShortcuts } from "./use-shortcuts";

/**
 * j/k (or ↓/↑) move the focus between the items a selector finds (a list's main links or buttons); Enter then opens
 * the focused one, as it always does. Renders the hint that says so.
 */
export function ListShortcuts({ itemSelector, hint }: { itemSelector: string; hint: string }) {
  const move = (step: 1 | -1) => {
    const items = [...document.querySelectorAll<HTMLElement>(itemSelector)];
    if (!items.length) return;
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step))]!;
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  };
  useShortcuts({ j: () => move(1), k: () => move(-1) });
  return <p className="hidden text-xs text-muted-foreground md:block">{hint}</p>;
}
