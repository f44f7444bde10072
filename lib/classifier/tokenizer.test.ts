import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { PreTrainedTokenizer } from "@huggingface/transformers";
import { Tokenizer } from "@huggingface/tokenizers";
import { DEFAULT_MODEL_DIR } from "./core";

// Fixture written by `python -m training.fixtures` (the Python tokenizer used in training).
const fx = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "__fixtures__/tokenizer-cases.json"), "utf8"));
const dir = process.env.LANTERN_MODEL_DIR ?? DEFAULT_MODEL_DIR;
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
const tjs = new PreTrainedTokenizer(read("tokenizer.json"), read("tokenizer_config.json"));
const tk = new Tokenizer(read("tokenizer.json"), read("tokenizer_config.json"));
const impls: [string, { encode: (t: string) => number[] }][] = [
  ["@huggingface/transformers", { encode: (t) => tjs.encode(t) }],
  ["@huggingface/tokenizers (used by lib/classifier)", { encode: (t) => tk.encode(t).ids }],
];

describe.each(impls)("tokenizer: %s on tokenizer.json == Python training tokenizer", (_name, tok) => {
  for (const c of fx.cases as { text: string; ids: number[] }[]) {
    it(`case ${JSON.stringify(c.text.slice(0, 40))}`, () => {
      expect(tok.encode(c.text)).toEqual(c.ids);
    });
  }

  it("100k characters of mixed unicode", () => {
    const base = "Lantern test: ünïcödé 😀 https://x.org/a?b=c — 東京 [MASK] don't. ";
    const text = Array.from(base.repeat(2000)).slice(0, 100_000).join("");
    const ids = tok.encode(text);
    expect(ids.length).toBe(fx.long.n_ids);
    expect(ids.slice(0, 40)).toEqual(fx.long.head);
    expect(ids.slice(-40)).toEqual(fx.long.tail);
    expect(crypto.createHash("sha1").update(ids.join(",")).digest("hex")).toBe(fx.long.sha1);
  });
});
