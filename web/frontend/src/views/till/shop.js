// The shop's details as the municipality holds them: the business name and the bank account its payouts go
// to. A change goes through the municipality.
import { h } from "../../dom.js";
import { t, dateTime } from "../../i18n.js";
import { heading, para, dataList, alert } from "../../ui.js";

export function render({ me }) {
  const s = me.shop ?? {};
  return h(
    "section",
    { class: "app-screen" },
    heading(t("till.shop.title")),
    para(t("till.shop.intro")),
    dataList([
      [t("till.shop.name"), s.legal_name ?? "—"],
      [t("till.shop.iban"), h("span", { class: "utrecht-iban-data", text: s.iban ?? "—" })],
      [t("till.shop.kvk"), s.kvk ?? "—"],
      [t("till.shop.address"), s.address ?? "—"],
      [t("till.shop.active"), s.activated_at ? t("till.shop.active_since", { when: dateTime(s.activated_at) }) : t("till.shop.not_active")],
    ]),
    alert(t("till.shop.change"), "info"),
  );
}
