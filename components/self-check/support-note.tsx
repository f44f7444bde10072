import { Info } from "lucide-react";

export function SupportNotDiagnosis() {
  return (
    <p data-testid="support-not-diagnosis" className="flex gap-2 text-sm text-muted-foreground">
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>
        <strong className="font-medium text-foreground">Support, not diagnosis.</strong> Lantern compares words with posts other people wrote. It
        can&apos;t tell you what you have or how you feel; only you, and a professional you trust, can. What it can do is point you to people who help.
      </span>
    </p>
  );
}
