// The day's takings: the payments and refunds confirmed that day (in Heerlen's time) with their totals, any
// day, and a page to print at closing time.
import { h, uid } from "../../dom.js";
import { t, euros, time, day as longDay } from "../../i18n.js";
import { call } from "../../api.js";
import { navigate } from "../../router.js";
import { heading, button, dataList, para, table } from "../../ui.js";
import { today } from "./money.js";
import { short } from "./refunds.js";

export async function render({ query, me }) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(query.get("datum") ?? "") ? query.get("datum") : today();
  const [tk, list] = await Promise.all([call("GET", `/v1/shop/takings?date=${day}`), call("GET", `/v1/me/payments?date=${day}&limit=200`)]);
  const id = uid("day");
  const pick = h("input", { class: "utrecht-textbox utrecht-textbox--html-input", type: "date", id, name: "date", value: day, max: today() });
  pick.addEventListener("change", () => pick.value && navigate(`/kassa/omzet?datum=${pick.value}`, { replace: true }));
  const rows = list.payments.filter((p) => p.status === "confirmed");
  return h(
    "section",
    { class: "app-screen till-takings" },
    heading(t("till.takings.title")),
    h("div", { class: "utrecht-form-field app-noprint" }, h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id, text: t("till.takings.day") })), h("div", { class: "utrecht-form-field__input" }, pick)),
    h("p", { class: "utrecht-paragraph till-print-only", text: t("till.takings.summary_of", { shop: me.shop?.legal_name ?? "", day: longDay(day) }) }),
    dataList([
      [t("till.takings.payments"), `${tk.payments} · ${euros(tk.gross_cents)}`],
      [t("till.takings.refunds"), `${tk.refunds} · ${euros(tk.refunded_cents)}`],
      [t("till.takings.net"), h("strong", { text: euros(tk.net_cents) })],
    ]),
    rows.length === 0
      ? para(t("till.takings.none"))
      : table(
          t("till.takings.list_caption", { day: longDay(day) }),
          [t("till.takings.time"), t("till.takings.amount"), t("till.takings.refunded"), t("till.takings.payer"), t("till.takings.reference")],
          rows.map((p) => [time(p.confirmed_at ?? p.submitted_at), euros(p.amount_cents), p.refunded_cents ? euros(p.refunded_cents) : "—", short(p.payer_address), p.reference || "—"]),
        ),
    h("div", { class: "app-actions app-noprint" }, button(t("till.takings.print"), { kind: "secondary", onclick: () => print() })),
  );
}
