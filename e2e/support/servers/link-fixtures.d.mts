export interface FixtureRequest {
  host: string | undefined;
  path: string;
}
export interface LinkFixtureServer {
  requests: FixtureRequest[];
  listen(): Promise<string>;
  close(): Promise<void>;
}
export function createLinkFixtureServer(): LinkFixtureServer;
export const FIXTURE_DNS: Record<string, string[]>;
export const DISTRESS_POST: string;
export function start(): Promise<Record<string, string>>;
