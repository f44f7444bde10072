/**
 * `npm run bench:anonymize [-- --posts 3000] [-- --baseline <commit>]`: the anonymizer's cost per post, this code
 * against the code of an earlier commit (by default the last commit before Anonymizer 2.0), side by side in one
 * process: each post goes through both, in alternating order, so both see the same machine load. Posts are read at
 * run time from ../shared/data/reddit-mh/dev.jsonl (never copied into the repo; only timings are printed).
 * Times the whole synchronous anonymize(): folding, recognizers, word lists and compromise's tagger in this thread.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { anonymize } from "@/lib/anonymize";

const BEFORE_2_0 = "cc186cc";
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const count = Number(arg("--posts", "3000"));
const baseline = arg("--baseline", BEFORE_2_0);
const data = path.resolve(process.env.LANTERN_SHARED_DIR ?? path.join(process.cwd(), "..", "shared"), "data", "reddit-mh", "dev.jsonl");

const posts = readFileSync(data, "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, count)
  .map((line) => z.object({ text: z.string() }).parse(JSON.parse(line)).text);

// The baseline's lib/anonymize, extracted under scripts/_* (ignored by git) so its "@/" imports resolve as they did.
const dir = path.join(process.cwd(), "scripts", `_anonymize-${baseline}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
execFileSync("sh", ["-c", `git archive ${baseline} lib/anonymize | tar -x -C ${JSON.stringify(dir)}`]);
const old = (await import(path.join(dir, "lib", "anonymize", "index.ts"))) as { anonymize: (text: string) => { text: string } };

const time = (f: () => void) => {
  const started = performance.now();
  f();
  return performance.now() - started;
};

// Warm-up: both load their word lists and compromise, and the JIT settles.
for (const text of posts.slice(0, 200)) {
  old.anonymize(text);
  anonymize(text);
}
const before: number[] = [];
const after: number[] = [];
posts.forEach((text, i) => {
  if (i % 2 === 0) {
    before.push(time(() => old.anonymize(text)));
    after.push(time(() => anonymize(text)));
  } else {
    after.push(time(() => anonymize(text)));
    before.push(time(() => old.anonymize(text)));
  }
});
rmSync(dir, { recursive: true, force: true });

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const diff = after.map((a, i) => a - before[i]!);
const row = (name: string, xs: number[]) =>
  console.log(`| ${name} | ${quantile(xs, 0.5).toFixed(2)} | ${quantile(xs, 0.9).toFixed(2)} | ${mean(xs).toFixed(2)} |`);
console.log(`${posts.length} posts of reddit-mh dev, each through both, alternating order; ms a post\n`);
console.log("| code | median | p90 | mean |\n|---|---|---|---|");
row(`before (${baseline})`, before);
row("now", after);
row("now - before, per post", diff);
