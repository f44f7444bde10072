import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_TABLE } from "@/lib/security/access-table";

// The table must name every page, route handler and exported server action in app/, so nothing new
// can appear without a decision about who may reach it (and the e2e walk then checks that decision).
const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("access table", () => {
  const appFiles = files("app");

  it("lists every page and route handler", () => {
    const listed = new Set(ACCESS_TABLE.filter((e) => e.kind !== "action").map((e) => e.file));
    const present = appFiles.filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f));
    expect(present.filter((f) => !listed.has(f))).toEqual([]);
  });

  it("lists every exported server action", () => {
    const listed = new Map(ACCESS_TABLE.filter((e) => e.kind === "action").map((e) => [`${e.file}#${e.name}`, e]));
    const missing: string[] = [];
    for (const file of appFiles) {
      const source = readFileSync(path.join(root, file), "utf8");
      if (!/^["']use server["'];?/m.test(source)) continue;
      for (const m of source.matchAll(/^export (?:async function|const) (\w+)/gm)) {
        if (!listed.has(`${file}#${m[1]}`)) missing.push(`${file}#${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names only files that exist", () => {
    expect(ACCESS_TABLE.map((e) => e.file).filter((f) => !appFiles.includes(f))).toEqual([]);
  });
});

describe("docs/security.md", () => {
  it("shows exactly the access table the tests walk", async () => {
    const { accessTableMarkdown } = await import("@/lib/security/access-table");
    const doc = readFileSync(path.join(root, "docs", "security.md"), "utf8");
    const section = /<!-- access-table:start -->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(doc)?.[1];
    expect(section).toBe(accessTableMarkdown());
  });
});
