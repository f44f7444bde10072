import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { NeedToTalkLink } from "@/components/crisis/need-to-talk-link";
import { EraseForm } from "@/components/follow-up/erase-form";
import { ClinicianMessageView, PersonMessageView } from "@/components/follow-up/message-view";
import { OpenFollowUpForm } from "@/components/follow-up/open-form";
import { ReplyForm } from "@/components/follow-up/reply-form";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { followUpView, type FollowUpStatus } from "@/lib/follow-up/person";
import { FOLLOW_UP_COOKIE, readFollowUpSession } from "@/lib/follow-up/session";
import { crisisLinesFor } from "@/lib/resources/crisis";
import { closeFollowUpAction, eraseFollowUpAction, openFollowUpAction, writeBackAction } from "./actions";

export const metadata: Metadata = { title: "Follow up on your case" };

const STATUS_WORDS: Record<FollowUpStatus, { title: string; detail: string }> = {
  waiting: {
    title: "Waiting for a clinician",
    detail: "Nobody has read your post yet. Clinicians read saved posts in order of how urgent they seem, so this can take a while.",
  },
  read: {
    title: "A clinician has read it",
    detail: "A clinician has read your post. If they write to you, their message will appear here.",
  },
  replied: {
    title: "A clinician wrote to you",
    detail: "Their message is below.",
  },
};

/**
 * Public: the person's way back to their case, with the reference and the one-time code shown at save. There is no
 * account, email or push: the page shows what is waiting when the person comes back.
 */
export default async function FollowUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const deleted = (await searchParams).deleted === "1";
  const caseId = readFollowUpSession((await cookies()).get(FOLLOW_UP_COOKIE)?.value);
  const view = caseId ? await followUpView(await getDb(), caseId) : null;

  return (
    <main id="main" className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6 sm:py-10">
      <header className="space-y-3">
        <div className="flex items-center justify-between gap-4">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            Lantern
          </Link>
          <NeedToTalkLink />
        </div>
        <h1 className="text-2xl font-semibold leading-tight">Follow up on your case</h1>
      </header>

      {deleted ? (
        <p role="status" data-testid="case-deleted" className="rounded-[var(--radius)] bg-accent p-3 text-base text-accent-foreground">
          Your case and everything saved with it have been deleted.
        </p>
      ) : null}

      {!view ? (
        <>
          <p className="text-base">
            Enter the case reference and the follow-up code you were given when your post was saved. You can see whether a clinician has read it or
            written to you, write back, or delete everything.
          </p>
          <OpenFollowUpForm action={openFollowUpAction} />
        </>
      ) : (
        <>
          <section aria-labelledby="status-heading" className="space-y-2 rounded-[var(--radius)] border border-border bg-card p-5" data-testid="follow-up-status" data-status={view.status}>
            <p className="text-sm text-muted-foreground">
              Case <span className="font-mono">{view.reference}</span>
            </p>
            <h2 id="status-heading" className="text-lg font-semibold">
              {STATUS_WORDS[view.status].title}
            </h2>
            <p className="text-base">{STATUS_WORDS[view.status].detail}</p>
          </section>

          {view.messages.length > 0 ? (
            <section aria-label="Messages" className="space-y-3">
              {view.messages.map((m) =>
                m.author === "clinician" ? <ClinicianMessageView key={m.id} body={m.body} resources={m.resources} day={m.day} /> : <PersonMessageView key={m.id} body={m.body} day={m.day} />,
              )}
            </section>
          ) : null}

          <ReplyForm action={writeBackAction} crisisLines={crisisLinesFor(view.country)} />
          <EraseForm action={eraseFollowUpAction} />
          <form action={closeFollowUpAction}>
            <Button type="submit" variant="ghost" data-testid="follow-up-close">
              Close my case on this device
            </Button>
          </form>
        </>
      )}
    </main>
  );
}
