import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Real posts for the load: the held-out test split of the shared corpus (read in place, never copied),
// or a few plain sentences when the corpus is not beside the repository.
const FALLBACK = [
  "I haven't slept properly in weeks and everything feels pointless. I don't know who to talk to anymore.",
  "My heart races every time I have to leave the house and I keep thinking something terrible will happen.",
  "Some weeks I barely sleep and feel unstoppable, then I crash and can't get out of bed for days.",
  "I keep thinking everyone would be better off without me. I wrote a note last night.",
  "Work has been stressful but I went for a long walk today and it helped a bit.",
];

export function loadPosts(root: string, limit = 400): string[] {
  const file = path.resolve(root, "../shared/data/reddit-mh/test.jsonl");
  if (!existsSync(file)) return FALLBACK;
  const posts: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text?: string };
    if (text && text.trim().length >= 40) posts.push(text.slice(0, 2_000));
    if (posts.length >= limit) break;
  }
  return posts.length > 0 ? posts : FALLBACK;
}
