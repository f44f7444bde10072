import { CLOSING_MAX_CHARS, OPENING_MAX_CHARS, WHY_MAX_CHARS, type SupportEvent, type SupportMessage } from "../support-message";
import { namesKey } from "./contact-rules";
import { FieldFilter } from "./field-filter";
import type { RemovalCounts } from "./judge-sentence";

type Leaf = { path: (string | number)[]; value: unknown };

/** The values of a partial object in document order; JSON is written in order, so all but the last are complete. */
function leavesOf(value: unknown, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) value.forEach((v, i) => leavesOf(v, [...path, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) leavesOf(v, [...path, k], out);
  else out.push({ path, value });
  return out;
}

export interface MessageFilterOptions {
  /** The ids the message may pick: the case's ranked candidates. */
  allowedIds: readonly string[];
  /** Names and organisations of the entries this page shows; other service names are refused. */
  knownNames: readonly string[];
}

/**
 * Turns a model's partial structured output, as it grows, into page events that are safe to show: whole
 * sentences that passed every rule, and picks whose id is a candidate (each once). Keys it does not know,
 * non-string values and ids outside the candidates are ignored. The same filter judges the offline composer.
 */
export class MessageFilter {
  readonly removed: RemovalCounts = {};
  private readonly known: string;
  private readonly fields = new Map<string, FieldFilter>();
  private readonly picked: string[] = [];
  /** Partial-object pick index -> the accepted id, or null when refused. */
  private readonly slots = new Map<number, string | null>();
  private readonly pendingWhy = new Map<number, string>();

  constructor(private readonly options: MessageFilterOptions) {
    this.known = namesKey(options.knownNames);
  }

  get picks(): readonly string[] {
    return this.picked;
  }

  private field(key: string, max: number): FieldFilter {
    let f = this.fields.get(key);
    if (!f) this.fields.set(key, (f = new FieldFilter(this.known, this.removed, max)));
    return f;
  }

  private released(key: string): boolean {
    return (this.fields.get(key)?.released ?? "") !== "";
  }

  /** `finished`: the model ended normally, so its last value is complete too. */
  update(partial: unknown, finished: boolean): SupportEvent[] {
    const events: SupportEvent[] = [];
    const leaves = leavesOf(partial);
    leaves.forEach(({ path, value }, i) => {
      if (typeof value !== "string") return;
      const closed = finished || i < leaves.length - 1;
      const [top, index, key] = path;
      if ((top === "opening" || top === "closing") && path.length === 1) {
        const text = this.field(top, top === "opening" ? OPENING_MAX_CHARS : CLOSING_MAX_CHARS).update(value, closed);
        if (text) events.push({ type: "text", field: top, text });
      } else if (top === "picks" && typeof index === "number" && path.length === 3) {
        if (key === "id" && closed && !this.slots.has(index)) events.push(...this.decidePick(index, value));
        if (key === "why") {
          const text = this.field(`why:${index}`, WHY_MAX_CHARS).update(value, closed);
          const slot = this.slots.get(index);
          if (text && slot) events.push({ type: "why", id: slot, text });
          else if (text && slot === undefined) this.pendingWhy.set(index, (this.pendingWhy.get(index) ?? "") + text);
        }
      }
    });
    return events;
  }

  private decidePick(index: number, id: string): SupportEvent[] {
    if (!this.options.allowedIds.includes(id) || this.picked.includes(id)) {
      this.slots.set(index, null);
      this.removed.unknown_pick = (this.removed.unknown_pick ?? 0) + 1;
      this.pendingWhy.delete(index);
      return [];
    }
    this.slots.set(index, id);
    this.picked.push(id);
    const events: SupportEvent[] = [{ type: "pick", id }];
    const why = this.pendingWhy.get(index);
    if (why) events.push({ type: "why", id, text: why });
    this.pendingWhy.delete(index);
    return events;
  }

  /**
   * Fills every part the model did not deliver (nothing released: it failed, stopped early, or everything it
   * wrote there was refused) from the offline composer's message, through the same rules.
   */
  fill(offline: SupportMessage): SupportEvent[] {
    const events: SupportEvent[] = [];
    if (!this.released("opening")) {
      this.fields.delete("opening");
      events.push(...this.update({ opening: offline.opening }, true));
    }
    if (this.picked.length === 0) {
      offline.picks.forEach((p, i) => {
        const index = 10_000 + i;
        events.push(...this.decidePick(index, p.id));
        const text = this.slots.get(index) ? this.field(`why:${index}`, WHY_MAX_CHARS).update(p.why, true) : "";
        if (text) events.push({ type: "why", id: p.id, text });
      });
    }
    if (!this.released("closing")) {
      this.fields.delete("closing");
      events.push(...this.update({ closing: offline.closing }, true));
    }
    return events;
  }
}
