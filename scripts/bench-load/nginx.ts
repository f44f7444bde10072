// The loopback reverse proxy of the multi-instance bench: Debian's nginx, run as a foreground child of the bench with
// its own config, pid, logs and temp folders in a throwaway directory (nothing under /etc/nginx or /var is touched).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

export const NGINX = process.env.BENCH_NGINX ?? "/usr/sbin/nginx";
/** The response header naming the instance (address:port) that answered, as nginx saw it. */
export const UPSTREAM_HEADER = "x-lantern-upstream";

export interface Upstream {
  port: number;
  /** false: left out of the rotation (not ready), as a load balancer's health check would. */
  up: boolean;
}

/**
 * Round-robin over the instances; nginx appends the client's address to X-Forwarded-For (the instances trust one
 * hop). A connection refused (an instance gone) sends the request to the next instance; a request already sent to an
 * instance that dies is answered 502 and is not resent (nginx's default for POST): the client's retry decides.
 * One worker process: the rotation is one counter, so a lone client alternates strictly between instances.
 */
export function nginxConfig(dir: string, port: number, upstreams: Upstream[]): string {
  const servers = upstreams.map((u) => `    server 127.0.0.1:${u.port} max_fails=1 fail_timeout=5s${u.up ? "" : " down"};`).join("\n");
  return `worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 2048; }
http {
  # No client address in the log: the instance, the status and the timings are all the bench needs.
  log_format upstreams '$msec $request_method $uri $status $upstream_addr $upstream_status $request_time';
  access_log ${path.join(dir, "access.log")} upstreams;
  client_body_temp_path ${path.join(dir, "body")};
  proxy_temp_path ${path.join(dir, "proxy")};
  fastcgi_temp_path ${path.join(dir, "fastcgi")};
  uwsgi_temp_path ${path.join(dir, "uwsgi")};
  scgi_temp_path ${path.join(dir, "scgi")};
  upstream lantern {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 256k;
    location / {
      proxy_pass http://lantern;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      add_header ${UPSTREAM_HEADER} $upstream_addr always;
    }
  }
}
`;
}

export interface Proxy {
  url: string;
  dir: string;
  /** Rewrites the upstream list and reloads nginx (new workers take it; old ones finish their requests). */
  setUpstreams(upstreams: Upstream[]): void;
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startProxy(dir: string, port: number, upstreams: Upstream[]): Promise<Proxy> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX} (apt-get install -y --no-install-recommends nginx, or set BENCH_NGINX)`);
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  const args = ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log")];
  const write = (list: Upstream[]) => writeFileSync(conf, nginxConfig(dir, port, list));
  write(upstreams);
  execFileSync(NGINX, [...args, "-t", "-q"], { stdio: "pipe" });
  let output = "";
  const child: ChildProcess = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = once(child, "exit");
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}: ${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not listen on ${port} in 10 s: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    setUpstreams(list) {
      write(list);
      child.kill("SIGHUP");
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGQUIT: graceful (workers finish their requests); SIGTERM would be a fast stop.
      child.kill("SIGQUIT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
