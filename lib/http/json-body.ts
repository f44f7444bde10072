import "server-only";

/**
 * A JSON request body, or the answer to send instead: 413 over `maxBytes` (checked against the declared length
 * first, then the text read), 400 when it is not JSON. The words of each answer are kind and say nothing internal.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: Response.json({ error: "That request is too large." }, { status: 413 }) });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge();
  try {
    const raw = await request.text();
    if (raw.length > maxBytes) return tooLarge();
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, response: Response.json({ error: "Please send JSON." }, { status: 400 }) };
  }
}
