// node scripts/tagger-audit.mjs [--shard i/n] [files...]
// The anonymizer's tagger shortcut (lib/anonymize/tag.mjs tagDoc) against compromise's full parse (tagDocFull) on
// every post of the corpus splits beside the repository: prints the posts where the people and places found differ,
// and a count. Default files: ../shared/data/reddit-mh/{train,dev,test}.jsonl. Run shards in parallel on more cores.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { entitySpans, tagDoc, tagDocFull } from "../lib/anonymize/tag.mjs";

const { values, positionals } = parseArgs({ options: { shard: { type: "string", default: "0/1" } }, allowPositionals: true });
const [shard, shards] = values.shard.split("/").map(Number);
const root = path.resolve(import.meta.dirname, "..");
const files = positionals.length ? positionals : ["train", "dev", "test"].map((s) => path.resolve(root, `../shared/data/reddit-mh/${s}.jsonl`));
let posts = 0, withEntities = 0, differ = 0, fastMs = 0;
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  lines.forEach((line, n) => {
    if (n % shards !== shard) return;
    const { text } = JSON.parse(line);
    posts++;
    const t0 = performance.now();
    const fast = entitySpans(text, tagDoc(text));
    fastMs += performance.now() - t0;
    const full = entitySpans(text, tagDocFull(text));
    if (full.length) withEntities++;
    if (JSON.stringify(fast) !== JSON.stringify(full)) {
      differ++;
      const show = (spans) => spans.map((s) => `${s.kind}:${JSON.stringify(text.slice(s.start, s.end))}`).join(", ") || "none";
      console.log(`${path.basename(file)}:${n + 1}: shortcut ${show(fast)} | full parse ${show(full)}`);
    }
  });
}
console.log(JSON.stringify({ shard: values.shard, posts, withEntities, differ, shortcutMsPerPost: +(fastMs / posts).toFixed(3) }));
