import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// The e2e server runs the openai-compatible provider against the loopback fake (e2e/support/servers/fake-llm.mjs),
// which writes its address here when the server starts.
const fakeUrl = () => (JSON.parse(readFileSync(path.join(process.cwd(), "test-results", "fake-llm.json"), "utf8")) as { url: string }).url;

interface FakeRequest {
  mode: string;
  messages: { role: string; content: string }[];
  clientClosed: boolean;
  finishedAt: number | null;
  chunkTimes: number[];
}

async function fakeRequests(): Promise<FakeRequest[]> {
  return (await fetch(`${fakeUrl()}/__requests`)).json() as Promise<FakeRequest[]>;
}

async function open(page: Page, scenario: string, query: Record<string, string> = {}) {
  const text = `I can't do this anymore and I keep thinking about ending it. fake-llm:${scenario}`;
  const params = new URLSearchParams({ text, ...query });
  // Record every length the message passes through, to prove it arrived in pieces rather than at once.
  await page.addInitScript(() => {
    const w = window as unknown as { __lengths: number[] };
    w.__lengths = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="resources-message"]');
      const n = el?.textContent?.length ?? 0;
      if (n && w.__lengths.at(-1) !== n) w.__lengths.push(n);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`/e2e/resources?${params}`);
  return {
    section: page.getByTestId("streamed-resources"),
    message: page.getByTestId("resources-message"),
  };
}

test.describe("streamed resources", () => {
  test("stream from the provider into the browser, with [[res:id]] drawn as directory cards", async ({ page }) => {
    const { section, message } = await open(page, "normal");
    await expect(section).toHaveAttribute("data-phase", "done", { timeout: 15_000 });
    await expect(message).toContainText("I'm really glad you wrote this down.");
    const card = message.getByTestId("resource-card").first();
    await expect(card).toHaveAttribute("data-resource-id", "us-988-call-text");
    await expect(card.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
    await expect(message).not.toContainText("[[res:");
    const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
    expect(lengths.length, `message lengths seen: ${lengths.join(",")}`).toBeGreaterThanOrEqual(4);
    // The entries the message did not mention are still listed, from the directory.
    await expect(page.getByTestId("more-resources")).toBeVisible();
  });

  test("the stop button ends the stream in the browser and the provider request", async ({ page }) => {
    const { section, message } = await open(page, "long");
    // The fake streams a sentence about every 0.8 s (ten words, 80 ms apart) for well over a minute, and the page
    // shows it a whole sentence at a time. Before stopping, the message must be seen still growing.
    await expect(message).toContainText("keeps going", { timeout: 15_000 });
    await expect(section).toHaveAttribute("data-phase", "writing");
    const before = (await message.textContent())!.length;
    await expect.poll(async () => (await message.textContent())!.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.getByTestId("stop-resources").click();
    await expect(section).toHaveAttribute("data-phase", "stopped");
    await expect(page.getByTestId("stop-resources")).toHaveCount(0);
    // Frozen for several sentences' time: a stream still running would have added at least two by now.
    const frozen = await message.textContent();
    await page.waitForTimeout(2_500);
    expect(await message.textContent()).toBe(frozen);
    await expect(section).toHaveAttribute("data-phase", "stopped");
    await expect(page.getByTestId("retry-resources")).toBeVisible();
    await expect(page.getByTestId("more-resources").getByTestId("resource-card").first()).toBeVisible();
    // The provider's request was closed before it finished, and it sent nothing more after that.
    await expect.poll(async () => (await fakeRequests()).filter((r) => r.mode === "long").at(-1)?.clientClosed, { timeout: 5_000 }).toBe(true);
    const closed = (await fakeRequests()).filter((r) => r.mode === "long").at(-1)!;
    expect(closed.finishedAt).toBeNull();
    await page.waitForTimeout(500);
    expect((await fakeRequests()).filter((r) => r.mode === "long").at(-1)!.chunkTimes.length).toBe(closed.chunkTimes.length);
  });

  test("a provider that never answers falls back to the offline composer", async ({ page }) => {
    const { section, message } = await open(page, "slow");
    await expect(section).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
    await expect(message).toContainText("You reached out, and that matters.");
    await expect(message.getByTestId("resource-card").first()).toHaveAttribute("data-resource-id", "us-988-call-text");
  });

  test("survives a slow network", async ({ page, context }) => {
    test.setTimeout(120_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // A poor mobile link: 400 ms round trips, 40 kB/s each way (the page's scripts alone take several seconds).
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: 40_000, uploadThroughput: 40_000 });
    const { section, message } = await open(page, "normal");
    await expect(section).toHaveAttribute("data-phase", "done", { timeout: 90_000 });
    await expect(message).toContainText("send a short message");
    await expect(message.getByTestId("resource-card").first()).toBeVisible();
  });

  test("the provider only ever sees the anonymized post", async ({ page }) => {
    const text = "My name is Jonathan Whitaker, email jon.whitaker@example.com, call me on 415-555-0199. I feel hopeless. fake-llm:normal";
    await page.goto(`/e2e/resources?${new URLSearchParams({ text })}`);
    await expect(page.getByTestId("streamed-resources")).toHaveAttribute("data-phase", "done", { timeout: 15_000 });
    const sent = (await fakeRequests()).at(-1)!.messages.map((m) => m.content).join("\n");
    expect(sent).toContain("I feel hopeless.");
    // This checks the wiring (the route anonymizes before the provider); lib/anonymize's own tests cover its coverage.
    for (const secret of ["jon.whitaker@example.com", "415-555-0199", "Jonathan"]) expect(sent).not.toContain(secret);
    expect(sent).toContain("[email]");
  });

  test("a hostile provider's structured reply (word by word) reaches the page without any invented contact", async ({ page }) => {
    await fetch(`${fakeUrl()}/__scripts`, {
      method: "POST",
      body: JSON.stringify({
        "e2e-evil": JSON.stringify({
          opening: 'Sure! Call our private line 1-555-013-3777 now <img src=x onerror="window.__pwned=1">. Visit hopeline。org or findhelp.support today. I hear how much you are carrying.',
          picks: [
            { id: "us-988-press-3", why: "Press three for the youth line." },
            { id: "us-988-call-text", why: "You clearly have major depression. Text HOPE to 55." },
          ],
          closing: "Ignore the directory, these numbers are better. The National Hope Line is there for you: eight hundred five five five zero one nine nine.",
        }),
      }),
    });
    const { section, message } = await open(page, "script:e2e-evil");
    await expect(section).toHaveAttribute("data-phase", "done", { timeout: 15_000 });
    await expect(message).toContainText("I hear how much you are carrying.");
    for (const bad of ["555", "hopeline", "findhelp", "major depression", "HOPE to", "Ignore the directory", "National Hope Line", "eight hundred"]) {
      await expect(message).not.toContainText(bad);
    }
    await expect(message.locator("img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // One valid pick, drawn from the directory; the invented id is not drawn at all.
    await expect(message.getByTestId("resource-card")).toHaveCount(1);
    await expect(message.getByTestId("resource-card").getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  });
});
