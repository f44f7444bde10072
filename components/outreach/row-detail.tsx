"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { getResource } from "@/lib/resources/directory";
import type { TriageResult } from "@/lib/outreach/types";
import { replyWithServices } from "@/lib/outreach/reply-services";
import { countOf } from "@/lib/format";
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
  // The services the reply points to; all that fit, until the worker unticks one.
  const [chosen, setChosen] = useState<readonly string[]>(() => result.resources.map((r) => r.id));
  const replyId = `reply-${props.rowName.replace(/\W+/g, "-")}`;
  return (
    <div className="flex flex-col gap-4 p-3" data-testid="row-detail">
      <p className="text-sm text-muted-foreground">
        {CONFIDENCE_NAMES.staff[result.confidence]} about this reading. It is a reading of the words, not a diagnosis: use your own judgement.
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
              void navigator.clipboard?.writeText(replyWithServices(props.reply, chosen)).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? "Copied" : chosen.length ? `Copy reply with ${countOf(chosen.length, "service")}` : "Copy reply"}
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
            if (!resource) return null;
            const include = chosen.includes(r.id);
            return (
              <div key={r.id} className="flex flex-col gap-1">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={include}
                    onChange={() => {
                      setCopied(false);
                      setChosen((cur) => (include ? cur.filter((x) => x !== r.id) : [...cur, r.id]));
                    }}
                  />
                  Include in the copied reply
                  <span className="sr-only">: {resource.name}</span>
                </label>
                <ResourceEntry resource={resource} reason={r.reason} />
              </div>
            );
          })}
        </div>
      </div>
      {props.canSave ? <SaveCaseForm text={props.text} country={props.country} onSave={props.onSave} rowLabel={props.rowName} /> : null}
    </div>
  );
}
