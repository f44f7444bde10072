// Lint that holds the architecture: Next's rules (core web vitals, TypeScript), the import boundaries between the
// layers, the client/server boundary, and one reader of the environment.
import { defineConfig, globalIgnores } from "eslint/config";
import "./eslint/typescript6.mjs";
import clientServerBoundary from "./eslint/client-server-boundary.mjs";

// Loaded after the TypeScript 6 redirect above (static imports would be evaluated before it).
const { default: nextVitals } = await import("eslint-config-next/core-web-vitals");
const { default: nextTs } = await import("eslint-config-next/typescript");

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "training/**",
    "models/**",
    "data/**",
    "next-env.d.ts",
  ]),
  {
    plugins: { lantern: { rules: { "client-server-boundary": clientServerBoundary } } },
    rules: {
      // Layers: lib is the domain and the server plumbing, components the UI kit and feature widgets, app the routes.
      // Dependencies run app -> components -> lib, never back up.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components"],
              message: "lib never imports app/ or components/: move the shared code into lib.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components never import app/: pass what they need (data, server actions) as props.",
            },
          ],
        },
      ],
      "lantern/client-server-boundary": "error",
      // Unused names are errors, except the ones marked unused on purpose with a leading underscore.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // Tests exercise every layer, routes included.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": "off" },
  },
  {
    // lib/env.ts is the one reader of the environment; everything else asks it (readEnv(), env, the shapes).
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
]);
