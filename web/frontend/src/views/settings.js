// Notice settings: the language of the notices, whether they come by e-mail too (which needs an e-mail
// address on the account), and in the resident app notices by web push on this phone. Both apps show this
// screen: the app's notices (resident.js, till.js) give its addresses, the texts that differ and whether it
// offers web push.
import { h, uid } from "../dom.js";
import { t } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { heading, para, checkbox, button, form, alert, busy, link } from "../ui.js";
import { supported, current, enable, disable, PushError } from "../push.js";

export async function render({ rerender, app }) {
  const cfg = app.notices;
  const settings = await call("GET", "/v1/me/notice-settings");
  return h(
    "section",
    { class: "app-screen" },
    heading(t("settings.title")),
    h("p", { class: "utrecht-paragraph" }, link(t("settings.to_notices"), cfg.path)),
    how(settings, cfg),
    cfg.push ? await pushBlock(rerender) : null,
  );
}

// languageChoice is a group of radio buttons for the notices' language.
export function languageChoice(name, chosen) {
  const legendId = uid("lang");
  const options = ["nl", "en"].map((l) => {
    const id = uid(`${name}-${l}`);
    return h(
      "div",
      { class: "utrecht-form-field utrecht-form-field--radio" },
      h("input", { class: "utrecht-radio-button utrecht-radio-button--html-input", type: "radio", id, name, value: l, checked: l === chosen }),
      " ",
      h("label", { class: "utrecht-form-label utrecht-form-label--radio", for: id, lang: l, text: t(`settings.language.${l}`) }),
    );
  });
  const wrap = h("fieldset", { class: "app-choice", "aria-labelledby": legendId }, h("legend", { id: legendId, text: t("settings.language") }), options);
  return { wrap, value: () => wrap.querySelector("input:checked")?.value ?? chosen };
}

// how saves the language and the e-mail choice; without an address the API answers 422
// email_address_required, which is shown with the way to add one where the app has it (cfg.address).
function how(settings, cfg) {
  const language = languageChoice("language", settings.language);
  const email = checkbox({ name: "email", label: t("settings.email"), checked: settings.email });
  const status = h("div", { "aria-live": "polite" });
  const save = button(t("settings.save"), { type: "submit" });
  const titleId = uid("how");
  return h(
    "section",
    { "aria-labelledby": titleId },
    h("h2", { class: "utrecht-heading-2", id: titleId, text: t("settings.how") }),
    settings.has_email_address ? null : para(t(cfg.texts.noAddress)),
    form(t("settings.how"), [language.wrap, email.wrap, status, h("div", { class: "app-actions" }, save)], async () => {
      status.replaceChildren();
      try {
        const saved = await busy(save, () => call("PUT", "/v1/me/notice-settings", { body: { language: language.value(), email: email.input.checked } }));
        email.input.checked = saved.email;
        status.append(alert(t("settings.saved"), "ok"));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.code === "email_address_required") {
          status.append(alert(t(cfg.texts.addressRequired), "error"));
          if (cfg.address) status.append(h("p", { class: "utrecht-paragraph" }, link(t(cfg.texts.addAddress), cfg.address)));
          email.input.focus();
          return;
        }
        status.append(alert(err.message, "error"));
      }
    }),
  );
}

// pushBlock turns notices on this phone (web push) on or off, and says plainly when they cannot be turned on.
async function pushBlock(rerender) {
  const titleId = uid("push");
  const status = h("div", { "aria-live": "polite" });
  const section = (...children) =>
    h("section", { "aria-labelledby": titleId }, h("h2", { class: "utrecht-heading-2", id: titleId, text: t("push.title") }), para(t("push.intro")), ...children, status);
  if (!supported()) return section(alert(t("push.error.unsupported"), "warning"));
  const sub = await current().catch(() => null);
  if (sub) {
    const off = button(t("push.disable"), { kind: "secondary" });
    off.addEventListener("click", async () => {
      status.replaceChildren();
      try {
        await busy(off, disable);
        rerender();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status.append(alert(err.message, "error"));
      }
    });
    return section(alert(t("push.on"), "ok"), h("div", { class: "app-actions" }, off));
  }
  const on = button(t("push.enable"));
  on.addEventListener("click", async () => {
    status.replaceChildren();
    try {
      await busy(on, enable);
      rerender();
    } catch (err) {
      if (err instanceof PushError) {
        status.append(alert(t(`push.error.${err.code}`), "error"));
        return;
      }
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  return section(h("div", { class: "app-actions" }, on));
}
