import { findAll, type Found, type Recognizer } from "../kinds";
import { isOrdinaryWord } from "../lexicon";

const MASTODON = /(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}/g;
/** "@me@mastodon.social" looks like an e-mail: read before e-mails. */
export const fediverseHandles: Recognizer = { name: "fediverse", find: (text) => findAll(text, MASTODON, "handle") };

// Reddit users (u/name, /u/name, /user/name), @name (and @name.bsky.social), Discord's name#1234.
const REDDIT = /(?<![\w/])\/?(?:u|user)\/[A-Za-z0-9_-]+/gi;
const AT = /(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/g;
const DISCORD_TAG = /(?<![\w#])[\p{L}\p{N}_.]{2,32}#\d{4}\b/gu;

const PLATFORM = String.raw`(?:insta(?:gram)?|ig|snap(?:chat)?|kik|discord|tik\s?tok|twitter|x(?=\s*(?:[:=@]|handle|username|is\b))|telegram|tg|whats\s?app|steam|twitch|youtube|yt|reddit|fb|facebook|bsky|bluesky|psn|xbox|gamertag|roblox|spotify|tumblr|venmo|cash\s?app|paypal|signal|wechat|skype|pinterest|linkedin|soundcloud|deviantart|ao3|tellonym|grindr|tinder|hinge|bumble|battle\.?net|minecraft|github)`;
// "insta: jane_doe_92", "my snap is xjanex", "add me on discord jdoe", "kik me at jdoe", "ig - jane.d"
const AFTER_PLATFORM = new RegExp(
  String.raw`\b${PLATFORM}\b(?:\s*(?:handle|username|user\s?name|name|id|tag|gamertag|account|acc|@))?\s*(?:[:=\-–>]+|\bis\b|\bwas\b|\bit'?s\b|\bme\b(?:\s+at)?|\bat\b)?\s*@?([\p{L}\p{N}_][\p{L}\p{N}_.-]{1,40}[\p{L}\p{N}_]|[\p{L}\p{N}_]{2})`,
  "giud",
);
// "I'm jane_doe_92 on insta": a token with a digit, underscore or dot, before "on/at <platform>".
const BEFORE_PLATFORM = new RegExp(String.raw`(?<![\w.])([\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_])\s+(?:on|at|@)\s+${PLATFORM}\b`, "giud");

// Words that follow a platform name and are not a handle ("my snap is down", "on insta and").
const NOT_A_HANDLE = new Set(
  "and or but so the a an is it its i im me my on in at to too for of with from that this was be been being just got get has have had story stories post posts dms dm messages account accounts app page live streak streaks feed reels reel video videos chat group server call calls".split(" "),
);

function handleWord(m: RegExpExecArray): Found | null {
  const at = m.indices?.[1];
  if (!at) return null;
  const word = m[1]!.replace(/[.-]+$/, "");
  const lower = word.toLowerCase();
  if (NOT_A_HANDLE.has(lower)) return null;
  // An ordinary word after a platform name is prose ("discord server", "my insta feed"), unless written like a handle.
  if (!/[\d_.]/.test(word) && isOrdinaryWord(lower)) return null;
  return { start: at[0], end: at[0] + word.length, kind: "handle" };
}

/** Handles: @name, u/name, name#1234, and a username written after (or before "on") a platform's name. */
export const handles: Recognizer = {
  name: "handle",
  find: (text) => [
    ...findAll(text, REDDIT, "handle"),
    ...findAll(text, AT, "handle"),
    ...findAll(text, DISCORD_TAG, "handle"),
    ...findAll(text, AFTER_PLATFORM, "handle", handleWord),
    ...findAll(text, BEFORE_PLATFORM, "handle", (m) => (/[\d_.]/.test(m[1]!) ? handleWord(m) : null)),
  ],
};
