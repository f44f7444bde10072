// npx tsx scripts/tagger-audit.ts [--shard i/n] [files...]
// The anonymizer's tagger shortcut (lib/anonymize/tag.ts tagDoc) against compromise's full parse (tagDocFull) on
// every post of the corpus splits beside the repository. The shortcut must find nothing the full parse does not
// ("shortcutOnly", printed per post), and may miss only the full parse's known mistakes (scripts/lib/tag-audit.ts):
// those are counted by wording, and any other miss is printed per post. Default files:
// ../shared/data/reddit-mh/{train,dev,test}.jsonl. Run shards in parallel on more cores.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { entitySpans, tagDoc, tagDocFull, type Span } from "../lib/anonymize/tag";
import { judgeShortcut } from "./lib/tag-audit";

const { values, positionals } = parseArgs({ options: { shard: { type: "string", default: "0/1" } }, allowPositionals: true });
const [shard = 0, shards = 1] = values.shard.split("/").map(Number);
const root = path.resolve(import.meta.dirname, "..");
const files = positionals.length ? positionals : ["train", "dev", "test"].map((s) => path.resolve(root, `../shared/data/reddit-mh/${s}.jsonl`));
let posts = 0, withEntities = 0, differ = 0, shortcutOnly = 0, otherMisses = 0, fastMs = 0, fullMs = 0;
const knownMisses = new Map<string, number>();
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  lines.forEach((line, n) => {
    if (n % shards !== shard) return;
    const { text } = JSON.parse(line) as { text: string };
    posts++;
    const t0 = performance.now();
    const fast = entitySpans(text, tagDoc(text));
    fastMs += performance.now() - t0;
    const t1 = performance.now();
    const full = entitySpans(text, tagDocFull(text));
    fullMs += performance.now() - t1;
    if (full.length) withEntities++;
    const { extra, missed, known, unexplained } = judgeShortcut(text, fast, full);
    if (extra.length || missed.length) differ++;
    const show = (spans: Span[]) => spans.map((s) => `${s.kind}:${JSON.stringify(text.slice(s.start, s.end))}`).join(", ");
    const where = `${path.basename(file)}:${n + 1}`;
    if (extra.length) {
      shortcutOnly++;
      console.log(`${where}: only the shortcut found ${show(extra)}`);
    }
    if (unexplained.length) {
      otherMisses++;
      console.log(`${where}: the shortcut missed ${show(unexplained)}`);
    }
    for (const s of known) {
      const words = `${s.kind}:${text.slice(s.start, s.end).toLowerCase()}`;
      knownMisses.set(words, (knownMisses.get(words) ?? 0) + 1);
    }
  });
}
const known = Object.fromEntries([...knownMisses].sort((a, b) => b[1] - a[1]));
console.log(JSON.stringify({ shard: values.shard, posts, withEntities, differ, shortcutOnly, otherMisses, knownFullParseMistakes: known, shortcutMsPerPost: +(fastMs / posts).toFixed(3), fullParseMsPerPost: +(fullMs / posts).toFixed(3) }));
