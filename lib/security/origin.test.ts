import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("isCrossOriginWrite", () => {
  it("lets same-origin writes and all reads through", () => {
    expect(isCrossOriginWrite("POST", h({ origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }))).toBe(false);
    expect(isCrossOriginWrite("POST", h({ origin: "https://lantern.example", host: "internal:3000", "x-forwarded-host": "lantern.example" }))).toBe(false);
    expect(isCrossOriginWrite("GET", h({ origin: "https://evil.example", host: "lantern.example" }))).toBe(false);
    expect(isCrossOriginWrite("POST", h({ host: "lantern.example" }))).toBe(false);
  });

  it("refuses writes from another origin, a null origin, a garbled origin or a cross-site fetch", () => {
    expect(isCrossOriginWrite("POST", h({ origin: "https://evil.example", host: "lantern.example" }))).toBe(true);
    expect(isCrossOriginWrite("DELETE", h({ origin: "http://lantern.example:8080", host: "lantern.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", h({ origin: "null", host: "lantern.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", h({ origin: "not a url", host: "lantern.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", h({ "sec-fetch-site": "cross-site", host: "lantern.example" }))).toBe(true);
    expect(isCrossOriginWrite("POST", h({ origin: "https://lantern.example.evil.example", host: "lantern.example" }))).toBe(true);
  });
});
