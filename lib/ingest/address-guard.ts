import { BlockList, isIP } from "node:net";

/**
 * Addresses a link may never make the server connect to: loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, multicast, reserved and documentation ranges, for IPv4 and IPv6. IPv4-mapped, NAT64 and
 * 6to4 IPv6 addresses are judged by the IPv4 address they carry.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments (Teredo, ORCHID, ...)
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Expands an IPv6 address to eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let addr = address.toLowerCase().split("%")[0] ?? "";
  // Trailing dotted IPv4 ("::ffff:127.0.0.1") becomes two groups.
  const v4 = addr.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    addr = addr.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = addr.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail ? tail.split(":") : [];
  const fill = tail !== undefined ? Array(8 - h.length - t.length).fill("0") : [];
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

function embeddedIPv4(groups: number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const toV4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated)
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && ((g4 === 0 && g5 === 0xffff) || (g4 === 0xffff && g5 === 0))) return toV4(g6, g7);
  // 64:ff9b::a.b.c.d (NAT64) and 64:ff9b:1::/48
  if (g0 === 0x64 && g1 === 0xff9b) return toV4(g6, g7);
  // 2002:AABB:CCDD::/16 (6to4)
  if (g0 === 0x2002) return toV4(g1, g2);
  return null;
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true; // not an address at all: refuse
  const groups = ipv6Groups(address);
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return true;
  const v4 = embeddedIPv4(groups);
  if (v4) return blocked.check(v4, "ipv4");
  return blocked.check(address.split("%")[0] ?? address, "ipv6");
}

/** True for host names that are IP literals in any spelling browsers accept ("127.1", "0x7f.1", "[::1]", "2130706433"). */
export function isIpLiteralHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "");
  if (isIP(h)) return true;
  // WHATWG URL parsing already normalises numeric IPv4 forms to dotted quads; anything all-numeric or hex is an IP.
  return /^(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}$/i.test(h);
}
