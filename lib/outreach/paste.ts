/**
 * Splits pasted text into posts: one post per block, blocks separated by one or more blank lines
 * (lines holding only spaces count as blank). Line breaks inside a block are kept.
 */
export function splitPastedPosts(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[^\S\n]*\n\s*/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
}
