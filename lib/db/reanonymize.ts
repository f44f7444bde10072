import "server-only";
import { ANONYMIZER_VERSION, anonymizeAsync, anonymizeWithQuotes } from "@/lib/anonymize";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "./audit";
import type { Prisma, PrismaClient } from "./generated/client";

/**
 * Brings stored text to the current anonymizer rules: every case (its text, evidence sentences and generated
 * message), every clinician note and every follow-up message whose `anonymizerVersion` is older than ANONYMIZER_VERSION is anonymized again
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
  messages: number;
  /** Of those, how many had words replaced by the newer rules. */
  casesChanged: number;
  notesChanged: number;
  messagesChanged: number;
  batches: number;
}

const outdated = { anonymizerVersion: { lt: ANONYMIZER_VERSION } };

/** Whether any stored case, note or message was anonymized by older rules than the current ones (indexed reads). */
export async function hasOutdatedText(db: PrismaClient): Promise<boolean> {
  const found = await Promise.all([
    db.case.findFirst({ where: outdated, select: { id: true } }),
    db.caseNote.findFirst({ where: outdated, select: { id: true } }),
    db.caseMessage.findFirst({ where: outdated, select: { id: true } }),
  ]);
  return found.some(Boolean);
}

type Tx = Prisma.TransactionClient;

/** One kind of stored text: how to read a batch after a cursor, anonymize a row again, and write it back if unchanged since. */
interface StoredText<Row extends { anonymizerVersion: number }, Data, Cursor> {
  table: "Case" | "CaseNote" | "CaseMessage";
  /** Before the first row: the walk goes on a total order of the table (seq, or a note's id). */
  start: Cursor;
  read: (after: Cursor, take: number) => Promise<Row[]>;
  cursor: (row: Row) => Cursor;
  again: (row: Row) => Promise<{ data: Data; changed: boolean }>;
  write: (tx: Tx, row: Row, data: Data) => Promise<{ count: number }>;
}

export async function reanonymizeStored(
  db: PrismaClient,
  actor: Actor,
  opts: ReanonymizeOptions = {},
): Promise<ReanonymizeResult> {
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 50, 1000));
  const stamp = { anonymizerVersion: ANONYMIZER_VERSION };
  const result: ReanonymizeResult = {
    version: ANONYMIZER_VERSION,
    ...{ cases: 0, notes: 0, messages: 0, casesChanged: 0, notesChanged: 0, messagesChanged: 0, batches: 0 },
  };

  // Each table is walked on a cursor, so a row that could not be written never stalls the run.
  async function pass<Row extends { anonymizerVersion: number }, Data, Cursor>(
    kind: StoredText<Row, Data, Cursor>,
  ): Promise<{ rows: number; changed: number }> {
    const total = { rows: 0, changed: 0 };
    for (let after = kind.start; ;) {
      const rows = await kind.read(after, batchSize);
      if (rows.length === 0) return total;
      after = kind.cursor(rows[rows.length - 1]!);
      const updates: { row: Row; next: { data: Data; changed: boolean } }[] = [];
      for (const row of rows) {
        await opts.beforeEachRow?.();
        updates.push({ row, next: await kind.again(row) });
      }
      await db.$transaction(async (tx) => {
        let done = 0;
        let changed = 0;
        for (const { row, next } of updates) {
          const { count } = await kind.write(tx, row, next.data);
          done += count;
          if (count && next.changed) changed++;
        }
        if (done)
          await recordAudit(tx, {
            actor,
            action: "anonymizer.rerun",
            details: { table: kind.table, toVersion: ANONYMIZER_VERSION, rows: done, changed },
          });
        total.rows += done;
        total.changed += changed;
      });
      result.batches++;
    }
  }

  const bodyAgain = async (row: { body: string }) => {
    const body = (await anonymizeAsync(row.body)).text;
    return { data: body, changed: body !== row.body };
  };

  const cases = await pass({
    table: "Case",
    start: 0,
    read: (after: number, take: number) =>
      db.case.findMany({
        where: { ...outdated, seq: { gt: after } },
        orderBy: { seq: "asc" },
        take,
        select: {
          id: true,
          seq: true,
          anonymizerVersion: true,
          redactedText: true,
          evidence: true,
          generatedMessage: true,
        },
      }),
    cursor: (row) => row.seq,
    again: caseAgain,
    write: (tx, row, data) =>
      tx.case.updateMany({
        where: { id: row.id, anonymizerVersion: row.anonymizerVersion },
        data: { ...data, ...stamp },
      }),
  });
  const notes = await pass({
    table: "CaseNote",
    start: "",
    read: (after: string, take: number) =>
      db.caseNote.findMany({
        where: { ...outdated, id: { gt: after } },
        orderBy: { id: "asc" },
        take,
        select: { id: true, anonymizerVersion: true, body: true },
      }),
    cursor: (row) => row.id,
    again: bodyAgain,
    write: (tx, row, body) =>
      tx.caseNote.updateMany({
        where: { id: row.id, anonymizerVersion: row.anonymizerVersion },
        data: { body, ...stamp },
      }),
  });
  const messages = await pass({
    table: "CaseMessage",
    start: 0,
    read: (after: number, take: number) =>
      db.caseMessage.findMany({
        where: { ...outdated, seq: { gt: after } },
        orderBy: { seq: "asc" },
        take,
        select: { id: true, seq: true, anonymizerVersion: true, body: true },
      }),
    cursor: (row) => row.seq,
    again: bodyAgain,
    write: (tx, row, body) =>
      tx.caseMessage.updateMany({
        where: { id: row.id, anonymizerVersion: row.anonymizerVersion },
        data: { body, ...stamp },
      }),
  });
  Object.assign(result, {
    ...{ cases: cases.rows, casesChanged: cases.changed, notes: notes.rows, notesChanged: notes.changed },
    ...{ messages: messages.rows, messagesChanged: messages.changed },
  });
  return result;
}

interface StoredCase {
  redactedText: string;
  evidence: Prisma.JsonValue;
  generatedMessage: string | null;
}

/** A case's text, evidence sentences and message under the current rules, and whether any of them changed. */
async function caseAgain(
  row: StoredCase,
): Promise<{
  data: { redactedText: string; evidence: Prisma.InputJsonValue; generatedMessage: string | null };
  changed: boolean;
}> {
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
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v ?? null, next)]));
  return value;
}
