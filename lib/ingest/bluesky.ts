import { z } from "zod";
import { LinkError } from "./errors";

const label = z.object({ val: z.string() });
const postSchema = z.object({
  uri: z.string(),
  author: z.object({ handle: z.string().optional(), labels: z.array(label).default([]) }),
  record: z.object({ text: z.string().default("") }),
  labels: z.array(label).default([]),
});
const threadSchema = z.object({
  thread: z.object({ $type: z.string(), post: z.unknown().optional() }),
});

// Bluesky's moderation labels for adult content, and the author's own "hide from logged-out viewers" label.
const ADULT_LABELS = new Set(["porn", "sexual", "nudity", "graphic-media", "gore"]);
const LOGGED_OUT_HIDDEN = "!no-unauthenticated";

export function readBlueskyStatus(status: number, body: string): void {
  if (status === 200) return;
  // getPostThread answers 400 {"error":"NotFound"} for a missing post.
  if (status === 400 && /NotFound/.test(body)) throw new LinkError("not_found");
  if (status === 404) throw new LinkError("not_found");
  if (status === 401 || status === 403) throw new LinkError("private");
  throw new LinkError("unreachable");
}

export function blueskyText(json: unknown): string {
  const parsed = threadSchema.safeParse(json);
  if (!parsed.success) throw new LinkError("unreachable");
  const type = parsed.data.thread.$type;
  if (type.endsWith("#notFoundPost")) throw new LinkError("not_found");
  if (type.endsWith("#blockedPost")) throw new LinkError("private");
  const post = postSchema.safeParse(parsed.data.thread.post);
  if (!post.success) throw new LinkError("unreachable");
  const labels = [...post.data.labels, ...post.data.author.labels].map((l) => l.val);
  if (labels.includes(LOGGED_OUT_HIDDEN)) throw new LinkError("private");
  if (labels.some((l) => ADULT_LABELS.has(l))) throw new LinkError("nsfw");
  const text = post.data.record.text.trim();
  if (!text) throw new LinkError("no_text");
  return text;
}
