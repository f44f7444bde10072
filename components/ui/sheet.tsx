"use client";
import { Dialog as DialogPrimitive } from "radix-ui";
import { X } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A panel over the page (a bottom sheet on phones, a side panel from `md`): focus stays inside, Escape and the
 * close button end it, and focus returns to what opened it (Radix Dialog).
 */
export function Sheet(props: { open: boolean; onOpenChange: (open: boolean) => void; title: React.ReactNode; description?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <DialogPrimitive.Root open={props.open} onOpenChange={props.onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/50 print:hidden" />
        <DialogPrimitive.Content
          className={cn(
            "fixed inset-x-0 bottom-0 z-50 flex max-h-[90dvh] flex-col rounded-t-[var(--radius)] border border-border bg-background shadow-lg print:hidden",
            "md:inset-y-0 md:left-auto md:right-0 md:max-h-none md:w-[36rem] md:rounded-none md:rounded-l-[var(--radius)]",
            props.className,
          )}
          {...(props.description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex items-start justify-between gap-3 border-b border-border p-4">
            <DialogPrimitive.Title className="text-lg font-semibold">{props.title}</DialogPrimitive.Title>
            <DialogPrimitive.Close className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-[var(--radius)] hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
              <X className="size-5" aria-hidden />
              <span className="sr-only">Close</span>
            </DialogPrimitive.Close>
          </div>
          {props.description ? <DialogPrimitive.Description className="px-4 pt-3 text-sm text-muted-foreground">{props.description}</DialogPrimitive.Description> : null}
          <div className="min-h-0 flex-1 overflow-y-auto">{props.children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
