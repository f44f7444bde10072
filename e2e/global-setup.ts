import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FullConfig } from "@playwright/test";

// Runs each file in ./support/setup (default export: (config) => Promise<void>), e.g. seeding one login per role.
export default async function globalSetup(config: FullConfig) {
  const dir = path.join(import.meta.dirname, "support", "setup");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    await mod.default(config);
  }
}
