/**
 * Limits of outreach batch triage, in one place so the UI, the parsers and the server actions agree.
 * The server actions enforce them again with zod: the browser's checks are for kind messages, not for safety.
 */
export const OUTREACH_LIMITS = {
  /** Posts classified in one batch. Bigger files are offered in parts of this size. */
  maxRows: 1_000,
  /** Characters of one post sent to the classifier; longer cells are cut with a notice (the export keeps the full text). */
  maxPostChars: 10_000,
  /** Posts per server-action call, so the progress bar moves and one slow call never holds the whole batch. */
  chunkSize: 25,
  /**
   * Encoded size of one chunk. Next.js refuses server-action bodies over 1 MB by default, so a chunk of long,
   * non-ASCII posts is split further.
   */
  maxChunkBytes: 600_000,
  /**
   * A batch of more posts than this is read by a background job (lib/outreach/batch-store.ts): uploaded in parts,
   * read by whichever instance takes the job, with progress the page polls for.
   */
  largeBatchPosts: 200,
  /** Uploads above this are refused before reading: 10,000 rows of long posts fit easily. */
  maxFileBytes: 25 * 1024 * 1024,
} as const;

/** Parts of a large batch as the browser uploads them: whole posts, at most maxChunkBytes a call (the body limit). */
export const BATCH_PART_LIMITS = { ...OUTREACH_LIMITS, chunkSize: OUTREACH_LIMITS.maxRows } as const;
