import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or wasm packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "onnxruntime-node",
    "@huggingface/transformers",
    "@node-rs/argon2",
    "pino",
    "pg-boss",
    // One metrics registry per process, shared with scripts/serve.mjs (lib/metrics/registry.mjs).
    "prom-client",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
