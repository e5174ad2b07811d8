// The welcome: what the app is for, and the way in.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { heading, para, linkButton } from "../ui.js";

export function render() {
  return h(
    "section",
    { class: "app-screen" },
    heading(t("welcome.title")),
    para(t("welcome.intro")),
    para(t("welcome.privacy")),
    h("div", { class: "utrecht-button-group app-actions" }, linkButton(t("welcome.register"), "/registreren"), linkButton(t("welcome.login"), "/inloggen", "secondary")),
  );
}
