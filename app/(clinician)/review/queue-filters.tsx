import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { CaseStatus, Tier } from "@/lib/db/generated/enums";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, TIER_NAMES } from "@/lib/assessment/names";
import { tierFromDb } from "@/lib/assessment/db-enums";
import { STATUS_LABEL, type QueueFilter } from "@/lib/review/schemas";

/** A plain GET form: filters live in the URL, so they survive refreshes and can be shared. */
export function QueueFilters({ filter }: { filter: QueueFilter }) {
  const field = "flex flex-col gap-1 text-sm";
  return (
    <form method="get" action="/review" className="grid grid-cols-2 gap-3 rounded-[var(--radius)] border border-border bg-card p-4 md:grid-cols-4 xl:grid-cols-8" aria-label="Filters">
      <label className={`${field} col-span-2 md:col-span-1`}>
        Reference
        <Input type="search" name="reference" defaultValue={filter.reference ?? ""} maxLength={20} placeholder="LNT-7K3Q-9MZD" autoCapitalize="characters" spellCheck={false} />
      </label>
      <label className={field}>
        Condition
        <NativeSelect name="condition" defaultValue={filter.condition ?? ""}>
          <option value="">Any</option>
          {CONDITIONS.map((c) => (
            <option key={c} value={c}>{CONDITION_NAMES.staff[c]}</option>
          ))}
        </NativeSelect>
      </label>
      <label className={field}>
        Tier
        <NativeSelect name="tier" defaultValue={filter.tier ?? ""}>
          <option value="">Any</option>
          {Object.values(Tier).map((t) => (
            <option key={t} value={t}>{TIER_NAMES.staff[tierFromDb(t)]}</option>
          ))}
        </NativeSelect>
      </label>
      <label className={field}>
        Status
        <NativeSelect name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any</option>
          {Object.values(CaseStatus).map((s) => (
            <option key={s} value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </NativeSelect>
      </label>
      <label className={field}>
        Country
        <Input name="country" defaultValue={filter.country ?? ""} maxLength={2} placeholder="e.g. US" autoCapitalize="characters" />
      </label>
      {/* Dates are typed as on every staff screen (ISO 8601, YYYY-MM-DD); a browser's date picker would show them in
          its own locale's order. */}
      <label className={field}>
        Saved from (YYYY-MM-DD)
        <Input name="from" defaultValue={filter.from ?? ""} pattern="\d{4}-\d{2}-\d{2}" placeholder="2026-12-01" maxLength={10} />
      </label>
      <label className={field}>
        Saved to (YYYY-MM-DD)
        <Input name="to" defaultValue={filter.to ?? ""} pattern="\d{4}-\d{2}-\d{2}" placeholder="2026-12-31" maxLength={10} />
      </label>
      <div className="flex items-end">
        <Button type="submit" className="w-full">Apply filters</Button>
      </div>
    </form>
  );
}
