export const CLIENT_ADDRESS_HEADER: "x-lantern-client-address";
export function normalizeAddress(raw: unknown): string | null;
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
export function rateLimitSubject(address: string): string;
export function readTrustedProxyHops(value: string | undefined): number;
import type { IncomingMessage, ServerResponse } from "node:http";
export function withClientAddress(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  hops: number,
): (req: IncomingMessage, res: ServerResponse) => unknown;
