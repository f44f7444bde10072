import type { Metadata } from "next";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffHeader } from "@/components/auth/staff-header";
import { OutreachTriage } from "@/components/outreach/outreach-triage";
import { requirePageRole } from "@/lib/auth";
import { SUPPORTED_COUNTRIES } from "@/lib/resources/crisis";
import { addBatchPart, classifyChunk, createBatch, pollBatch, saveRow, startBatch } from "./actions";

export const metadata: Metadata = { title: "Batch triage" };

export default async function OutreachPage() {
  // The page check is for navigation only: both actions check the role again themselves.
  const me = await requirePageRole("/outreach", "OUTREACH", "ADMIN");
  return (
    <>
      <StaffHeader user={me} signOut={signOutAction} />
      <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 p-4 md:p-6">
        <div className="no-print flex flex-col gap-2">
          <h1 className="text-2xl font-semibold">Batch triage</h1>
          <p className="max-w-3xl text-muted-foreground">
            Paste posts or upload a CSV to see which people may need help first, with verified services and a reply you can adapt for each.
            Posts are read and then forgotten: nothing is stored unless you save a row as a case. A batch of more than
            200 posts is read on the server: its posts are kept encrypted only while it is read, and its results only
            until they reach this page (24 hours at most).
          </p>
        </div>
        <OutreachTriage
          countries={SUPPORTED_COUNTRIES}
          classifyChunk={classifyChunk}
          saveRow={saveRow}
          batch={{ createBatch, addBatchPart, startBatch, pollBatch }}
          canSave
        />
      </main>
    </>
  );
}
