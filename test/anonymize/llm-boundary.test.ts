import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/test/support/fakes/fake-llm-server.mjs";

// The remote model receives only the anonymized post: the nine identifiers of issue 19's saved case, written as the
// person wrote them (full-width digits, "(at)"), go through the real route handler to a fake OpenAI-compatible
// provider on 127.0.0.1, and none of them, nor any part of one, reaches it.
const IDENTIFIERS = [
  "jane.doe(at)gmail(dot)com",
  "jane_doe_92",
  "62704",
  "is 97",
  "03/04/1931",
  "1931",
  "Omaha",
  "Lincoln",
  "５５５-０１９９-１２３４",
  "0199",
  "Priya",
  "Raman",
];
const POST_TEXT =
  "I'm Priya Raman and I can't do this anymore. email jane.doe(at)gmail(dot)com or insta: jane_doe_92, zip 62704. " +
  "my grandma in Omaha is 97, born on 03/04/1931, and she's the only one who calls. I went to Lincoln High School. " +
  "my number is ５５５-０１９９-１２３４. I feel so alone.";

let fake: FakeLlm;
let POST: (req: Request) => Promise<Response>;

beforeAll(async () => {
  fake = await startFakeLlm({ chunkDelayMs: 0 });
  Object.assign(process.env, {
    LLM_PROVIDER: "openai-compatible",
    LLM_BASE_URL: fake.baseURL,
    LLM_MODEL: "compliant-fake",
    LLM_OFFLINE_CHUNK_DELAY_MS: "0",
    LLM_FIRST_TOKEN_TIMEOUT_MS: "5000",
    RATE_LIMIT_GENERATION_MAX: "100000",
    RATE_LIMIT_GENERATION_GLOBAL_PER_MINUTE: "100000",
  });
  ({ POST } = await import("@/app/api/resources/route"));
});
afterAll(async () => {
  await fake?.close();
});

describe("what the remote model receives", () => {
  it("is the anonymized post: no identifier of the post, in any form, and the person's other words", async () => {
    const response = await POST(
      new Request("http://127.0.0.1/api/resources", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.19" },
        body: JSON.stringify({ prompt: POST_TEXT, conditions: { depression: 0.7, anxiety: 0.3, bipolar: 0.05, suicidal: 0.2 }, tier: "elevated", country: "US" }),
      }),
    );
    expect(response.status).toBe(200);
    await response.text();
    const sent = fake.requests.map((r) => r.messages.map((m) => m.content).join("\n")).join("\n");
    expect(sent).toContain("I feel so alone.");
    expect(sent).toContain("[email]");
    const folded = sent.normalize("NFKC");
    for (const identifier of IDENTIFIERS) {
      expect(sent, identifier).not.toContain(identifier);
      expect(folded, identifier).not.toContain(identifier.normalize("NFKC"));
    }
  }, 60_000);
});
