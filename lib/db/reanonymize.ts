import "server-only";
import { ANONYMIZER_VERSION, anonymizeAsync, anonymizeWithQuotes } from "@/lib/anonymize";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "./audit";
import type { Prisma, PrismaClient } from "./generated/client";

/**
 * Brings stored text to the current anonymizer rules: every case (its text, evidence sentences and generated
 * message) and every clinician note whose `anonymizerVersion` is older than ANONYMIZER_VERSION is anonymized again
 * and stamped with the current version. Placeholders of earlier passes stay as they are (lib/anonymize/find.ts), so
 * a row passes the new rules once and a second run finds nothing to do.
 *
 * In batches: a batch's rows are read, anonymized outside any transaction (the tagger runs in its worker thread),
 * then written in one transaction together with one audit event of counts (never words), so an interrupted run
 * leaves every batch either done and audited or untouched. A row is written only while it still holds the version
 * it was read with: two servers on one PostgreSQL never anonymize a row twice or count it twice. `updatedAt`
 * stays as it is: it tells when a staff member last acted on a case.
 */
export interface ReanonymizeOptions {
  /** Rows per batch (and per transaction); default 50. */
  batchSize?: number;
  /** Awaited before each row is anonymized: the server passes its "answers first" wait so people are never kept waiting. */
  beforeEachRow?: () => Promise<void>;
}

export interface ReanonymizeResult {
  version: number;
  /** Rows brought to the current version. */
  cases: number;
  notes: number;
  /** Of those, how many had words replaced by the newer rules. */
  casesChanged: number;
  notesChanged: number;
  batches: number;
}

/** Whether any stored case or note was anonymized by older rules than the current ones (two indexed reads). */
export async function hasOutdatedText(db: PrismaClient): Promise<boolean> {
  const outdated = { anonymizerVersion: { lt: ANONYMIZER_VERSION } };
  const [c, n] = await Promise.all([
    db.case.findFirst({ where: outdated, select: { id: true } }),
    db.caseNote.findFirst({ where: outdated, select: { id: true } }),
  ]);
  return Boolean(c || n);
}

export async function reanonymizeStored(db: PrismaClient, actor: Actor, opts: ReanonymizeOptions = {}): Promise<ReanonymizeResult> {
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 50, 1000));
  const result: ReanonymizeResult = { version: ANONYMIZER_VERSION, cases: 0, notes: 0, casesChanged: 0, notesChanged: 0, batches: 0 };

  // Cases, oldest first; the cursor on seq guarantees progress even if a row could not be written.
  for (let afterSeq = 0; ; ) {
    const rows = await db.case.findMany({
      where: { anonymizerVersion: { lt: ANONYMIZER_VERSION }, seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
      select: { id: true, seq: true, anonymizerVersion: true, redactedText: true, evidence: true, generatedMessage: true },
    });
    if (rows.length === 0) break;
    afterSeq = rows[rows.length - 1]!.seq;
    const updates: { row: (typeof rows)[number]; next: Awaited<ReturnType<typeof caseAgain>> }[] = [];
    for (const row of rows) {
      await opts.beforeEachRow?.();
      updates.push({ row, next: await caseAgain(row) });
    }
    await db.$transaction(async (tx) => {
      let done = 0;
      let changed = 0;
      for (const { row, next } of updates) {
        const { count } = await tx.case.updateMany({
          where: { id: row.id, anonymizerVersion: row.anonymizerVersion },
          data: { ...next.data, anonymizerVersion: ANONYMIZER_VERSION },
        });
        done += count;
        if (count && next.changed) changed++;
      }
      if (done) await recordAudit(tx, { actor, action: "anonymizer.rerun", details: { table: "Case", toVersion: ANONYMIZER_VERSION, rows: done, changed } });
      result.cases += done;
      result.casesChanged += changed;
    });
    result.batches++;
  }

  // Notes; the cursor on id (random, but a total order) guarantees progress.
  for (let afterId = ""; ; ) {
    const rows = await db.caseNote.findMany({
      where: { anonymizerVersion: { lt: ANONYMIZER_VERSION }, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, anonymizerVersion: true, body: true },
    });
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
    const updates: { row: (typeof rows)[number]; body: string }[] = [];
    for (const row of rows) {
      await opts.beforeEachRow?.();
      updates.push({ row, body: (await anonymizeAsync(row.body)).text });
    }
    await db.$transaction(async (tx) => {
      let done = 0;
      let changed = 0;
      for (const { row, body } of updates) {
        const { count } = await tx.caseNote.updateMany({
          where: { id: row.id, anonymizerVersion: row.anonymizerVersion },
          data: { body, anonymizerVersion: ANONYMIZER_VERSION },
        });
        done += count;
        if (count && body !== row.body) changed++;
      }
      if (done) await recordAudit(tx, { actor, action: "anonymizer.rerun", details: { table: "CaseNote", toVersion: ANONYMIZER_VERSION, rows: done, changed } });
      result.notes += done;
      result.notesChanged += changed;
    });
    result.batches++;
  }
  return result;
}

interface StoredCase {
  redactedText: string;
  evidence: Prisma.JsonValue;
  generatedMessage: string | null;
}

/** A case's text, evidence sentences and message under the current rules, and whether any of them changed. */
async function caseAgain(row: StoredCase): Promise<{ data: { redactedText: string; evidence: Prisma.InputJsonValue; generatedMessage: string | null }; changed: boolean }> {
  // Evidence is [{ sentence, weight }] as saveCase writes it; any other shape has every string in it anonymized.
  const quotes: string[] = [];
  collectStrings(row.evidence, quotes);
  const [{ text, quotes: redacted }, message] = await Promise.all([
    anonymizeWithQuotes(row.redactedText, quotes),
    row.generatedMessage === null ? null : anonymizeAsync(row.generatedMessage),
  ]);
  let at = 0;
  const evidence = replaceStrings(row.evidence, () => redacted[at++]!) as Prisma.InputJsonValue;
  const data = { redactedText: text.text, evidence, generatedMessage: message ? message.text : null };
  const changed =
    data.redactedText !== row.redactedText ||
    data.generatedMessage !== row.generatedMessage ||
    quotes.some((q, i) => q !== redacted[i]);
  return { data, changed };
}

// Strings of a JSON value in document order (object values by key order, which replaceStrings follows too).
function collectStrings(value: Prisma.JsonValue, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collectStrings(v ?? null, out);
}

function replaceStrings(value: Prisma.JsonValue, next: () => string): Prisma.JsonValue {
  if (typeof value === "string") return next();
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, next));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v ?? null, next)]));
  return value;
}
