import { OUTREACH_LIMITS } from "./config";

const encoder = new TextEncoder();

/** Bytes a string takes in the action's JSON body (escapes included), so a chunk stays under the body limit. */
function jsonBytes(text: string): number {
  return encoder.encode(JSON.stringify(text)).length;
}

/**
 * Splits the posts into the chunks the browser sends one by one: at most `chunkSize` posts and at most
 * `maxChunkBytes` each. A single post always fits (it is at most maxPostChars long).
 */
export function chunkPosts<T extends { text: string }>(posts: readonly T[], limits: { chunkSize: number; maxChunkBytes: number } = OUTREACH_LIMITS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const post of posts) {
    const size = jsonBytes(post.text) + 1;
    if (current.length > 0 && (current.length >= limits.chunkSize || bytes + size > limits.maxChunkBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(post);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
