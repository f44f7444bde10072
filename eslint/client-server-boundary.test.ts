import path from "node:path";
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import rule from "./client-server-boundary.mjs";

// RuleTester reports through the test framework's describe/it.
RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({ languageOptions: { ecmaVersion: "latest", sourceType: "module" } });
const filename = path.join(import.meta.dirname, "..", "components", "example.tsx");

tester.run("client-server-boundary", rule, {
  valid: [
    { filename, code: `"use client";\nimport { CONDITION_NAMES } from "@/lib/assessment/names";` },
    // Server actions reach the client as references, never as code.
    { filename, code: `"use client";\nimport { checkPost } from "@/app/(public)/actions";` },
    // Server components may import anything.
    { filename, code: `import { runSelfCheck } from "@/lib/self-check/run";` },
  ],
  invalid: [
    {
      filename,
      code: `"use client";\nimport { runSelfCheck } from "@/lib/self-check/run";`,
      errors: [{ message: /server-only module: lib\/self-check\/run\.ts$/ }],
    },
    // Through a module that is not server-only itself.
    {
      filename,
      code: `"use client";\nimport { signIn } from "@/lib/auth/next-auth";`,
      errors: [{ message: /lib\/auth\/next-auth\.ts -> lib\/db\/client\.ts/ }],
    },
  ],
});
