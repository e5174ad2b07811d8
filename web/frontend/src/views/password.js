// The password change of "my data" (resident app) and of the shop's details (till): the current password
// and the new one twice. The API checks the new one as at registration; every other session of the account
// ends, this one stays.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { para, field, fieldError, button, form, alert, busy } from "../ui.js";

export function passwordBlock() {
  const current = field({ name: "current_password", label: t("password.current"), type: "password", autocomplete: "current-password" });
  const next = field({ name: "new_password", label: t("password.new"), type: "password", autocomplete: "new-password", description: t("password.new_help") });
  const again = field({ name: "new_password_again", label: t("password.again"), type: "password", autocomplete: "new-password" });
  const status = h("div", { "aria-live": "polite" });
  const save = button(t("password.save"), { type: "submit" });
  const fields = [current, next, again];
  return h(
    "section",
    { "aria-labelledby": "password-title" },
    h("h2", { class: "utrecht-heading-2", id: "password-title", text: t("password.title") }),
    para(t("password.intro")),
    form(t("password.title"), [current.wrap, next.wrap, again.wrap, status, h("div", { class: "app-actions" }, save)], async () => {
      status.replaceChildren();
      fields.forEach((f) => fieldError(f, ""));
      const empty = fields.find((f) => !f.input.value);
      if (empty) return fieldError(empty, t("error.field.required"));
      if (next.input.value !== again.input.value) return fieldError(again, t("password.again_differs"));
      try {
        await busy(save, () => call("POST", "/v1/me/password", { body: { current_password: current.input.value, new_password: next.input.value } }));
        fields.forEach((f) => (f.input.value = ""));
        status.append(alert(t("password.changed"), "ok"));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.field === "current_password") fieldError(current, t("password.current_wrong"));
        else if (err.field === "new_password") fieldError(next, t(current.input.value === next.input.value ? "password.same" : "error.field.password"));
        else status.append(alert(err.message, "error"));
      }
    }),
  );
}
