/**
 * Sentence checks that keep contact details out of generated text. The page draws every name, number, link and
 * hour from the verified directory, so a support message has no reason to contain any of them: a sentence that
 * looks like one is dropped whole, however it is spelled. False positives cost one sentence; a false negative
 * can send someone in crisis to a stranger.
 */

export type ContactViolation =
  | "digits"
  | "number_words"
  | "spelled_letters"
  | "address"
  | "email"
  | "contact_instruction"
  | "keyword"
  | "unknown_service"
  | "directory_override"
  | "markup";

const DIGIT = /[\p{N}]/u;

// Digits in words, in the languages a model is most likely to switch to. "one" alone is common English ("one small
// step"), so it only counts in a run or after a word that asks for a digit; every other number word is refused.
const NUMBER_WORDS = [
  "zero", "oh", "nought", "nil", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty",
  "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "double", "triple",
  "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "cien", "mil",
  "zéro", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "cent",
  "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
  "quattro", "cinque", "sette", "otto", "nove", "dieci", "três", "quatro", "oito",
];
const ALWAYS_NUMBER = new RegExp(`(?<![\\p{L}])(?:${NUMBER_WORDS.filter((w) => w !== "oh" && w !== "nil" && w !== "null" && w !== "mil" && w !== "cent" && w !== "sept" && w !== "otto").join("|")})(?![\\p{L}])`, "iu");
const NUMBER_OR_ONE = `(?:one|won|${NUMBER_WORDS.join("|")})`;
const NUMBER_RUN = new RegExp(`(?<![\\p{L}])${NUMBER_OR_ONE}(?:[\\s,.;:·/_-]+${NUMBER_OR_ONE})+(?![\\p{L}])`, "iu");
const ASKS_FOR_DIGIT = new RegExp(`\\b(?:press|option|extension|ext|code|pin|dial|key|number)\\s+${NUMBER_OR_ONE}(?![\\p{L}])`, "iu");

// "h o p e l i n e", "H-O-P-E": three or more single letters in a row spell something out.
const SPELLED = /(?<![\p{L}])\p{L}(?:[\s.,·_/-]+\p{L}(?![\p{L}])){2,}/u;

const TLDS = "com|org|net|gov|edu|info|io|co|uk|au|nz|ie|ca|in|us|biz|xyz|app|online|site|support|help|health|care|life|live|chat|me|ly|gg|ai|ngo|charity";
// Any dot between two letters or digits ("findhelp.support", "hopeline.org" once every Unicode dot is folded).
const TIGHT_DOT = /[\p{L}\p{N}_-]\.[\p{L}\p{N}]/u;
// A dot with spaces around it and a known ending after it ("hopeline . org", "hopeline. org").
const SPACED_DOT = new RegExp(`[\\p{L}\\p{N}]\\s*\\.\\s*(?:${TLDS})(?![\\p{L}])`, "u");
const SPELLED_DOT = /(?<![\p{L}])(?:dot|d0t|punto|punkt|period|point)(?![\p{L}])|[[({<]\s*\.\s*[\])}>]/iu;
const SCHEME = /(?<![\p{L}])(?:www|https?|ftp)(?![\p{L}])|:\/\/|(?<![\p{L}])(?:tel|sms|mailto|javascript|vbscript|data|whatsapp|signal|tg|viber|skype)\s*:/iu;
const LEADING_DOT = /^\s*\.\s*\p{L}/u;
const SLASH_PATH = /[\p{L}]\/[\p{L}]{2,}/u;

const EMAIL = /@|[[({<]\s*at\s*[\])}>]|(?<![\p{L}])at[\s-]+(?:sign|symbol)(?![\p{L}])/iu;

// Telling someone to get in touch: the only objects allowed are people in the person's life and the services the
// page shows ("call them", "reach out to one of these"). Anything else ("call HOPE", "visit hopeline", "text the
// National Hope Line") is a contact the directory never gave.
const CONTACT_VERB =
  /(?<![\p{L}])(?:call(?:ing)?|ring(?:ing)?|phone|dial(?:ling|ing)?|text(?:ing)?|txt|sms|whatsapp|message|messaging|e-?mail(?:ing)?|mail|dm|visit(?:ing)?|contact(?:ing)?|reach(?:ing)?(?:\s+out)?(?:\s+to)?|get\s+in\s+touch(?:\s+with)?|go\s+to|head(?:\s+over)?\s+to|navigate\s+to|browse\s+to|log\s+on\s+to|look\s+up|search(?:\s+for|\s+up)?|google|write\s+to|chat(?:ting)?\s+(?:with|to)|talk(?:ing)?\s+to|speak(?:ing)?\s+(?:to|with)|connect(?:ing)?\s+with|sign\s+up\s+(?:at|with|for))(?![\p{L}])/giu;
const SERVICE_NOUN = String.raw`(?:(?:crisis|support|verified|listed|free|trained)\s+)?(?:lines?|services?|options?|ones?|resources?|cards?|counsel+ors?|people|helplines?|hotlines?|lifelines?|teams?|places?|volunteers?|listeners?)`;
const PERSON = String.raw`(?:others|other\s+people|volunteers?|listeners?|friends?|family(?:\s+members?)?|(?:a\s+)?loved\s+ones?|partner|parents?|mum|mom|dad|sibling|brother|sister|teacher|mentor|coach|doctor|gp|nurse|counsel+or|therapist|professional|pharmacist|school|college|university|campus|someone|somebody|people|person)`;
const ALLOWED_OBJECT = new RegExp(
  String.raw`^(?:` +
    [
      // No object: "reach out today", "call when you're ready", end of sentence.
      String.raw`$|[,.;:!?)\-]|(?:now|today|tonight|soon|later|anytime|any\s+time|again|back|first|too|instead|right\s+(?:away|now)|any\s+hour|day\s+or\s+night|when|whenever|if|and|or|but|so|because|even|without|while|through|for\s+(?:a|free|support|help)|about|on\s+your|at\s+any|in\s+the|by\s+(?:phone|text|chat|email|\p{L}+ing)|online)(?![\p{L}])`,
      String.raw`(?:them|it|one|someone|somebody|anyone|anybody|everyone|people|(?:someone|somebody|a\s+person|people)\s+you\s+trust)(?![\p{L}])`,
      String.raw`(?:a|an|your|one|some|any|other|close|trusted|local|trained)\s+(?:(?:trusted|close|good|kind|local|own|family|school|college|campus|community|trained|caring|real|friendly)\s+)*${PERSON}(?![\p{L}])`,
      String.raw`(?:your|the|a)\s+local\s+emergency\s+(?:number|services)(?![\p{L}])`,
      String.raw`emergency\s+services(?![\p{L}])`,
      String.raw`${PERSON}(?![\p{L}])`,
      String.raw`(?:(?:one|any|either|both|each|all|some|whichever)\s+of\s+)?(?:(?:these|those|them)(?:\s+${SERVICE_NOUN})?|(?:the|this|that|its|their)\s+${SERVICE_NOUN})(?:\s+(?:above|below|here|shown|listed|on\s+this\s+page|on\s+the\s+cards?))?(?:$|[\s,.;:!?])`,
      String.raw`(?:sleep|bed|work|class|hospital|a\s+hospital|the\s+(?:hospital|emergency\s+(?:room|department))|an?\s+(?:emergency\s+(?:room|department)|urgent\s+care))(?![\p{L}])`,
      String.raw`(?:whichever|either|any|each)(?![\p{L}])`,
    ].join("|") +
    ")",
  "iu",
);

const NAME_SUFFIX = String.raw`(?:Line|Lines|Lifeline|Hotline|Helpline|Warmline|Textline|Center|Centre|Chat|Service|Services|Network|Foundation|Project|Trust|Charity|Alliance|Association|Society|Institute|Helpdesk|Hub|Connect|Listens|Support|Crisis|Team|Programme|Program|App)`;
// A run of capitalised words around a service word ("the National Hope Line", "Hope Crisis Center", "Crisis
// Centre of Hope").
const CAP_WORD = String.raw`[\p{Lu}][\p{L}'’&-]*`;
const CAPITALISED_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:${CAP_WORD}\s+(?:(?:of|for|the|and|&|on|in|to)\s+)?)*${NAME_SUFFIX}(?:\s+(?:of|for)\s+(?:the\s+)?${CAP_WORD}(?:\s+${CAP_WORD})*)?(?![\p{L}])`,
  "gu",
);
// One-word names built on "line" ("Hopeline", "crisisline"), other than ordinary words.
const LINE_WORD = /(?<![\p{L}])\p{L}+line(?![\p{L}])/giu;
const ORDINARY_LINE_WORDS = new Set(["line", "hotline", "helpline", "lifeline", "online", "offline", "deadline", "timeline", "guideline", "headline", "outline", "baseline", "underline", "streamline", "discipline", "airline", "pipeline", "frontline", "landline", "decline", "incline", "feline", "hairline", "skyline", "storyline", "punchline", "sideline", "borderline", "bloodline", "coastline", "waistline"]);
// Lower-case "<word> line" names ("the hope line") unless the word only says what kind of line it is.
const LOWER_NAME = /(?<![\p{L}])(\p{L}+)\s+(?:line|lifeline|hotline|helpline)s?(?![\p{L}])/giu;
const GENERIC_LINE_WORDS = new Set(["crisis", "support", "phone", "text", "help", "the", "a", "any", "this", "that", "these", "those", "one", "each", "their", "its", "your", "our", "free", "listening", "telephone", "chat", "local", "confidential", "first", "same", "other", "every", "either", "both", "which", "whichever", "national", "mental", "health", "of", "to", "on", "by", "with", "and", "or"]);
const ALL_CAPS = /(?<![\p{L}])\p{Lu}{2,}[\p{Lu}\p{N}]*(?![\p{L}])/gu;

const OVERRIDE_WORD =
  /(?<![\p{L}])(?:ignore|ignoring|disregard|skip|bypass|forget|don'?t\s+(?:trust|use|bother\s+with|rely\s+on|call|contact)|do\s+not\s+(?:trust|use|rely\s+on|call|contact)|never\s+(?:trust|use|call)|instead\s+of|rather\s+than|(?:better|newer|more\s+current)\s+than|more\s+(?:reliable|accurate|helpful|up[\s-]to[\s-]date)\s+than|outdated|out[\s-]of[\s-]date|incorrect|inaccurate|unreliable|not\s+(?:reliable|accurate|correct|real|valid|working|current|up[\s-]to[\s-]date|trustworthy)|fake|scams?|(?:real|actual|correct|right|wrong|updated|new|newer|different|better|direct|private|secret|personal|other)\s+(?:numbers?|lines?|contacts?|options?|services?|resources?|links?)|no\s+longer|discontinued|disconnected)(?![\p{L}])/iu;
const DIRECTORY_REFERENCE =
  /(?<![\p{L}])(?:directory|list|listed|cards?|numbers?|lines?|services?|resources?|links?|contacts?|details|options|above|below|these|those|them|(?:this|the)\s+(?:app|site|page|website)|lantern|verified|official)(?![\p{L}])/iu;

const MARKUP = /<\s*[\p{L}/!?]|\]\s*\(|\[\[|\]\]|\{\{|\}\}/u;

/** The allowed service names of one message: the entries it may show, lower-cased and with punctuation as spaces. */
export function namesKey(names: readonly string[]): string {
  return ` ${names.map(simplifyName).join(" | ")} `;
}
const simplifyName = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const isKnownName = (name: string, known: string) => {
  const n = simplifyName(name).replace(/^the /, "");
  return n !== "" && known.includes(` ${n} `);
};

// "a short message", "by text", "a phone call": the same words as nouns. They only matter when they say where
// to send it ("send a text to ..."), so then the object is judged like a verb's.
const NOUN_BEFORE = /(?:^|[^\p{L}])(?:a|an|the|your|my|our|their|this|that|short|quick|first|by|via|phone|video|in|one|any|same|of|online|web|live)\s*$/iu;
const DESTINATION = /^(?:to|on|at|via|with)\s+/iu;

function contactInstruction(sentence: string): boolean {
  for (const m of sentence.matchAll(CONTACT_VERB)) {
    // A capital inside a sentence makes it part of a name ("Crisis Text Line"); names have their own rules.
    if (m.index > 0 && /^\p{Lu}/u.test(m[0])) continue;
    let after = sentence.slice(m.index + m[0].length).replace(/^\s+/, "");
    if (NOUN_BEFORE.test(sentence.slice(0, m.index))) {
      const to = DESTINATION.exec(after);
      if (!to) continue;
      after = after.slice(to[0].length);
    }
    if (!ALLOWED_OBJECT.test(after)) return true;
  }
  return false;
}

function unknownService(sentence: string, known: string): boolean {
  for (const m of sentence.matchAll(CAPITALISED_NAME)) {
    const name = m[0];
    // A single capitalised service word opening a sentence is just a capital ("Text them today").
    const words = name.trim().split(/\s+/);
    if (words.length === 1 && sentence.slice(0, m.index).trim() === "" && new RegExp(`^${NAME_SUFFIX}$`, "u").test(name)) continue;
    if (!isKnownName(name, known)) return true;
  }
  for (const m of sentence.matchAll(LINE_WORD)) {
    if (!ORDINARY_LINE_WORDS.has(m[0].toLowerCase()) && !isKnownName(m[0], known)) return true;
  }
  for (const m of sentence.matchAll(LOWER_NAME)) {
    if (!GENERIC_LINE_WORDS.has(m[1]!.toLowerCase()) && !isKnownName(m[0], known)) return true;
  }
  return false;
}

// Capitals a support message uses without naming anything to contact.
const ORDINARY_CAPITALS = new Set(["LGBTQ", "LGBTQIA", "LGBT", "UK", "US", "USA", "EU", "GP", "ASL", "AI", "OK", "TV"]);

function shoutedKeyword(sentence: string, known: string): boolean {
  for (const m of sentence.matchAll(ALL_CAPS)) if (!ORDINARY_CAPITALS.has(m[0]) && !isKnownName(m[0], known)) return true;
  return false;
}

/** The first contact rule a folded sentence breaks, or null. `known` comes from namesKey(). */
export function contactViolation(sentence: string, known: string): ContactViolation | null {
  if (DIGIT.test(sentence)) return "digits";
  if (ALWAYS_NUMBER.test(sentence) || NUMBER_RUN.test(sentence) || ASKS_FOR_DIGIT.test(sentence)) return "number_words";
  if (MARKUP.test(sentence)) return "markup";
  if (EMAIL.test(sentence)) return "email";
  if (TIGHT_DOT.test(sentence) || SPACED_DOT.test(sentence) || SPELLED_DOT.test(sentence) || SCHEME.test(sentence) || LEADING_DOT.test(sentence) || SLASH_PATH.test(sentence)) return "address";
  if (SPELLED.test(sentence)) return "spelled_letters";
  if (OVERRIDE_WORD.test(sentence) && DIRECTORY_REFERENCE.test(sentence)) return "directory_override";
  if (contactInstruction(sentence)) return "contact_instruction";
  if (shoutedKeyword(sentence, known)) return "keyword";
  if (unknownService(sentence, known)) return "unknown_service";
  return null;
}
