// The production HTTP server behind `npm start` (and the browser tests): Next's request handler behind a plain
// Node server that decides, from the socket, which address each request comes from. A route handler only sees
// headers, and X-Forwarded-For is whatever the client wrote unless a proxy we trust appended to it, so the address
// is decided here and passed on in one header the client cannot set (lib/rate-limit/forwarded.mjs):
//   TRUSTED_PROXY_HOPS=0 (default): the socket's peer; any X-Forwarded-For is ignored.
//   TRUSTED_PROXY_HOPS=N: the Nth entry from the right of X-Forwarded-For (N proxies that each append).
// X-Forwarded-For and X-Real-IP are rewritten to the same address, so nothing downstream reads the client's own.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { readTrustedProxyHops, withClientAddress } from "../lib/rate-limit/forwarded.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "localhost";

let hops;
try {
  hops = readTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (err) {
  console.error(`Lantern cannot start: ${err.message}`);
  process.exit(78);
}
// Tells the app (same process) that every request carries the address decided here (lib/rate-limit/client-key.ts).
process.env.LANTERN_FRONT_SERVER = "1";
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const stamped = withClientAddress(handle, hops);
const server = createServer((req, res) => {
  Promise.resolve(stamped(req, res)).catch((err) => {
    console.error("[lantern] request failed before the app could answer:", err?.name ?? "error");
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  });
});
server.listen(port, hostname, () => console.log(`Lantern: ready on http://${hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Idle keep-alive connections would hold the close open; requests in flight get up to 5 s to finish.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
