/**
 * How staff screens write counts and dates, one way everywhere. Client-safe.
 *
 * Dates are ISO 8601 days (2026-12-02) in UTC: the same on every screen, export and browser whatever its locale
 * (staff in different countries read the same case), sortable, and never mistaken between day-month and
 * month-day. Cases store a day, never a time; where a time is shown (notes, audit) it is "2026-12-02 14:05 UTC".
 */
const englishPlural = new Intl.PluralRules("en");

/** "1 week", "3 weeks": the count with the noun in the form English needs for it. */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${englishPlural.select(n) === "one" ? one : other}`;
}

/** A day as ISO 8601 (UTC): 2026-12-02. */
export function formatDay(d: Date | string): string {
  return (typeof d === "string" ? new Date(d) : d).toISOString().slice(0, 10);
}

/** A moment as an ISO day and a 24-hour UTC time: 2026-12-02 14:05 UTC. */
export function formatMoment(d: Date | string): string {
  return `${(typeof d === "string" ? new Date(d) : d).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
