/** Helpers for the staff specs: the seeded fixture, stored logins, and server-action calls. */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { AccountKey, StaffFixture } from "./fixture-types";

export const root = path.resolve(import.meta.dirname, "../../..");

export function staff(): StaffFixture {
  return JSON.parse(fs.readFileSync(path.join(root, "test-results", "e2e-staff.json"), "utf8")) as StaffFixture;
}

/** Accounts with a stored login (setup/10-users.ts). */
export const STORED: AccountKey[] = ["admin", "clinician", "clinician2", "outreach"];
export const authFile = (who: AccountKey) => path.join(root, "e2e", ".auth", `${who}.json`);

export function allCanaries(f: StaffFixture = staff()): string[] {
  return [...Object.values(f.cases).map((c) => c.canary), f.noteCanary];
}

/** The production build's id for a server action, by file and export name. */
export function actionId(file: string, exportName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.endsWith(file)) return id;
  }
  throw new Error(`server action ${file}#${exportName} not found in the build manifest`);
}

/**
 * Calls a server action the way a hand-crafted request would (no UI), returning the
 * raw response text. `page` is any route of the app; Next dispatches on the header.
 */
export async function callAction(
  request: APIRequestContext,
  file: string,
  exportName: string,
  args: unknown[],
  page = "/",
): Promise<{ status: number; text: string }> {
  const res = await request.post(page, {
    headers: { "Next-Action": actionId(file, exportName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: res.status(), text: await res.text() };
}
