// money.js reads amounts as a shop types them: euros with a comma or a point ("3,50", "3.50", "3"), into
// whole cents; anything else is refused with the reason.
export const maxCents = 100_000;

// parseEuros is the cents of text, or an error key (a message) when it is not an amount the till may ask.
export function parseEuros(text) {
  const s = String(text).trim().replace(/\s/g, "").replace(/^€/, "");
  if (s === "") return { error: "till.amount_required" };
  if (s.startsWith("-")) return { error: "till.amount_negative" };
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { error: "till.amount_not_a_number" };
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  if (cents === 0) return { error: "till.amount_zero" };
  if (cents > maxCents) return { error: "till.amount_too_high" };
  return { cents };
}

// today is the date in Heerlen, as YYYY-MM-DD.
export function today() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
