// Waiting for approval: a new account cannot sign in until the municipality has approved it.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { heading, para, linkButton, alert } from "../ui.js";

export function render({ query }) {
  return h(
    "section",
    { class: "app-screen" },
    heading(t("waiting.title")),
    query.get("nieuw") ? alert(t("waiting.registered"), "ok") : null,
    para(t("waiting.text")),
    para(t("waiting.next")),
    h("div", { class: "app-actions" }, linkButton(t("waiting.login"), "/inloggen", "secondary")),
  );
}
