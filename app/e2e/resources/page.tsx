import { notFound } from "next/navigation";
import { z } from "zod";
import { StreamedResources } from "@/components/resources/streamed-resources";
import { TIERS } from "@/lib/assessment/vocabulary";
import { PREFERENCES, USER_AUDIENCES } from "@/lib/resources/rank";
import { readEnv } from "@/lib/env";

/**
 * Browser-test harness for the streamed resources, independent of the classifier: exists only on the e2e server
 * (LANTERN_E2E=1, set by e2e/support/start-server.mjs) and is a 404 everywhere else. It stays in app/ because a
 * browser test needs a real Next page rendering the component with chosen inputs, and Next serves pages only from
 * app/; the access table lists it (allowed: nobody) and its drift test holds the 404.
 */
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(",") : []))
    .pipe(z.array(z.enum(values)));

const querySchema = z.object({
  text: z.string().max(2000).default("I can't do this anymore and I keep thinking about ending it."),
  tier: z.enum(TIERS).default("crisis"),
  country: z.string().regex(/^[A-Z]{2}$/).default("US"),
  audiences: list(USER_AUDIENCES),
  preferences: list(PREFERENCES),
});

export default async function ResourcesHarness({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (readEnv().LANTERN_E2E !== "1") notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const q = querySchema.parse(raw);
  return (
    <main id="main" className="mx-auto max-w-2xl p-6">
      <StreamedResources
        text={q.text}
        conditions={{ depression: 0.7, anxiety: 0.3, bipolar: 0.05, suicidal: q.tier === "crisis" ? 0.92 : 0.2 }}
        tier={q.tier}
        confidence="high"
        country={q.country}
        audiences={q.audiences}
        preferences={q.preferences}
      />
    </main>
  );
}
