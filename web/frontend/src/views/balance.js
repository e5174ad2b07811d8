// The balance and the history: what the resident may spend now, what is on its way (rewards approved and
// not yet on the books), and every reward, payment and refund, newest first. Without a network the app shows
// what it saw last, saying when.
import { h } from "../dom.js";
import { t, euros, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { heading, alert, dataList, para } from "../ui.js";
import { save, load } from "../cache.js";

export async function render({ me }) {
  let data;
  let stale = null;
  try {
    const [balance, history, payments] = await Promise.all([
      call("GET", "/v1/me/balance"),
      call("GET", "/v1/me/transactions?limit=50"),
      call("GET", "/v1/me/payments?limit=50"),
    ]);
    data = { balance, transactions: history.transactions, payments: payments.payments };
    save(me.id, data);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== "offline") throw err;
    data = load(me.id);
    if (!data) throw err;
    stale = data.at;
  }
  const { balance, transactions, payments } = data;
  const shops = new Map(payments.filter((p) => p.tx_hash).map((p) => [p.tx_hash, p.shop_name]));
  for (const p of payments) for (const r of p.refunds ?? []) if (r.tx_hash) shops.set(r.tx_hash, p.shop_name);
  const submitted = payments.filter((p) => p.status === "submitted");
  return h(
    "section",
    { class: "app-screen" },
    heading(t("balance.title")),
    stale ? alert(t("balance.offline", { when: dateTime(stale) }), "warning") : null,
    h("p", { class: "app-balance" }, h("span", { class: "app-balance__label", text: t("balance.spendable") }), " ", h("strong", { class: "app-balance__amount", text: euros(balance.spendable_cents) })),
    dataList([
      [t("balance.booked"), euros(balance.balance_cents)],
      [t("balance.pending"), euros(balance.pending_cents)],
    ]),
    para(t("balance.explain")),
    submitted.length
      ? h(
          "section",
          { "aria-labelledby": "on-way" },
          h("h2", { class: "utrecht-heading-2", id: "on-way", text: t("balance.payments_on_way") }),
          h("ul", { class: "app-history" }, submitted.map((p) => h("li", { class: "app-history__item", text: t("balance.payment_to", { shop: p.shop_name, amount: euros(p.amount_cents) }) }))),
        )
      : null,
    h("h2", { class: "utrecht-heading-2", text: t("balance.history") }),
    transactions.length === 0
      ? para(t("balance.no_history"))
      : h(
          "ul",
          { class: "app-history", "aria-label": t("balance.history") },
          transactions.map((tx) => {
            const shop = shops.get(tx.tx_hash);
            const what =
              tx.kind === "reward"
                ? t("balance.kind.reward")
                : tx.direction === "out"
                  ? t("balance.kind.paid", { shop: shop ?? t("balance.a_shop") })
                  : t("balance.kind.refund", { shop: shop ?? t("balance.a_shop") });
            const sign = tx.direction === "out" ? "−" : "+";
            return h(
              "li",
              { class: "app-history__item" },
              h("span", { class: "app-history__what", text: what }),
              h("span", { class: `app-history__amount app-history__amount--${tx.direction}`, text: `${sign} ${euros(tx.amount_cents)}` }),
              h("span", { class: "app-history__when", text: dateTime(tx.at) }),
            );
          }),
        ),
  );
}
