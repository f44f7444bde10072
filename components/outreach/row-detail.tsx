"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { getResource } from "@/lib/resources/directory";
import type { TriageResult } from "@/lib/outreach/types";
import { ResourceEntry } from "./resource-entry";
import { SaveCaseForm, type SaveCase } from "./save-case-form";
import { CONFIDENCE_NAMES } from "@/lib/assessment/names";

/**
 * What a worker needs to act on one post: the services that fit, a reply to adapt, a sheet to print, and
 * (only if they choose) saving it as a case.
 */
export function RowDetail(props: {
  rowName: string;
  text: string;
  result: TriageResult;
  reply: string;
  onReplyChange: (reply: string) => void;
  onOpenSheet: () => void;
  country: string;
  onSave: SaveCase;
  canSave: boolean;
}) {
  const { result } = props;
  const [copied, setCopied] = useState(false);
  const replyId = `reply-${props.rowName.replace(/\W+/g, "-")}`;
  return (
    <div className="flex flex-col gap-4 p-3" data-testid="row-detail">
      <p className="text-sm text-muted-foreground">
        {CONFIDENCE_NAMES.outreach[result.confidence]} about this reading. It is a reading of the words, not a diagnosis: use your own judgement.
      </p>
      <div className="flex flex-col gap-2">
        <Label htmlFor={replyId}>Reply to adapt</Label>
        <Textarea id={replyId} value={props.reply} onChange={(e) => props.onReplyChange(e.target.value)} className="min-h-28 text-sm" />
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() =>
              void navigator.clipboard?.writeText(props.reply).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? "Copied" : "Copy reply"}
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={props.onOpenSheet}>
            Resource sheet to print
          </Button>
        </div>
      </div>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Services that fit</h3>
        <div className="grid gap-2 md:grid-cols-2">
          {result.resources.map((r) => {
            const resource = getResource(r.id);
            return resource ? <ResourceEntry key={r.id} resource={resource} reason={r.reason} /> : null;
          })}
        </div>
      </div>
      {props.canSave ? <SaveCaseForm text={props.text} country={props.country} onSave={props.onSave} rowLabel={props.rowName} /> : null}
    </div>
  );
}
