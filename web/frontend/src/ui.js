// ui.js has the pieces every screen is made of, with the NL Design System's classes and the accessibility
// they need: a heading that takes the focus, labelled fields with their error messages, buttons, alerts.
import { h, uid } from "./dom.js";
import { t } from "./i18n.js";

// heading is the screen's title: the one h1, which the app focuses after each navigation.
export function heading(text) {
  return h("h1", { class: "utrecht-heading-1", tabindex: "-1", text });
}

export function para(text, cls = "") {
  return h("p", { class: `utrecht-paragraph ${cls}`.trim(), text });
}

// field is a labelled input with an optional description; set its error with fieldError.
export function field({ name, label, type = "text", value = "", autocomplete, description, required = true, inputmode, attrs = {} }) {
  const id = uid(name);
  const descId = description ? `${id}-desc` : null;
  const errId = `${id}-error`;
  const input =
    type === "textarea"
      ? h("textarea", { class: "utrecht-textarea", id, name, required, "aria-describedby": descId, ...attrs })
      : h("input", {
          class: "utrecht-textbox utrecht-textbox--html-input",
          id,
          name,
          type,
          autocomplete,
          required,
          inputmode,
          "aria-describedby": descId,
          ...attrs,
        });
  if (value) input.value = value;
  const error = h("p", { class: "utrecht-form-field-error-message", id: errId, hidden: true });
  const wrap = h(
    "div",
    { class: "utrecht-form-field utrecht-form-field--text" },
    h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id, text: label })),
    descId ? h("p", { class: "utrecht-form-field-description", id: descId, text: description }) : null,
    error,
    h("div", { class: "utrecht-form-field__input" }, input),
  );
  return { wrap, input, error };
}

// fieldError shows (or with an empty text hides) a field's error, and marks the input invalid.
export function fieldError(f, text) {
  f.error.textContent = text ?? "";
  f.error.hidden = !text;
  f.input.dataset.describedby ??= f.input.getAttribute("aria-describedby") ?? "";
  const ids = [f.input.dataset.describedby, text ? f.error.id : ""].filter(Boolean).join(" ");
  if (ids) f.input.setAttribute("aria-describedby", ids);
  else f.input.removeAttribute("aria-describedby");
  if (text) f.input.setAttribute("aria-invalid", "true");
  else f.input.removeAttribute("aria-invalid");
}

// checkbox is a labelled checkbox.
export function checkbox({ name, label, checked = false, required = false }) {
  const id = uid(name);
  const input = h("input", { class: "utrecht-checkbox utrecht-checkbox--html-input", type: "checkbox", id, name, required, checked });
  const wrap = h(
    "div",
    { class: "utrecht-form-field utrecht-form-field--checkbox" },
    h("div", { class: "utrecht-form-field__input" }, input),
    h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label utrecht-form-label--checkbox", for: id, text: label })),
  );
  return { wrap, input };
}

// button is a button; kind is primary, secondary or subtle.
export function button(text, { kind = "primary", type = "button", onclick, attrs = {} } = {}) {
  const cls = { primary: "utrecht-button--primary-action", secondary: "utrecht-button--secondary-action", subtle: "utrecht-button--subtle" }[kind];
  return h("button", { class: `utrecht-button ${cls}`, type, onclick, ...attrs, text });
}

// linkButton is a link that looks like a button (to another screen).
export function linkButton(text, href, kind = "primary") {
  const cls = kind === "primary" ? "utrecht-button-link--primary-action" : "utrecht-button-link--secondary-action";
  return h("a", { class: `utrecht-button-link utrecht-button-link--html-a ${cls}`, href, text });
}

export function link(text, href, attrs = {}) {
  return h("a", { class: "utrecht-link", href, ...attrs, text });
}

// alert is a message box; kind is info, ok, warning or error. Errors are announced at once.
export function alert(text, kind = "info") {
  const role = kind === "error" ? "alert" : "status";
  return h("div", { class: `utrecht-alert utrecht-alert--${kind}`, role }, h("p", { class: "utrecht-paragraph", text }));
}

// form wraps fields and a submit button; onsubmit gets the event after the browser's own checks passed.
export function form(label, children, onsubmit) {
  return h("form", { class: "utrecht-form", "aria-label": label, novalidate: true, onsubmit: (e) => (e.preventDefault(), onsubmit(e)) }, children);
}

// busy disables a button while work runs and says so.
export async function busy(btn, work) {
  const text = btn.textContent;
  btn.disabled = true;
  btn.setAttribute("aria-busy", "true");
  btn.textContent = t("common.busy");
  try {
    return await work();
  } finally {
    btn.disabled = false;
    btn.removeAttribute("aria-busy");
    btn.textContent = text;
  }
}

// table is a data table under a heading that names it, in a region that scrolls sideways on a narrow
// screen (focusable, so a keyboard can scroll it too) instead of widening the page.
export function table(title, headers, rows) {
  const titleId = uid("table");
  return [
    h("h2", { class: "utrecht-heading-3 app-table__title", id: titleId, text: title }),
    h(
      "div",
      { class: "app-table", role: "region", tabindex: "0", "aria-labelledby": titleId },
      h(
        "table",
        { class: "utrecht-table", "aria-labelledby": titleId },
        h("thead", { class: "utrecht-table__header" }, h("tr", { class: "utrecht-table__row" }, headers.map((c) => h("th", { class: "utrecht-table__header-cell", scope: "col", text: c })))),
        h("tbody", { class: "utrecht-table__body" }, rows.map((r) => h("tr", { class: "utrecht-table__row" }, r.map((c) => h("td", { class: "utrecht-table__cell", text: c }))))),
      ),
    ),
  ];
}

// dataList shows label–value pairs.
export function dataList(pairs) {
  return h(
    "dl",
    { class: "utrecht-data-list" },
    pairs.map(([k, v]) => h("div", { class: "utrecht-data-list__item" }, h("dt", { class: "utrecht-data-list__item-key", text: k }), h("dd", { class: "utrecht-data-list__item-value" }, v))),
  );
}
