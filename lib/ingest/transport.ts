import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { readEnv } from "@/lib/env";

/**
 * How the fetcher turns a host name into addresses and where it actually connects. Production: the system
 * resolver, and a TLS connection to the address that passed the guard. Tests: a fixed host->address map and a
 * plain-HTTP loopback server standing in for every allow-listed site, so the guards (allow-list, redirects,
 * address checks, size and time limits) run unchanged against ../shared/fixtures.
 */
export interface Transport {
  resolve(hostname: string): Promise<string[]>;
  /** Test only: every request goes to this loopback origin over plain HTTP, with the real Host header. */
  fixtureOrigin?: URL;
}

export const systemTransport: Transport = {
  async resolve(hostname) {
    const records = await lookup(hostname, { all: true, verbatim: true });
    return records.map((r) => r.address);
  },
};

/** Test mode is vitest (NODE_ENV=test) or the e2e server (LANTERN_E2E=1, set only by e2e/support/start-server.mjs). */
function inTestMode(): boolean {
  return readEnv().NODE_ENV === "test" || readEnv().LANTERN_E2E === "1";
}

// A public address (TEST-NET would be refused by the guard) for hosts the fixture map doesn't name.
const FIXTURE_DEFAULT_ADDRESS = "151.101.1.140";

/**
 * The transport for this process. LANTERN_INGEST_FIXTURE_ORIGIN (http://127.0.0.1:port) and
 * LANTERN_INGEST_FIXTURE_DNS ({"host":"address"}) are read only in test mode and only with a loopback origin;
 * anywhere else they are ignored, so a stray variable in production can't redirect fetches.
 */
export function defaultTransport(): Transport {
  const origin = readEnv().LANTERN_INGEST_FIXTURE_ORIGIN;
  if (!origin || !inTestMode()) return systemTransport;
  const url = new URL(origin);
  if (url.protocol !== "http:" || !["127.0.0.1", "[::1]", "localhost"].includes(url.hostname)) return systemTransport;
  const dns = parseDnsMap(readEnv().LANTERN_INGEST_FIXTURE_DNS);
  return {
    fixtureOrigin: url,
    async resolve(hostname) {
      return dns[hostname] ?? [FIXTURE_DEFAULT_ADDRESS];
    },
  };
}

function parseDnsMap(raw: string | undefined): Record<string, string[]> {
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  const out: Record<string, string[]> = {};
  if (parsed && typeof parsed === "object") {
    for (const [host, value] of Object.entries(parsed)) {
      const list = (Array.isArray(value) ? value : [value]).filter((a): a is string => typeof a === "string" && isIP(a) > 0);
      out[host] = list;
    }
  }
  return out;
}
