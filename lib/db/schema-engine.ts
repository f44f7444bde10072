/**
 * Offline access to Prisma's schema engine (migrate deploy / migrate diff) through
 * the WebAssembly build shipped in @prisma/schema-engine-wasm, driven by a driver
 * adapter (PGlite or node-postgres). The native engine binary that `prisma migrate`
 * downloads is not needed.
 *
 * Not server-only: used by scripts/db-*.ts, tests, and lib/db/client.ts at start-up.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { readEnv } from "@/lib/env";

// Minimal structural types of the wasm bindings (see schema_engine.d.ts in the package).
type JsResult<R, E> = { tag: "ok"; value: R } | { tag: "error"; value: E };
export interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: JsResult<string, string> } }[];
}
type SchemaFilter = { externalTables: string[]; externalEnums: string[] };
type SchemaFiles = { files: { path: string; content: string }[] };
export type DiffTarget =
  | { tag: "empty" }
  | ({ tag: "schemaDatamodel" } & SchemaFiles)
  | ({ tag: "migrations" } & MigrationList);

interface WasmSchemaEngine {
  applyMigrations(input: { migrationsList: MigrationList; filters: SchemaFilter }): Promise<{ appliedMigrationNames: string[] }>;
  diff(params: { from: DiffTarget; to: DiffTarget; script: boolean; exitCode: boolean | null; filters: SchemaFilter }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface WasmModule {
  SchemaEngine: { new: (options: { datamodels: [string, string][] | undefined }, log: (msg: string) => void, adapter: object) => Promise<WasmSchemaEngine> };
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  version(): string;
}

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Project root: where package.json and prisma/ live (cwd by default, for Next and scripts). */
export function projectRoot(): string {
  return readEnv().LANTERN_ROOT ?? process.cwd();
}
export function prismaDir(): string {
  return path.join(projectRoot(), "prisma");
}
export function migrationsDir(): string {
  return path.join(prismaDir(), "migrations");
}
export function schemaPath(): string {
  return path.join(prismaDir(), "schema.prisma");
}

let wasmPromise: Promise<WasmModule> | undefined;

/** Loads the wasm engine by hand (its package entry uses a wasm ESM import Node can't load). */
function loadWasm(): Promise<WasmModule> {
  wasmPromise ??= (async () => {
    const req = createRequire(path.join(projectRoot(), "package.json"));
    const pkgDir = path.dirname(req.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bgUrl = pathToFileURL(path.join(pkgDir, "schema_engine_bg.js")).href;
    const bg = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ bgUrl)) as WasmModule;
    const bytes = fs.readFileSync(/* turbopackIgnore: true */ path.join(pkgDir, "schema_engine_bg.wasm"));
    const mod = await WebAssembly.compile(bytes);
    // The engine's timers (e.g. a 10 s lock timeout) are never cleared: unref them so they
    // don't keep a CLI or test process alive after its work is done.
    const imports: Record<string, unknown> = { ...(bg as unknown as Record<string, unknown>) };
    for (const key of Object.keys(imports)) {
      if (key.startsWith("__wbg_setTimeout_")) {
        imports[key] = (fn: () => void, ms: number) => {
          const t = setTimeout(fn, ms >>> 0);
          (t as { unref?: () => void }).unref?.();
          return t;
        };
      }
    }
    const instance = await WebAssembly.instantiate(mod, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmPromise;
}

async function bindFactory(factory: SqlMigrationAwareDriverAdapterFactory): Promise<object> {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/**
 * The engine never disposes the connections it opens; with node-postgres that leaves a
 * pool (and the migration advisory lock on its session) alive until the pool's idle
 * timeout, so a second engine run would wait 10 s for the lock. Track and dispose them.
 */
function trackingFactory(inner: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const a = await inner.connect();
      opened.push(a);
      return a;
    },
    async connectToShadowDb() {
      const a = await inner.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const disposeAll = async () => {
    for (const a of opened.splice(0)) await a.dispose().catch(() => {});
  };
  return { factory, disposeAll };
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: string | undefined,
  fn: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasm();
  const tracked = trackingFactory(factory);
  const logs: string[] = [];
  const engine = await wasm.SchemaEngine.new(
    { datamodels: schema === undefined ? undefined : [["schema.prisma", schema]] },
    (msg: string) => {
      logs.push(msg);
      if (readEnv().LANTERN_SCHEMA_ENGINE_DEBUG) console.error("[schema-engine]", msg);
    },
    await bindFactory(tracked.factory),
  );
  try {
    return await fn(engine);
  } catch (err) {
    throw new Error(`Prisma schema engine failed: ${describeEngineError(err)}`, { cause: err });
  } finally {
    engine.free();
    await tracked.disposeAll();
  }
}

function describeEngineError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err !== null) {
    const o = err as Record<string, unknown>;
    if (typeof o.message === "string") return o.message;
    try {
      return JSON.stringify(err);
    } catch {
      /* fall through */
    }
  }
  return String(err);
}

/** Reads prisma/migrations into the engine's MigrationList (sorted by folder name). */
export function readMigrations(dir = migrationsDir()): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const dirs = fs.existsSync(/* turbopackIgnore: true */ dir)
    ? fs
        .readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(/* turbopackIgnore: true */ lockPath) ? fs.readFileSync(/* turbopackIgnore: true */ lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      let content: JsResult<string, string>;
      try {
        content = { tag: "ok", value: fs.readFileSync(/* turbopackIgnore: true */ file, "utf8") };
      } catch (e) {
        content = { tag: "error", value: String(e) };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

/** `prisma migrate deploy`: applies committed migrations not yet recorded in _prisma_migrations. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = migrationsDir(),
): Promise<string[]> {
  const migrationsList = readMigrations(dir);
  const out = await withEngine(factory, undefined, (e) => e.applyMigrations({ migrationsList, filters: NO_FILTER }));
  return out.appliedMigrationNames;
}

/**
 * `prisma migrate diff --script`: SQL that takes `from` to `to`.
 * Diffing from `migrations` needs a shadow database: the factory's connectToShadowDb().
 */
export async function diffSql(
  factory: SqlMigrationAwareDriverAdapterFactory,
  from: DiffTarget,
  to: DiffTarget,
): Promise<string> {
  const out = await withEngine(factory, undefined, (e) => e.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER }));
  return out.stdout ?? "";
}

export function schemaTarget(file = schemaPath()): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: path.basename(file), content: fs.readFileSync(/* turbopackIgnore: true */ file, "utf8") }] };
}

export async function engineVersion(): Promise<string> {
  return (await loadWasm()).version();
}
