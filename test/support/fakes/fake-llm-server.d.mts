export interface FakeLlmRequest {
  path: string;
  mode: string;
  model: string;
  authorization: string | null;
  messages: { role: string; content: string }[];
  receivedAt: number;
  firstChunkAt: number | null;
  /** performance.now() at each content chunk written (same clock as an in-process caller). */
  chunkTimes: number[];
  finishedAt: number | null;
  clientClosed: boolean;
}

export interface FakeLlmOptions {
  port?: number;
  chunkDelayMs?: number;
  firstTokenDelayMs?: number;
  slowFirstTokenMs?: number;
  longChunkDelayMs?: number;
}

export interface FakeLlm {
  url: string;
  baseURL: string;
  port: number;
  requests: FakeLlmRequest[];
  scripts: Map<string, string>;
  settings: Required<FakeLlmOptions>;
  close(): Promise<void>;
}

export function tokenize(text: string): string[];
export function startFakeLlm(options?: FakeLlmOptions): Promise<FakeLlm>;
