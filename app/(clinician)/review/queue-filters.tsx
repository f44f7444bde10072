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
    <form method="get" action="/review" className="grid grid-cols-2 gap-3 rounded-[var(--radius)] border border-border bg-card p-4 md:grid-cols-7" aria-label="Filters">
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
      <label className={field}>
        From
        <Input type="date" name="from" defaultValue={filter.from ?? ""} />
      </label>
      <label className={field}>
        To
        <Input type="date" name="to" defaultValue={filter.to ?? ""} />
      </label>
      <div className="flex items-end">
        <Button type="submit" className="w-full">Apply filters</Button>
      </div>
    </form>
  );
}
