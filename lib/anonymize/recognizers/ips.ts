import { isIP } from "node:net";
import { findAll, type Recognizer } from "../kinds";

// IPv6: the dotted-IPv4 tail is tried first ("::ffff:10.0.0.1"), and a trailing ":" or "." is sentence punctuation
// unless another group or octet follows it.
const IP = /(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)|(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4})(?!\w|\.\d|:[0-9a-f])/gi;

/** IPv4 and IPv6 addresses (IPv4-mapped too), checked with net.isIP. */
export const ips: Recognizer = {
  name: "ip",
  find: (text) =>
    findAll(text, IP, "ip", (m) => {
      if (isIP(m[0])) return { start: m.index, end: m.index + m[0].length, kind: "ip" };
      // "fe80::1:" at the end of a clause: the colon is punctuation.
      if (m[0].endsWith(":") && isIP(m[0].slice(0, -1))) return { start: m.index, end: m.index + m[0].length - 1, kind: "ip" };
      return null;
    }),
};
