import TLDS from "tlds";

/** Every top-level domain in IANA's list (the `tlds` package), ASCII ones only: a domain may end in any of them. */
export const TLD = new Set((TLDS as string[]).filter((t) => /^[a-z]+$/.test(t)));

/** Endings people spell out ("mysite dot com"); short and common, so "a dot in the sky" is not a domain. */
export const SPELLED_TLD = "com|net|org|edu|gov|io|co|me|us|uk|ca|au|de|gg|tv|app|dev|info|xyz|biz|social|online|site|blog";

/** Mail providers named without an ending ("jane.doe at gmail"). */
export const MAIL_PROVIDERS = "gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|proton|live|msn|gmx|yandex|zoho";
