"use client";
import { useEffect, useRef } from "react";
import { shortcutKey } from "@/lib/shortcuts";

/** Calls handlers[key] for a shortcut pressed anywhere on the page (see lib/shortcuts.ts for what never fires). */
export function useShortcuts(handlers: Record<string, () => void>) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = shortcutKey(e, document.querySelector('[role="dialog"], [role="alertdialog"]') !== null);
      const handler = key ? current.current[key] : undefined;
      if (handler) {
        e.preventDefault();
        handler();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
