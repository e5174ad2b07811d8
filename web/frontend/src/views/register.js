// Registering: a made-up username and a password, after reading the privacy notice whose version the
// account records. Nothing goes on chain; the account then waits for the municipality's approval.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { navigate } from "../router.js";
import { heading, para, field, fieldError, checkbox, button, form, alert, busy } from "../ui.js";
import { notice } from "../notice.js";

export async function render() {
  const current = await call("GET", "/v1/privacy/notice");
  const username = field({ name: "username", label: t("register.username"), autocomplete: "username", description: t("register.username_help"),
    attrs: { autocapitalize: "none", spellcheck: "false", minlength: "3", maxlength: "32" } });
  const password = field({ name: "password", label: t("register.password"), type: "password", autocomplete: "new-password",
    description: t("register.password_help"), attrs: { minlength: "10" } });
  const read = checkbox({ name: "notice", label: t("register.notice_read", { version: current.version }), required: true });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("register.submit"), { type: "submit" });
  const f = form(t("register.title"), [username.wrap, password.wrap, notice(current), read.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(username, "");
    fieldError(password, "");
    const name = username.input.value.trim().toLowerCase();
    let bad = false;
    if (!/^[a-z0-9._-]{3,32}$/.test(name)) {
      fieldError(username, t("error.field.username"));
      bad = true;
    }
    if ([...password.input.value].length < 10) {
      fieldError(password, t("error.field.password"));
      bad = true;
    }
    if (!read.input.checked) {
      status.append(alert(t("register.notice_required"), "error"));
      bad = true;
    }
    if (bad) {
      f.querySelector("[aria-invalid=true]")?.focus();
      return;
    }
    try {
      await busy(submit, () =>
        call("POST", "/v1/auth/register", { body: { role: "resident", username: name, password: password.input.value, notice_version: current.version } }),
      );
      navigate("/wachten?nieuw=1");
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.field === "username") fieldError(username, err.message);
      else if (err.field === "password") fieldError(password, err.message);
      else status.append(alert(err.message, "error"));
    }
  });
  return h("section", { class: "app-screen" }, heading(t("register.title")), para(t("register.intro")), f);
}
