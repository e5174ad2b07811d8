// One payout period's statement: the shop's line (payments, refunds, coins redeemed, euros paid) and every
// coin movement of the period.
import { h } from "../../dom.js";
import { t, euros, dateTime, day } from "../../i18n.js";
import { call } from "../../api.js";
import { heading, dataList, link, table } from "../../ui.js";
import { download } from "./payouts.js";

export async function render({ params }) {
  const s = await call("GET", `/v1/shop/payouts/${encodeURIComponent(params.id)}/statement`);
  const status = h("div", { "aria-live": "polite" });
  return h(
    "section",
    { class: "app-screen" },
    heading(t("till.statement.heading", { from: day(s.period_start), to: day(s.period_end) })),
    dataList([
      [t("till.statement.reference"), s.reference],
      [t("till.statement.payments"), `${s.line.payments_received} · ${euros(s.line.gross_cents)}`],
      [t("till.statement.refunds"), `${s.line.refunds} · ${euros(s.line.refunded_cents)}`],
      [t("till.statement.redeemed"), euros(s.line.amount_cents)],
      [t("till.statement.paid_on"), s.line.paid_on ? day(s.line.paid_on) : t("till.payouts.not_paid")],
      s.line.bank_reference ? [t("till.statement.bank_reference"), s.line.bank_reference] : null,
    ].filter(Boolean)),
    table(
      t("till.statement.entries"),
      [t("till.statement.when"), t("till.statement.kind"), t("till.takings.amount")],
      s.entries.map((e) => [dateTime(e.at), t(`till.statement.kind.${e.kind}`), euros(e.amount_cents)]),
    ),
    status,
    h("div", { class: "app-actions" }, download(`/v1/shop/payouts/${encodeURIComponent(s.run_id)}/statement.csv`, `afrekening-${s.period_start}.csv`, t("till.statement.csv"), status)),
    h("p", { class: "utrecht-paragraph" }, link(t("till.statement.back"), "/kassa/uitbetalingen")),
  );
}
