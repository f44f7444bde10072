# syntax=docker/dockerfile:1
# Lantern's production image (docs/deploy.md): the built app, its production dependencies and the model, run as a
# non-root user by scripts/serve.mjs (graceful shutdown on SIGTERM, client addresses, request metrics).
#
#   docker build -t lantern .
#   docker run --rm -e DATABASE_URL=... lantern node_modules/.bin/tsx scripts/db-migrate.ts   # one-shot migration
#   docker run -p 3000:3000 -e DATABASE_URL=... -e AUTH_SECRET=... lantern
#
# Why not Next's standalone output: the app reads files from node_modules by path at run time (word lists, place
# names), runs its tagger thread and its CLIs (migrations, staff accounts) from TypeScript through tsx, and loads the
# schema engine's wasm by path; the standalone trace follows none of these (docs/decisions/, "container image").
ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# onnxruntime-node's install script would download CUDA files; the CPU runtime is in the package. The Prisma CLI's
# native engines are never needed (migrations run on the wasm schema engine, lib/db/schema-engine.ts).
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false \
    NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci

FROM deps AS build
COPY . .
# prebuild generates the Prisma client into lib/db/generated; the build cache is not shipped.
RUN npm run build \
 && rm -rf .next/cache \
 && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NODE_OPTIONS=--max-semi-space-size=64 \
    LANTERN_DATA_DIR=/var/lib/lantern/pglite \
    LANTERN_OUTBOX_DIR=/var/lib/lantern/outbox
RUN groupadd --system --gid 10001 lantern \
 && useradd --system --uid 10001 --gid lantern --home-dir /nonexistent --shell /usr/sbin/nologin lantern \
 && mkdir -p /var/lib/lantern/outbox /var/lib/lantern/pglite \
 && chown -R lantern:lantern /var/lib/lantern
# Owned by root and read-only to the app's user: the code and the model cannot be changed by the running process.
COPY --from=build /app/package.json /app/next.config.ts /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/models ./models
USER lantern
VOLUME ["/var/lib/lantern"]
EXPOSE 3000
# Liveness only (a restart would not fix a database that is down): load balancers poll /api/ready themselves.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "scripts/serve.mjs"]
