import { cn } from "@/lib/utils";

export function Alert({ className, ...props }: React.ComponentProps<"div">) {
  return <div role="status" className={cn("rounded-[var(--radius)] border border-border bg-muted p-4 text-sm", className)} {...props} />;
}
