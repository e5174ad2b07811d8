// i18n.js holds the app's texts (web/messages, Dutch first, English with the same keys) and formats amounts
// and times the Dutch way: € 1.250,50, and times in Europe/Amsterdam whatever the phone's zone.
import nl from "../../messages/nl.json";
import en from "../../messages/en.json";

const catalogs = { nl, en };
export const languages = ["nl", "en"];
const locales = { nl: "nl-NL", en: "en-GB" };
const zone = "Europe/Amsterdam";

let current = initial();

function initial() {
  const m = document.cookie.match(/(?:^|; )lang=(nl|en)(?:;|$)/);
  if (m) return m[1];
  const html = document.documentElement.lang;
  return languages.includes(html) ? html : "nl";
}

// lang is the language the app shows.
export function lang() {
  return current;
}

// setLang switches the language and remembers it for a year (the server reads the same cookie for the
// first page).
export function setLang(l) {
  if (!languages.includes(l)) return;
  current = l;
  document.cookie = `lang=${l}; path=/; max-age=31536000; samesite=strict`;
  document.documentElement.lang = l;
}

// t is the text of key in the current language, with {name} replaced by vars.name. A key that Dutch lacks
// shows itself, so a missing text is seen at once (and the message test fails).
export function t(key, vars = {}) {
  const s = catalogs[current][key] ?? catalogs.nl[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

// has reports whether key has a text.
export function has(key) {
  return key in catalogs.nl;
}

// euros formats cents as an amount in euros: € 1.250,50 in Dutch.
export function euros(cents) {
  return new Intl.NumberFormat(locales[current], { style: "currency", currency: "EUR" }).format(cents / 100);
}

// dateTime formats a time (ISO string or Date) as a date and time in Heerlen.
export function dateTime(v) {
  return new Intl.DateTimeFormat(locales[current], { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(v));
}

// date formats a time as a date in Heerlen.
export function date(v) {
  return new Intl.DateTimeFormat(locales[current], { dateStyle: "long", timeZone: zone }).format(new Date(v));
}

// time formats a time as the hour and minute in Heerlen.
export function time(v) {
  return new Intl.DateTimeFormat(locales[current], { timeStyle: "short", timeZone: zone }).format(new Date(v));
}

// day formats a calendar day written as YYYY-MM-DD (a payout period's bounds, the day it was paid) as a
// date; noon UTC is the same day in Heerlen all year.
export function day(d) {
  return date(`${d}T12:00:00Z`);
}

// distance formats metres as metres or kilometres.
export function distance(m) {
  if (m < 1000) return t("unit.metres", { n: Math.round(m) });
  return t("unit.kilometres", { n: new Intl.NumberFormat(locales[current], { maximumFractionDigits: 1 }).format(m / 1000) });
}
