// The shop's details as the municipality holds them: the business name and the bank account its payouts go
// to. A change of those waits for the municipality's approval; until then it shows here as pending and the
// payouts go to the approved account. The shop corrects its e-mail address (where notices by e-mail go) and
// phone number, and changes its password, here too.
import { h } from "../../dom.js";
import { t, dateTime } from "../../i18n.js";
import { heading, para, dataList, alert } from "../../ui.js";
import { passwordBlock } from "../password.js";
import { contactBlock } from "../contact.js";

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
    s.pending_change ? pending(s.pending_change) : null,
    alert(t("till.shop.change"), "info"),
    contactBlock(me, { email: "till.shop.email_help", phone: "till.shop.phone_help" }),
    passwordBlock(),
  );
}

// pending shows a change of the bank details that waits for approval.
function pending(c) {
  return h(
    "section",
    { class: "till-pending", "aria-label": t("till.shop.pending_title") },
    alert(t("till.shop.pending", { when: dateTime(c.created_at) }), "warning"),
    dataList([
      [t("till.shop.name"), c.details.legal_name],
      [t("till.shop.iban"), h("span", { class: "utrecht-iban-data", text: c.details.iban })],
      [t("till.shop.kvk"), c.details.kvk],
    ]),
  );
}
