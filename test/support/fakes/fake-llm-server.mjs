// A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions API with SSE streaming, for
// integration tests, e2e (e2e/support/servers/fake-llm.mjs) and the bench. Plain ESM JavaScript so Node can
// load it without a TypeScript step.
//
// Behaviour is chosen per request by a marker anywhere in the request body (the post carries it through
// anonymization untouched):
//   fake-llm:normal (default)  a kind message; with a response_format (structured output) it is the JSON object
//                              the schema asks for, picking the first two ids of the schema's enum
//   fake-llm:slow              first token after `slowFirstTokenMs` (longer than the app's 8 s limit)
//   fake-llm:cut               a few tokens, then the TCP connection is destroyed
//   fake-llm:stall             a few tokens, then silence with the connection left open
//   fake-llm:error             HTTP 500 with an OpenAI-style error body
//   fake-llm:long              a long message streamed slowly (for stop buttons)
//   fake-llm:script:<key>      streams the reply registered under <key> (POST /__scripts {key: reply}) word by word
//   fake-llm:chars:<key>       the same, one character per chunk
// GET /__requests lists what was received (with timings and whether the client went away); DELETE clears it.
import http from "node:http";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Splits text the way a tokenizer streams: a leading word, then words with their leading space. */
export function tokenize(text) {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** The ids a structured request allows: the schema's enum, or the prompt's candidate list without a schema. */
function candidateIds(body, raw) {
  const fromSchema = body.response_format?.json_schema?.schema?.properties?.picks?.items?.properties?.id?.enum;
  if (Array.isArray(fromSchema)) return fromSchema;
  return [...new Set([...raw.matchAll(/- id \\?"([a-z0-9-]+)\\?"/g)].map((m) => m[1]))];
}

const OPENING = "I'm really glad you wrote this down. It sounds like a lot has been weighing on you, and you deserve support.";
const CLOSING = "One small step for today: choose one of these and send a short message. You don't have to have the right words.";

function structuredReply(body, raw, long) {
  const picks = candidateIds(body, raw)
    .slice(0, 2)
    .map((id) => ({ id, why: "They are there for moments like this, and you can reach them right now." }));
  const opening = long ? `${OPENING} ${LONG_REPLY}` : OPENING;
  return JSON.stringify({ opening, picks, closing: CLOSING });
}

function normalReply(body) {
  // Cites the first two entries of the prompt's candidate list ("- [[res:id]] ..."), as a well-behaved model would.
  const ids = [...new Set([...body.matchAll(/- \[\[res:([a-z0-9-]+)\]\]/g)].map((m) => m[1]))].slice(0, 2);
  const refs = ids.map((id) => `[[res:${id}]]`).join(" and ");
  return (
    "I'm really glad you wrote this down. It sounds like a lot has been weighing on you, and you deserve support. " +
    (refs ? `You could reach out to ${refs}; they are there for moments like this. ` : "") +
    "One small step for today: choose one of these and send a short message. You don't have to have the right words."
  );
}

// No digits (the message filter refuses any sentence with one, so numbered sentences would never be shown) and each
// sentence a little different, so a page that keeps growing is seen to.
const LONG_WORDS = ["gently", "slowly", "softly", "quietly", "steadily", "calmly", "patiently", "kindly", "warmly", "simply"];
const LONG_REPLY = Array.from({ length: 120 }, (_, i) => `This part keeps going ${LONG_WORDS[i % LONG_WORDS.length]} so the stream lasts a while.`).join(" ");

export async function startFakeLlm(options = {}) {
  const settings = {
    port: options.port ?? 0,
    chunkDelayMs: options.chunkDelayMs ?? 5,
    firstTokenDelayMs: options.firstTokenDelayMs ?? 0,
    slowFirstTokenMs: options.slowFirstTokenMs ?? 12_000,
    longChunkDelayMs: options.longChunkDelayMs ?? 60,
  };
  const requests = [];
  const scripts = new Map();
  const sockets = new Set();

  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString("utf8");

    if (req.url === "/__requests") {
      if (req.method === "DELETE") requests.length = 0;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(requests));
      return;
    }
    if (req.url === "/__scripts" && req.method === "POST") {
      for (const [k, v] of Object.entries(JSON.parse(raw))) scripts.set(k, String(v));
      res.writeHead(204).end();
      return;
    }
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
      return;
    }

    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const mode = /fake-llm:(normal|slow|cut|stall|error|long|(?:script|chars):[\w-]+)/.exec(raw)?.[1] ?? "normal";
    const record = {
      path: req.url,
      mode,
      model: body.model,
      authorization: req.headers.authorization ?? null,
      messages: body.messages,
      receivedAt: performance.now(),
      firstChunkAt: null,
      chunkTimes: [],
      finishedAt: null,
      clientClosed: false,
    };
    requests.push(record);
    let closed = false;
    res.on("close", () => {
      closed = true;
      if (record.finishedAt === null) record.clientClosed = true;
    });

    if (mode === "error") {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "the fake is failing on purpose", type: "server_error" } }));
      return;
    }

    const id = `chatcmpl-fake-${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const send = (delta, finish = null) =>
      res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);

    const structured = body.response_format?.type === "json_schema" || body.response_format?.type === "json_object";
    const scripted = /^(?:script|chars):/.test(mode) ? (scripts.get(mode.slice(mode.indexOf(":") + 1)) ?? "No script registered.") : null;
    const reply = scripted ?? (structured ? structuredReply(body, raw, mode === "long") : mode === "long" ? LONG_REPLY : normalReply(raw));
    const tokens = mode.startsWith("chars:") ? [...reply] : tokenize(reply);

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.flushHeaders();
    await sleep(mode === "slow" ? settings.slowFirstTokenMs : settings.firstTokenDelayMs);
    if (closed) return;
    send({ role: "assistant", content: "" });

    // Far enough in for the first sentence to be complete (and shown) before the failure.
    const stopAt = mode === "cut" || mode === "stall" ? 12 : tokens.length;
    for (let i = 0; i < stopAt && i < tokens.length; i += 1) {
      if (closed) return;
      if (i > 0) await sleep(mode === "long" ? settings.longChunkDelayMs : settings.chunkDelayMs);
      if (closed) return;
      send({ content: tokens[i] });
      record.chunkTimes.push(performance.now());
      if (i === 0) record.firstChunkAt = record.chunkTimes[0];
    }
    if (mode === "cut") {
      req.socket.destroy();
      return;
    }
    if (mode === "stall") return; // left open on purpose; closed when the client gives up or the server stops
    send({}, "stop");
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [], usage: { prompt_tokens: 100, completion_tokens: tokens.length, total_tokens: 100 + tokens.length } })}\n\n`);
    res.write("data: [DONE]\n\n");
    record.finishedAt = performance.now();
    res.end();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseURL: `${url}/v1`,
    port,
    requests,
    scripts,
    settings,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(() => r()));
    },
  };
}
