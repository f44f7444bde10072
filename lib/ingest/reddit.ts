import { z } from "zod";
import { LinkError } from "./errors";

/** Only the fields we read; Reddit's responses carry hundreds more and older posts lack some (see fixtures). */
const thing = z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()) });
const listing = z.object({ kind: z.literal("Listing"), data: z.object({ children: z.array(thing) }) });
const threadSchema = z.tuple([listing, listing]);

const postSchema = z.object({
  id: z.string(),
  title: z.string().default(""),
  selftext: z.string().default(""),
  over_18: z.boolean().default(false),
  removed_by_category: z.string().nullish(),
  author: z.string().optional(),
  subreddit_type: z.string().optional(),
});

const commentSchema = z.object({
  id: z.string(),
  body: z.string().default(""),
  author: z.string().optional(),
  replies: z.unknown().optional(),
});

export function readRedditStatus(status: number): void {
  if (status === 200) return;
  if (status === 404) throw new LinkError("not_found");
  if (status === 403 || status === 401) throw new LinkError("private");
  if (status === 451) throw new LinkError("removed");
  throw new LinkError("unreachable");
}

/** Reddit puts "[removed]" or "[deleted]" in place of text, or names who removed it. */
function checkRemoval(text: string, removedBy: string | null | undefined): void {
  if (removedBy === "deleted" || removedBy === "author") throw new LinkError("deleted");
  if (removedBy) throw new LinkError("removed");
  if (text.trim() === "[removed]") throw new LinkError("removed");
  if (text.trim() === "[deleted]") throw new LinkError("deleted");
}

function findComment(children: z.infer<typeof thing>[], id: string, depth = 0): z.infer<typeof commentSchema> | undefined {
  if (depth > 50) return undefined;
  for (const child of children) {
    if (child.kind !== "t1") continue;
    const c = commentSchema.safeParse(child.data);
    if (!c.success) continue;
    if (c.data.id.toLowerCase() === id) return c.data;
    const nested = listing.safeParse(c.data.replies);
    if (nested.success) {
      const found = findComment(nested.data.data.children, id, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The text of a Reddit post (title and body) or, for a comment link, of that one comment. */
export function redditText(json: unknown, commentId?: string): string {
  const thread = threadSchema.safeParse(json);
  if (!thread.success) throw new LinkError("unreachable");
  const [postListing, comments] = thread.data;
  const postThing = postListing.data.children.find((c) => c.kind === "t3");
  const post = postSchema.safeParse(postThing?.data);
  if (!post.success) throw new LinkError("not_found");
  if (post.data.over_18) throw new LinkError("nsfw");
  if (post.data.subreddit_type === "private") throw new LinkError("private");

  if (commentId) {
    const comment = findComment(comments.data.children, commentId);
    if (!comment) throw new LinkError("not_found");
    checkRemoval(comment.body, null);
    if (!comment.body.trim()) throw new LinkError("no_text");
    return comment.body.trim();
  }

  checkRemoval(post.data.selftext, post.data.removed_by_category);
  const text = [post.data.title, post.data.selftext].map((s) => s.trim()).filter(Boolean).join("\n\n");
  if (!text) throw new LinkError("no_text");
  return text;
}
