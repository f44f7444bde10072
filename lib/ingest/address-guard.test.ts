import { describe, expect, it } from "vitest";
import { isBlockedAddress, isIpLiteralHost } from "./address-guard";

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::",
    "not-an-ip",
  ])("blocks %s", (addr) => {
    expect(isBlockedAddress(addr)).toBe(true);
  });

  it.each(["151.101.1.140", "8.8.8.8", "172.32.0.1", "2a04:4e42::396", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows public %s",
    (addr) => {
      expect(isBlockedAddress(addr)).toBe(false);
    },
  );
});

describe("isIpLiteralHost", () => {
  it("spots every spelling of an IP host", () => {
    for (const h of ["127.0.0.1", "[::1]", "::1", "2130706433", "0x7f000001", "127.1", "10.0.1"]) expect(isIpLiteralHost(h), h).toBe(true);
    for (const h of ["www.reddit.com", "redd.it", "1password.com", "123abc.example"]) expect(isIpLiteralHost(h), h).toBe(false);
  });
});
