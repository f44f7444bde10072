// What must never reach a log line: the words a person wrote, anything that identifies them,
// and anything that would let a reader of the logs act as someone else.
// Matched by key name at any of the first four levels of a log object (pino's redaction is path based).
export const SENSITIVE_KEYS = [
  // the post and anything derived from it
  "text",
  "post",
  "postText",
  "body",
  "content",
  "message_text",
  "redactedText",
  "generatedMessage",
  "note",
  "prompt",
  "url",
  "link",
  "username",
  "handle",
  "email",
  "ip",
  "userAgent",
  // credentials and sessions
  "password",
  "passwordHash",
  // the follow-up code opens a case's messages and its erasure: never logged, nor its hash
  "followUpCode",
  "followUpHash",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "secret",
  "apiKey",
  "authorization",
  "cookie",
  "set-cookie",
  "x-forwarded-for",
  "x-real-ip",
] as const;

function keyPath(prefix: string, key: string): string {
  // Keys with dashes need bracket notation in pino/fast-redact paths.
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  if (!prefix) return part;
  return part.startsWith("[") ? `${prefix}${part}` : `${prefix}.${part}`;
}

export function redactionPaths(depth = 4): string[] {
  const paths: string[] = [];
  for (let level = 0; level < depth; level++) {
    const prefix = Array.from({ length: level }, () => "*").join(".");
    for (const key of SENSITIVE_KEYS) paths.push(keyPath(prefix, key));
  }
  return paths;
}

export const REDACTED = "[redacted]";
