import "server-only";

/**
 * A JSON request body, or the answer to send instead: 413 over `maxBytes` (checked against the declared length
 * first, then the text read), 400 when it is not JSON. The words of each answer are kind and say nothing internal;
 * `status` and `error` are given too, for routes that answer in their own shape.
 */
type Refused = { ok: false; response: Response; status: 400 | 413; error: string };

export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | Refused> {
  const refuse = (status: 400 | 413, error: string): Refused => ({ ok: false, status, error, response: Response.json({ error }, { status }) });
  const tooLarge = () => refuse(413, "That request is too large.");
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge();
  let raw: string | null;
  try {
    raw = await readCapped(request, maxBytes);
  } catch {
    return refuse(400, "Please send JSON.");
  }
  if (raw === null) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return refuse(400, "Please send JSON.");
  }
}

/** The body as text, or null once it passes maxBytes: a chunked upload with no declared length is cut off there. */
async function readCapped(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
