import { parseArgs } from "node:util";

export const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    warmup: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    clinicians: { type: "string", default: "10" },
    port: { type: "string", default: "3300" },
    // 2 or more: that many servers (ports port, port+1, ...) behind nginx on proxy-port (default port+10), one of them
    // stopped with SIGTERM and one killed with SIGKILL during the run (scripts/bench-load/instances.ts).
    instances: { type: "string", default: "1" },
    "proxy-port": { type: "string" },
    "skip-build": { type: "boolean", default: false },
    isolated: { type: "boolean", default: false },
    // An already prepared project folder (e.g. a kept copy); with --skip-build, its .next is used as is.
    dir: { type: "string" },
  },
});
export const duration = Number(args.duration);
export const warmup = Number(args.warmup);
export const connections = Number(args.connections);
export const clinicians = Number(args.clinicians);
export const port = Number(args.port);
export const instances = Number(args.instances);
export const proxyPort = Number(args["proxy-port"] ?? port + 10);
if (!(duration > 0) || !(warmup >= 0) || !(connections >= 2) || !(clinicians >= 1 && clinicians < connections)) {
  console.error("--duration must be above 0, --warmup 0 or more, --connections at least 2, and --clinicians between 1 and connections - 1 (the mixed run needs both kinds of user).");
  process.exit(2);
}
if (!Number.isInteger(instances) || instances < 1 || instances > 8 || !Number.isInteger(proxyPort) || (proxyPort >= port && proxyPort < port + instances)) {
  console.error("--instances must be a whole number from 1 to 8, and --proxy-port a port outside the instances' (port .. port + instances - 1).");
  process.exit(2);
}

export const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL URL whose user may create databases, e.g.\n  BENCH_DATABASE_URL=postgresql://lantern:secret@127.0.0.1:5432/postgres npm run bench:load");
  process.exit(2);
}
