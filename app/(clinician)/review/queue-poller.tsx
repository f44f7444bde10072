"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const INTERVAL_MS = 5_000;

/**
 * Refreshes the queue when its fingerprint changes, so new cases appear without a reload. Starts from the
 * fingerprint the server rendered with, so nothing that arrives before the first poll is missed.
 */
export function QueuePoller({ renderedVersion }: { renderedVersion: string }) {
  const router = useRouter();
  const last = useRef<string>(renderedVersion);
  useEffect(() => {
    last.current = renderedVersion; // a refresh re-renders with the new fingerprint
  }, [renderedVersion]);
  useEffect(() => {
    let stopped = false;
    async function tick() {
      try {
        const res = await fetch("/api/review/queue-version", { cache: "no-store" });
        if (res.status === 401 || res.status === 403) {
          router.refresh(); // the page itself sends the person to sign in
          return;
        }
        if (!res.ok) return;
        const { version } = (await res.json()) as { version: string };
        if (version !== last.current) router.refresh();
        last.current = version;
      } catch {
        // Offline for a moment: try again at the next tick.
      }
    }
    void tick();
    const id = setInterval(() => {
      if (!stopped && document.visibilityState === "visible") void tick();
    }, INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [router]);
  return null;
}
