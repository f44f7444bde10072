export const STAGE: Readonly<{ work: 1; connections: 2 }>;
export type Stage = (typeof STAGE)[keyof typeof STAGE];
export type DrainOutcome = "done" | "failed" | "timed out";
export function onShutdown(name: string, drain: (msLeft: number) => unknown, stage?: Stage): void;
export function isShuttingDown(): boolean;
export function beginShutdown(): void;
export function registeredDrains(): string[];
export function runDrains(timeoutMs: number): Promise<{ ok: boolean; results: { name: string; outcome: DrainOutcome; ms: number }[] }>;
export function readShutdownSettings(env: Record<string, string | undefined>): { delayMs: number; graceMs: number; drainMs: number };
