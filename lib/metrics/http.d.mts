import type { IncomingMessage, ServerResponse } from "node:http";
export function routeLabeler(distDir: string): (rawPath: string | undefined) => string;
export function observeRequest(req: IncomingMessage, res: ServerResponse, labelRoute: (rawPath: string | undefined) => string): void;
