// The contact details of "my data" (resident app) and of the shop's details (till): the optional e-mail
// address and phone number, corrected with PATCH /v1/me (an empty field removes it). The e-mail address is
// where notices by e-mail go. help has the message keys that say, under each field, what it is for.
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { reload } from "../session.js";
import { field, fieldError, button, form, alert, busy } from "../ui.js";

export function contactBlock(me, help) {
  const email = field({ name: "email", label: t("data.email"), type: "email", autocomplete: "email", value: me.email ?? "", required: false, description: t(help.email) });
  const phone = field({ name: "phone", label: t("data.phone"), type: "tel", autocomplete: "tel", value: me.phone ?? "", required: false, description: t(help.phone) });
  const status = h("div", { "aria-live": "polite" });
  const save = button(t("data.save"), { type: "submit" });
  return h(
    "section",
    { "aria-labelledby": "data-contact" },
    h("h2", { class: "utrecht-heading-2", id: "data-contact", text: t("data.contact") }),
    form(t("data.contact"), [email.wrap, phone.wrap, status, h("div", { class: "app-actions" }, save)], async () => {
      status.replaceChildren();
      fieldError(email, "");
      fieldError(phone, "");
      try {
        await busy(save, () => call("PATCH", "/v1/me", { body: { email: email.input.value.trim(), phone: phone.input.value.trim() } }));
        await reload();
        status.append(alert(t("data.saved"), "ok"));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.field === "email") fieldError(email, t("error.field.email"));
        else if (err.field === "phone") fieldError(phone, t("error.field.phone"));
        else status.append(alert(err.message, "error"));
      }
    }),
  );
}
