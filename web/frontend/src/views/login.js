// Logging in with the username and password. An account still waiting for approval, rejected or suspended is
// told so (a suspended one with the municipality's reason).
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { ApiError } from "../api.js";
import { navigate } from "../router.js";
import { login, account } from "../session.js";
import { heading, field, fieldError, button, form, alert, busy, link, para } from "../ui.js";

export function render({ query, app }) {
  const username = field({ name: "username", label: t("login.username"), autocomplete: "username", attrs: { autocapitalize: "none", spellcheck: "false" } });
  const password = field({ name: "password", label: t("login.password"), type: "password", autocomplete: "current-password" });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("login.submit"), { type: "submit" });
  const back = query.get("terug");
  const f = form(t("login.title"), [username.wrap, password.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(username, username.input.value.trim() ? "" : t("error.field.required"));
    fieldError(password, password.input.value ? "" : t("error.field.required"));
    if (!username.input.value.trim() || !password.input.value) {
      f.querySelector("[aria-invalid=true]")?.focus();
      return;
    }
    try {
      await busy(submit, () => login(username.input.value.trim().toLowerCase(), password.input.value));
      const me = account();
      const ok = me.role === app.role && back && back.startsWith(app.homePath) && !back.startsWith("//");
      navigate(ok ? back : app.home(me), { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === "account_pending" && app.waitingPath) {
        navigate(app.waitingPath);
        return;
      }
      status.append(alert(err.message, "error"));
      if (err.code === "account_suspended" && err.reason) status.append(para(t("login.reason", { reason: err.reason })));
      password.input.value = "";
      password.input.focus();
    }
  });
  return h(
    "section",
    { class: "app-screen" },
    heading(t("login.title")),
    back ? para(t("login.then_back")) : null,
    f,
    app.registerPath ? h("p", { class: "utrecht-paragraph" }, t("login.no_account"), " ", link(t("login.register"), app.registerPath)) : null,
  );
}
