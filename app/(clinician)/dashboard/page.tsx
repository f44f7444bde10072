import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { dashboardStats } from "@/lib/db/feedback";
import { DashboardCharts } from "./charts";

export const metadata: Metadata = { title: "Dashboard" };

// Clinicians and admins (aggregates only, no case text): checked here and in dashboardStats().
export default async function DashboardPage() {
  const me = await requirePageRole("/dashboard", "CLINICIAN", "ADMIN");
  const stats = await dashboardStats(await getDb(), me);
  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 p-4">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-sm text-muted-foreground">
          {stats.totalCases} saved case{stats.totalCases === 1 ? "" : "s"} in total. Figures count cases, never people.
        </p>
        <DashboardCharts stats={stats} />
      </main>
    </>
  );
}
