import { headers } from "next/headers";
import { NeedToTalkLink } from "@/components/crisis/need-to-talk-link";
import { SelfCheckForm } from "@/components/self-check/self-check-form";
import { SupportNotDiagnosis } from "@/components/self-check/support-note";
import { COUNTRY_OPTIONS, countryFromAcceptLanguage } from "@/lib/country";
import { crisisLinesFor } from "@/lib/resources/crisis";
import { checkPost, saveCheckedPost } from "./actions";

export default async function HomePage() {
  const defaultCountry = countryFromAcceptLanguage((await headers()).get("accept-language"));
  // Every country's crisis lines travel with the page, so the card can show even if the server stops answering.
  const crisisLinesByCountry = Object.fromEntries(COUNTRY_OPTIONS.map(({ code }) => [code, crisisLinesFor(code)]));

  return (
    <main id="main" className="mx-auto max-w-2xl space-y-8 px-4 py-6 sm:px-6 sm:py-10">
      <header className="space-y-3">
        <div className="flex items-center justify-between gap-4">
          <p className="text-lg font-semibold tracking-tight">Lantern</p>
          <NeedToTalkLink />
        </div>
        <h1 className="text-2xl font-semibold leading-tight sm:text-3xl">Worried about a post, yours or a friend&apos;s?</h1>
        <p className="text-base text-muted-foreground">
          Paste it here, or a link to it. Lantern gently points out what the words have in common with posts from people who were struggling,
          and where to turn for support.
        </p>
        <SupportNotDiagnosis />
      </header>

      <SelfCheckForm action={checkPost} saveAction={saveCheckedPost} defaultCountry={defaultCountry} countryOptions={COUNTRY_OPTIONS} crisisLinesByCountry={crisisLinesByCountry} />
    </main>
  );
}
