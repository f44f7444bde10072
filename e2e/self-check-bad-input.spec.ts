import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SelfCheckPage } from "./self-check.page";

test.describe("bad pasted input: a clear message, no crash, nothing stored", () => {
  for (const [label, text, words] of [
    ["empty", "", "Please paste a post"],
    ["whitespace only", "   \n\n\t  ", "Please paste a post"],
    ["over the limit", `${"I feel so tired all the time. ".repeat(345)}`, "more than 10,000 characters"],
    ["control characters", "hello\u0001\u0002 binary \u0007 junk", "file or binary data"],
    ["a 100,000-character word", "a".repeat(100_000), "more than 10,000 characters"],
    ["a 5,000-character word", `help ${"z".repeat(5_000)}`, "very long run of characters"],
    ["no words at all", "12345 !!! ??? 678", "couldn't find any words"],
  ] as const) {
    test(label, async ({ page }) => {
      const sc = new SelfCheckPage(page);
      await sc.goto();
      await sc.check({ text, consent: true });
      expect(await sc.outcome()).toBe("invalid");
      await expect(sc.message).toContainText(words);
      await expect(page.getByTestId("case-nothing-saved")).toBeVisible();
      await expect(sc.text).toHaveAttribute("aria-invalid", "true");
    });
  }

  test("the counter warns before sending when over the limit", async ({ page }) => {
    const sc = new SelfCheckPage(page);
    await sc.goto();
    await sc.paste("x ".repeat(5_001));
    await expect(sc.counter).toContainText("10,002 / 10,000 characters · please shorten it by 2");
    await expect(sc.text).toHaveAttribute("aria-invalid", "true");
  });

  test("HTML and script tags are never rendered as HTML", async ({ page }) => {
    const sc = new SelfCheckPage(page);
    const dialogs = sc.watchDialogs();
    await sc.goto();
    await sc.check({ text: '<script>alert(1)</script><img src=x onerror="alert(2)"> I feel so alone and I cannot sleep at night anymore.' });
    await expect(page.locator("img[src=x]")).toHaveCount(0);
    expect(dialogs()).toBe(0);
    await expect(sc.result).toBeVisible();
  });

  test("non-English text: says the model is English-only and still shows the crisis card", async ({ page }) => {
    const sc = new SelfCheckPage(page);
    await sc.goto();
    await sc.check({ text: "No puedo más, me siento muy solo y quiero desaparecer de este mundo para siempre.", consent: true });
    expect(await sc.outcome()).toBe("not_english");
    await expect(sc.message).toContainText("only learned English");
    await expect(sc.crisisCard).toBeVisible();
    await expect(page.getByTestId("case-nothing-saved")).toBeVisible();
  });
});

test.describe("the JSON endpoint refuses bad bodies kindly", () => {
  test("invalid UTF-8 gets the encoding message", async ({ request, baseURL }) => {
    const body = Buffer.concat([
      Buffer.from(`{"submissionKey":"${randomUUID()}","consent":true,"text":"I feel `),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(' so low"}'),
    ]);
    const res = await request.post("/api/self-check", { data: body, headers: { "content-type": "application/json", origin: String(baseURL) } });
    expect(res.status()).toBe(400);
    const json = (await res.json()) as { outcome: string; message: string; save: { status: string } };
    expect(json.outcome).toBe("invalid");
    expect(json.message).toContain("couldn't be read");
    expect(json.save.status).toBe("nothing_to_save");
  });

  test("non-JSON and oversized bodies are refused without a crash", async ({ request, baseURL }) => {
    const headers = { "content-type": "application/json", origin: String(baseURL) };
    expect((await request.post("/api/self-check", { data: "not json", headers })).status()).toBe(400);
    expect((await request.post("/api/self-check", { data: "x".repeat(100_000), headers })).status()).toBe(413);
    expect((await request.post("/api/self-check", { data: { text: "hi" }, headers })).status()).toBe(400);
  });
});
