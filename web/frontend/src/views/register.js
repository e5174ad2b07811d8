// Registering: a made-up username and a password, after reading the privacy notice whose version the
// account records, and how to be told of the decision and later events (the language; by e-mail too, with an
// address, if the resident wants). Nothing goes on chain; the account then waits for the municipality's
// approval.
import { h } from "../dom.js";
import { t, lang } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { navigate } from "../router.js";
import { heading, para, field, fieldError, checkbox, button, form, alert, busy } from "../ui.js";
import { notice } from "../notice.js";
import { languageChoice } from "./settings.js";

export async function render() {
  const current = await call("GET", "/v1/privacy/notice");
  const username = field({ name: "username", label: t("register.username"), autocomplete: "username", description: t("register.username_help"),
    attrs: { autocapitalize: "none", spellcheck: "false", minlength: "3", maxlength: "32" } });
  const password = field({ name: "password", label: t("register.password"), type: "password", autocomplete: "new-password",
    description: t("register.password_help"), attrs: { minlength: "10" } });
  const language = languageChoice("notices_language", lang());
  const email = field({ name: "email", label: t("register.email"), type: "email", autocomplete: "email", required: false, description: t("register.email_help") });
  const byEmail = checkbox({ name: "notices_email", label: t("register.notices_email") });
  const told = h(
    "section",
    { "aria-labelledby": "register-notices" },
    h("h2", { class: "utrecht-heading-2", id: "register-notices", text: t("register.notices") }),
    para(t("register.notices_intro")),
    language.wrap,
    email.wrap,
    byEmail.wrap,
  );
  const read = checkbox({ name: "notice", label: t("register.notice_read", { version: current.version }), required: true });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("register.submit"), { type: "submit" });
  const f = form(t("register.title"), [username.wrap, password.wrap, told, notice(current), read.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(username, "");
    fieldError(password, "");
    fieldError(email, "");
    const address = email.input.value.trim();
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
    if (byEmail.input.checked && !address) {
      fieldError(email, t("register.email_needed"));
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
        call("POST", "/v1/auth/register", {
          body: {
            role: "resident",
            username: name,
            password: password.input.value,
            notice_version: current.version,
            email: address || undefined,
            notices: { language: language.value(), email: byEmail.input.checked },
          },
        }),
      );
      navigate("/wachten?nieuw=1");
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.field === "username") fieldError(username, err.message);
      else if (err.field === "password") fieldError(password, err.message);
      else if (err.field === "email") fieldError(email, t("error.field.email"));
      else if (err.field === "notices.email") fieldError(email, t("register.email_needed"));
      else status.append(alert(err.message, "error"));
    }
  });
  return h("section", { class: "app-screen" }, heading(t("register.title")), para(t("register.intro")), f);
}
