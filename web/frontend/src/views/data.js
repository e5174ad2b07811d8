// My data: what the municipality holds about the resident and the rights over it (AVG): see and correct the
// contact details, change the password, download everything (the export), ask for erasure, restriction or
// more, and switch the research-contact consent on or off.
import { h, uid } from "../dom.js";
import { t, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { heading, para, field, button, form, alert, busy, dataList } from "../ui.js";
import { passwordBlock } from "./password.js";
import { contactBlock } from "./contact.js";

const kinds = ["access", "rectification", "erasure", "restriction", "objection", "portability"];

export async function render({ rerender }) {
  const [me, consents, requests] = await Promise.all([call("GET", "/v1/me"), call("GET", "/v1/me/consents"), call("GET", "/v1/me/privacy/requests")]);
  return h(
    "section",
    { class: "app-screen" },
    heading(t("data.title")),
    para(t("data.intro")),
    dataList([
      [t("data.username"), me.username],
      [t("data.since"), dateTime(me.created_at)],
      [t("data.key"), me.wallet_address ? h("code", { class: "app-address", text: me.wallet_address }) : t("data.no_key")],
      [t("data.notice"), me.notice_version ?? "—"],
    ]),
    contactBlock(me, { email: "data.optional", phone: "data.optional" }),
    passwordBlock(),
    consent(consents.consents.find((c) => c.purpose === "research_contact"), rerender),
    exportBlock(),
    requestBlock(requests.requests, rerender),
  );
}

// consent switches research contact by the municipality's partners on or off (off unless switched on).
function consent(c, rerender) {
  const status = h("div", { "aria-live": "polite" });
  const given = Boolean(c?.given);
  const toggle = button(given ? t("data.consent_withdraw") : t("data.consent_give"), {
    kind: given ? "secondary" : "primary",
    onclick: async () => {
      status.replaceChildren();
      try {
        await busy(toggle, () => call("PUT", "/v1/me/consents/research_contact", { body: { given: !given } }));
        rerender();
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        status.append(alert(err.message, "error"));
      }
    },
  });
  return h(
    "section",
    { "aria-labelledby": "data-consent" },
    h("h2", { class: "utrecht-heading-2", id: "data-consent", text: t("data.consent") }),
    para(t("data.consent_text")),
    para(given ? t("data.consent_on", { when: c.given_at ? dateTime(c.given_at) : "" }) : t("data.consent_off")),
    status,
    h("div", { class: "app-actions" }, toggle),
  );
}

// exportBlock downloads everything held about the resident, as a readable page or as JSON.
function exportBlock() {
  const status = h("div", { "aria-live": "polite" });
  const get = (format, name) => {
    const b = button(t(`data.export_${format}`), {
      kind: "secondary",
      onclick: async () => {
        status.replaceChildren();
        try {
          const res = await busy(b, () => call("GET", `/v1/me/export?format=${format}`, { raw: true }));
          const url = URL.createObjectURL(await res.blob());
          const a = h("a", { href: url, download: name, hidden: true });
          document.body.append(a);
          a.click();
          a.remove();
          status.append(alert(t("data.export_ready"), "ok"));
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          status.append(alert(err.message, "error"));
        }
      },
    });
    return b;
  };
  return h(
    "section",
    { "aria-labelledby": "data-export" },
    h("h2", { class: "utrecht-heading-2", id: "data-export", text: t("data.export") }),
    para(t("data.export_text")),
    h("div", { class: "app-actions" }, get("html", "mijn-gegevens.html"), get("json", "mijn-gegevens.json")),
    status,
  );
}

// requestBlock files a request under the AVG and lists the earlier ones with their due dates and decisions.
function requestBlock(requests, rerender) {
  const id = uid("kind");
  const kind = h("select", { class: "utrecht-select utrecht-select--html-select", id, name: "kind" }, kinds.map((k) => h("option", { value: k, text: t(`data.kind.${k}`) })));
  const details = field({ name: "details", label: t("data.details"), type: "textarea", required: false, description: t("data.details_help") });
  const status = h("div", { "aria-live": "polite" });
  const send = button(t("data.request_send"), { type: "submit" });
  return h(
    "section",
    { "aria-labelledby": "data-requests" },
    h("h2", { class: "utrecht-heading-2", id: "data-requests", text: t("data.requests") }),
    para(t("data.requests_text")),
    form(
      t("data.requests"),
      [
        h("div", { class: "utrecht-form-field" }, h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id, text: t("data.kind") })), h("div", { class: "utrecht-form-field__input" }, kind)),
        details.wrap,
        status,
        h("div", { class: "app-actions" }, send),
      ],
      async () => {
        status.replaceChildren();
        const body = { kind: kind.value, details: details.input.value.trim() };
        if (kind.value === "objection") body.purpose = "research_contact";
        try {
          await busy(send, () => call("POST", "/v1/privacy/requests", { body }));
          rerender();
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          status.append(alert(err.message, "error"));
        }
      },
    ),
    requests.length
      ? h(
          "ul",
          { class: "app-history", "aria-label": t("data.requests_earlier") },
          requests.map((r) =>
            h(
              "li",
              { class: "app-history__item" },
              h("span", { class: "app-history__what", text: t(`data.kind.${r.kind}`) }),
              h("span", { text: r.status === "open" ? t("data.request_open", { due: dateTime(r.due_at) }) : t(`data.decision.${r.decision}`) }),
              h("span", { class: "app-history__when", text: t("data.request_received", { when: dateTime(r.received_at) }) }),
            ),
          ),
        )
      : null,
  );
}
