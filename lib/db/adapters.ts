/**
 * Driver adapter factories for Lantern, with one fix each for migrations:
 *
 *  - @prisma/adapter-pg's executeScript() splits the script on ";" and runs the pieces one
 *    by one: that breaks dollar-quoted function bodies (our audit trigger) and quotes in
 *    comments, and leaves half-applied migrations on error.
 *  - pglite-prisma-adapter's executeScript() does not await PGlite's exec(): a failing
 *    migration would be recorded as applied and its error would surface as an unhandled rejection.
 *
 * Both are replaced by sending the whole script in ONE simple-protocol query, which
 * PostgreSQL runs as a single implicit transaction: a migration applies entirely or not at all.
 */
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PGlite } from "@electric-sql/pglite";

type Execs = { exec?: (sql: string) => Promise<unknown>; query: (sql: string) => Promise<unknown> };

function patchExecuteScript(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const a = adapter as SqlDriverAdapter & { onError?: (e: unknown) => never };
  a.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (err) {
      if (typeof a.onError === "function") a.onError(err);
      throw err;
    }
  };
  return a;
}

class ScriptSafeFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider: "postgres";
  readonly adapterName: string;
  constructor(
    private readonly inner: SqlMigrationAwareDriverAdapterFactory,
    private readonly runner: (adapter: SqlDriverAdapter) => (script: string) => Promise<unknown>,
  ) {
    this.provider = inner.provider as "postgres";
    this.adapterName = inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const a = await this.inner.connect();
    return patchExecuteScript(a, this.runner(a));
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const a = await this.inner.connectToShadowDb();
    return patchExecuteScript(a, this.runner(a));
  }
}

export async function pgAdapterFactory(
  connectionString: string,
  opts: { max?: number; connectionTimeoutMillis?: number } = {},
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const inner = new PrismaPg({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5_000,
  }) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return new ScriptSafeFactory(inner, (a) => {
    const driver = (a as unknown as { underlyingDriver(): Execs }).underlyingDriver();
    return (script) => driver.query(script); // no parameters -> simple protocol, multi-statement
  });
}

export async function pgliteAdapterFactory(pg: PGlite): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const inner = new PrismaPGlite(pg) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return new ScriptSafeFactory(inner, (a) => {
    const client = (a as unknown as { client: Execs }).client;
    return (script) => client.exec!(script);
  });
}
