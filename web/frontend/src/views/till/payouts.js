// The shop's payouts: per period the coins redeemed, the euros paid and when, each period's statement, and
// both as CSV files to take into the shop's books.
import { h } from "../../dom.js";
import { t, euros, day } from "../../i18n.js";
import { call, ApiError } from "../../api.js";
import { heading, para, button, link, alert, busy } from "../../ui.js";

export async function render() {
  const { payouts } = await call("GET", "/v1/shop/payouts");
  const status = h("div", { "aria-live": "polite" });
  return h(
    "section",
    { class: "app-screen" },
    heading(t("till.payouts.title")),
    para(t("till.payouts.intro")),
    payouts.length === 0
      ? para(t("till.payouts.none"))
      : h(
          "ul",
          { class: "app-cards", "aria-label": t("till.payouts.list") },
          payouts.map((p) =>
            h(
              "li",
              { class: "app-card" },
              h("h2", { class: "utrecht-heading-3 app-card__title" }, link(t("till.payouts.period", { from: day(p.period_start), to: day(p.period_end) }), `/kassa/uitbetalingen/${p.run_id}`)),
              para(t("till.payouts.amount", { amount: euros(p.line.amount_cents) })),
              para(p.line.paid_on ? t("till.payouts.paid_on", { day: day(p.line.paid_on) }) : t("till.payouts.not_paid")),
            ),
          ),
        ),
    status,
    payouts.length ? h("div", { class: "app-actions" }, download("/v1/shop/payouts.csv", "uitbetalingen.csv", t("till.payouts.csv"), status)) : null,
  );
}

// download fetches a file with the access token (a plain link cannot carry it) and saves it.
export function download(path, name, label, status) {
  const b = button(label, {
    kind: "secondary",
    onclick: async () => {
      status.replaceChildren();
      try {
        const res = await busy(b, () => call("GET", path, { raw: true }));
        const a = h("a", { href: URL.createObjectURL(await res.blob()), download: name, hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        status.append(alert(t("till.payouts.downloaded", { name }), "ok"));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status.append(alert(err.message, "error"));
      }
    },
  });
  return b;
}
