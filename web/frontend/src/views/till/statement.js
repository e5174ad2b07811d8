// One payout period's statement: the shop's line (payments, refunds, coins redeemed, euros paid) and every
// coin movement of the period.
import { h } from "../../dom.js";
import { t, euros, dateTime } from "../../i18n.js";
import { call } from "../../api.js";
import { heading, dataList, link } from "../../ui.js";
import { download } from "./payouts.js";

export async function render({ params }) {
  const s = await call("GET", `/v1/shop/payouts/${encodeURIComponent(params.id)}/statement`);
  const status = h("div", { "aria-live": "polite" });
  return h(
    "section",
    { class: "app-screen" },
    heading(t("till.statement.heading", { from: s.period_start, to: s.period_end })),
    dataList([
      [t("till.statement.reference"), s.reference],
      [t("till.statement.payments"), `${s.line.payments_received} · ${euros(s.line.gross_cents)}`],
      [t("till.statement.refunds"), `${s.line.refunds} · ${euros(s.line.refunded_cents)}`],
      [t("till.statement.redeemed"), euros(s.line.amount_cents)],
      [t("till.statement.paid_on"), s.line.paid_on || t("till.payouts.not_paid")],
      s.line.bank_reference ? [t("till.statement.bank_reference"), s.line.bank_reference] : null,
    ].filter(Boolean)),
    h(
      "table",
      { class: "utrecht-table till-table" },
      h("caption", { class: "utrecht-table__caption", text: t("till.statement.entries") }),
      h("thead", { class: "utrecht-table__header" }, h("tr", { class: "utrecht-table__row" }, [t("till.takings.time"), t("till.statement.kind"), t("till.takings.amount")].map((c) => h("th", { class: "utrecht-table__header-cell", scope: "col", text: c })))),
      h(
        "tbody",
        { class: "utrecht-table__body" },
        s.entries.map((e) => h("tr", { class: "utrecht-table__row" }, [dateTime(e.at), t(`till.statement.kind.${e.kind}`), euros(e.amount_cents)].map((c) => h("td", { class: "utrecht-table__cell", text: c })))),
      ),
    ),
    status,
    h("div", { class: "app-actions" }, download(`/v1/shop/payouts/${encodeURIComponent(s.run_id)}/statement.csv`, `afrekening-${s.period_start}.csv`, t("till.statement.csv"), status)),
    h("p", { class: "utrecht-paragraph" }, link(t("till.statement.back"), "/kassa/uitbetalingen")),
  );
}
