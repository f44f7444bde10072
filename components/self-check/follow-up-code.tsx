"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The follow-up code, shown once, right after the case is saved: the server keeps only a hash, so nobody can show
 * it again. Copy and download both work offline and send nothing anywhere.
 */
export function FollowUpCode({ reference, code }: { reference: string; code: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  const text = followUpNote(reference, code);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${reference} ${code}`);
      setCopied("done");
    } catch {
      setCopied("failed");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `lantern-${reference}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  return (
    <div data-testid="follow-up" className="mt-3 rounded-[var(--radius)] border border-border bg-card p-3 text-card-foreground">
      <p className="font-medium">Your follow-up code</p>
      <p className="mt-1">
        <strong data-testid="follow-up-code" className="select-all font-mono text-lg tracking-wider">
          {code}
        </strong>
      </p>
      <p className="mt-2">
        With your reference and this code you can come back to <a href="/follow-up" className="underline">the follow-up page</a> to
        see whether a clinician has read your post or written to you, write back, or delete everything that was saved. Lantern
        has no account, email or phone number for you, so this is the only way back.
      </p>
      <p className="mt-1">
        <strong>We show this code only once and can&apos;t recover it.</strong> Keep it somewhere private; anyone with both can
        read the messages and delete the case.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={copy}>
          Copy reference and code
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={download}>
          Download as a text file
        </Button>
      </div>
      <p role="status" className="mt-1 text-xs">
        {copied === "done" ? "Copied." : copied === "failed" ? "Copying didn't work here: please select the code and copy it, or download it." : ""}
      </p>
    </div>
  );
}

export function followUpNote(reference: string, code: string): string {
  return [
    "Lantern follow-up",
    "",
    `Reference: ${reference}`,
    `Follow-up code: ${code}`,
    "",
    "Open the follow-up page on the Lantern site and enter both to see whether a clinician has read your post or",
    "written to you, to write back, or to delete everything that was saved. Keep this file private.",
    "",
  ].join("\n");
}
