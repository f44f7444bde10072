import { execFileSync } from "node:child_process";
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

// Folders the copy never needs (or must not share). models/ stays: the copied server classifies with it (without
// it every self-check of an --isolated bench came back "unavailable"), and hard links cost no space.
const SKIP = new Set([".git", ".next", "node_modules", "test-results", "playwright-report", "training", "data", "coverage"]);

function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (SKIP.has(entry.name) && from === ROOT) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dst);
    else if (entry.isFile()) linkFile(src, dst);
  }
}

function linkFile(src: string, dst: string) {
  mkdirSync(path.dirname(dst), { recursive: true });
  // Files at the top (tsconfig.json, next-env.d.ts, next.config.ts ...) may be rewritten by the build or by
  // whoever prepares the copy: real copies, so a write there can never reach the original through the link.
  if (path.dirname(src) === ROOT) {
    cpSync(src, dst);
    return;
  }
  try {
    linkSync(src, dst);
  } catch {
    cpSync(src, dst);
  }
}

// Committed files (plus the generated Prisma client, which is gitignored): what a fresh clone builds,
// not whatever half-written files sit in a shared working tree.
function trackedFiles(): string[] | null {
  try {
    return execFileSync("git", ["ls-files", "-z"], { cwd: ROOT }).toString().split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

/**
 * A throwaway copy of the project for a build with unusual settings, so the real .next (used by the
 * e2e run and by other people's builds) is never touched. Files are hard links (no space, ~2 s).
 * Turbopack refuses symlinked node_modules outside its root, hence hard links there too.
 */
export function copyProject(prefix: string, what: "committed" | "working-tree" = "committed"): { dir: string; remove: () => void } {
  let base = tmpdir();
  // Hard links need the same filesystem; fall back to a sibling of the repository.
  if (statSync(base).dev !== statSync(ROOT).dev) base = path.dirname(ROOT);
  const dir = mkdtempSync(path.join(base, prefix));
  const tracked = what === "committed" ? trackedFiles() : null;
  if (tracked) {
    for (const file of tracked) if (existsSync(path.join(ROOT, file))) linkFile(path.join(ROOT, file), path.join(dir, file));
    const generated = path.join(ROOT, "lib/db/generated");
    if (existsSync(generated)) linkTree(generated, path.join(dir, "lib/db/generated"));
  } else {
    linkTree(ROOT, dir);
  }
  try {
    execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
  } catch {
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
