"use client";
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardStats } from "@/lib/db/feedback";
import { countOf } from "@/lib/format";
import { CONDITIONS } from "@/lib/assessment/vocabulary";
import { CONDITION_NAMES, TIER_NAMES } from "@/lib/assessment/names";
import { tierFromDb, type DbTier } from "@/lib/assessment/db-enums";

const CONDITION_COLORS = ["#2f7d71", "#6a8fd8", "#b5832a", "#a3472b"];
// Category names sit on the vertical axis, each on its own line, so none is dropped for lack of room at any width.
const CATEGORY_AXIS_WIDTH = 120;
const TIER_COLORS: Record<DbTier, string> = { CRISIS: "#a3472b", ELEVATED: "#b5832a", LOW: "#2f7d71" };

function Panel({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <section className="rounded-[var(--radius)] border border-border bg-card p-4" aria-label={title}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {/* The same figures in words, for screen readers and for anyone who prefers text. */}
      <p className="mb-3 text-sm text-muted-foreground">{summary}</p>
      {/* The chart is keyboard-navigable (recharts' accessibility layer: arrow keys move its tooltip), so it is not
          hidden from assistive technology; its name is the panel's title. */}
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">{children as React.ReactElement}</ResponsiveContainer>
      </div>
    </section>
  );
}

export function DashboardCharts({ stats }: { stats: DashboardStats }) {
  const weekly = stats.perWeek.map((w) => ({ week: w.week, ...w.counts }));
  const tiers = (Object.keys(stats.tiers) as (keyof typeof stats.tiers)[]).map((t) => ({ tier: TIER_NAMES.staff[tierFromDb(t)], key: t, cases: stats.tiers[t] }));
  const agreement = stats.agreement.map((a) => ({
    condition: CONDITION_NAMES.staff[a.condition],
    agree: a.total ? Math.round((a.agree / a.total) * 100) : 0,
    judgements: a.total,
  }));

  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="dashboard">
      <Panel
        title="Cases per condition per week"
        summary={
          weekly.length
            ? `${countOf(weekly.length, "week")} with cases in the last 12 weeks. Every crisis case counts under suicidal thoughts, also when the model flagged no condition (its tier came from the crisis score or from explicit words).`
            : "No cases in the last 12 weeks."
        }
      >
        <BarChart data={weekly} title="Cases per condition per week">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {CONDITIONS.map((c, i) => (
            <Bar key={c} dataKey={c} name={CONDITION_NAMES.staff[c]} stackId="w" fill={CONDITION_COLORS[i]} />
          ))}
        </BarChart>
      </Panel>
      <Panel
        title="Risk tiers"
        summary={`${tiers.map((t) => `${t.tier}: ${t.cases}`).join(" · ")}. Crisis by explicit words: ${stats.crisisByRule}.`}
      >
        <BarChart data={tiers} layout="vertical" title="Risk tiers">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="tier" width={CATEGORY_AXIS_WIDTH} interval={0} />
          <Tooltip />
          <Bar dataKey="cases" name="Cases">
            {tiers.map((t) => (
              <Cell key={t.key} fill={TIER_COLORS[t.key]} />
            ))}
          </Bar>
        </BarChart>
      </Panel>
      <Panel
        title="Clinicians agreeing with the model"
        summary={agreement.map((a) => `${a.condition}: ${a.judgements ? `${a.agree}% of ${countOf(a.judgements, "judgement")}` : "no judgements yet"}`).join(" · ")}
      >
        <BarChart data={agreement} layout="vertical" title="Clinicians agreeing with the model">
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="condition" width={CATEGORY_AXIS_WIDTH} interval={0} />
          <Tooltip />
          <Bar dataKey="agree" name="Agreement (%)" fill="#6a8fd8" />
        </BarChart>
      </Panel>
    </div>
  );
}
