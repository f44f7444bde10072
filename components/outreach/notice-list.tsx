import { AlertTriangle, Info, XCircle } from "lucide-react";
import type { Notice } from "@/lib/outreach/notices";
import { cn } from "@/lib/utils";

const STYLE = {
  info: { icon: Info, className: "border-border bg-muted" },
  warning: { icon: AlertTriangle, className: "border-crisis-border/70 bg-card" },
  error: { icon: XCircle, className: "border-crisis-border bg-crisis-surface" },
} as const;

/** Every message about the input, in order of importance; the words come from lib/outreach. */
export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...notices].sort((a, b) => order[a.level] - order[b.level]);
  return (
    <ul className="flex flex-col gap-2" aria-label="Messages about your input" data-testid="notices">
      {sorted.map((n, i) => {
        const { icon: Icon, className } = STYLE[n.level];
        return (
          <li
            key={`${n.code}-${i}`}
            role={n.level === "error" ? "alert" : undefined}
            data-code={n.code}
            className={cn("flex gap-2 rounded-[var(--radius)] border p-3 text-sm", className)}
          >
            <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>{n.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
