"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { prepareFromPaste } from "@/lib/outreach/prepare";
import type { PreparedInput } from "./input-types";

/** Paste box: one post per block, blocks separated by a blank line. */
export function PasteSource({ onPrepared, disabled }: { onPrepared: (input: PreparedInput) => void; disabled: boolean }) {
  const [text, setText] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const batch = prepareFromPaste(text);
        onPrepared({ batch: batch.posts.length > 0 ? batch : null, notices: batch.notices });
      }}
    >
      <Label htmlFor="outreach-paste">Posts, one per block (leave a blank line between posts)</Label>
      <Textarea
        id="outreach-paste"
        name="posts"
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="min-h-56 font-mono text-sm"
        placeholder={"First post…\n\nSecond post…"}
        disabled={disabled}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={disabled || text.trim() === ""}>
          Read posts
        </Button>
      </div>
    </form>
  );
}
