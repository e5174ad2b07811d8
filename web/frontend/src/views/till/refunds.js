// Refunds: find a payment (the day's, or by the shop's own reference), refund all or part of it with a
// reason, and see the refund confirmed. One idempotency key per refund form: pressing twice refunds once.
import { h, uid } from "../../dom.js";
import { t, euros, dateTime } from "../../i18n.js";
import { call, ApiError } from "../../api.js";
import { heading, para, field, fieldError, button, form, alert, busy } from "../../ui.js";
import { parseEuros, today } from "./money.js";

export async function render({ query }) {
  const dateId = uid("date");
  const date = h("input", { class: "utrecht-textbox utrecht-textbox--html-input", type: "date", id: dateId, name: "date", value: query.get("datum") ?? today() });
  const reference = field({ name: "reference", label: t("till.refunds.by_reference"), required: false, value: query.get("kenmerk") ?? "" });
  const results = h("div", { class: "till-results", "aria-live": "polite" });
  const find = button(t("till.refunds.find"), { type: "submit" });
  const search = form(
    t("till.refunds.find"),
    [
      h("div", { class: "utrecht-form-field" }, h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: dateId, text: t("till.refunds.date") })), h("div", { class: "utrecht-form-field__input" }, date)),
      reference.wrap,
      h("div", { class: "app-actions" }, find),
    ],
    () => busy(find, lookup),
  );
  // lookup lists the confirmed payments of the date, or of the reference when one is typed.
  async function lookup() {
    const q = new URLSearchParams({ limit: "100" });
    if (reference.input.value.trim()) q.set("reference", reference.input.value.trim());
    else if (date.value) q.set("date", date.value);
    try {
      const { payments } = await call("GET", `/v1/me/payments?${q}`);
      show(results, payments.filter((p) => p.status === "confirmed"));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      results.replaceChildren(alert(err.message, "error"));
    }
  }
  await lookup();
  return h("section", { class: "app-screen" }, heading(t("till.refunds.title")), para(t("till.refunds.intro")), search, results);
}

function show(results, payments) {
  if (payments.length === 0) {
    results.replaceChildren(para(t("till.refunds.none")));
    return;
  }
  results.replaceChildren(
    h(
      "ul",
      { class: "app-history", "aria-label": t("till.refunds.found") },
      payments.map((p) => {
        const item = h("li", { class: "app-history__item" });
        const left = p.amount_cents - p.refunded_cents;
        item.append(
          h("span", { class: "app-history__what", text: t("till.refunds.payment", { amount: euros(p.amount_cents), payer: short(p.payer_address) }) }),
          h("span", { text: p.reference ? t("till.refunds.ref", { ref: p.reference }) : "" }),
          h("span", { class: "app-history__when", text: dateTime(p.confirmed_at ?? p.submitted_at) + (p.refunded_cents ? " · " + t("till.refunds.refunded", { amount: euros(p.refunded_cents) }) : "") }),
        );
        if (left > 0) {
          const open = button(t("till.refunds.refund"), { kind: "secondary", onclick: () => item.append(refundForm(p, left, open)) });
          item.append(h("span", { class: "app-history__action" }, open));
        }
        return item;
      }),
    ),
  );
}

// refundForm refunds part or all of what is left of payment p.
function refundForm(p, left, opener) {
  opener.disabled = true;
  const key = crypto.randomUUID();
  const amount = field({ name: "refund_amount", label: t("till.refunds.amount"), value: (left / 100).toFixed(2).replace(".", ","), attrs: { inputmode: "decimal", autocomplete: "off" } });
  const reason = field({ name: "reason", label: t("till.refunds.reason"), attrs: { maxlength: "500" } });
  const status = h("div", { "aria-live": "polite" });
  const send = button(t("till.refunds.send"), { type: "submit" });
  const f = form(t("till.refunds.refund"), [amount.wrap, reason.wrap, status, h("div", { class: "app-actions" }, send)], async () => {
    status.replaceChildren();
    fieldError(amount, "");
    fieldError(reason, "");
    const parsed = parseEuros(amount.input.value);
    if (parsed.error) return fieldError(amount, t(parsed.error));
    if (parsed.cents > left) return fieldError(amount, t("till.refunds.too_much", { amount: euros(left) }));
    if (!reason.input.value.trim()) return fieldError(reason, t("till.refunds.reason_required"));
    try {
      const r = await busy(send, () =>
        call("POST", `/v1/shop/payment-requests/${encodeURIComponent(p.id)}/refunds`, {
          headers: { "Idempotency-Key": key },
          body: { amount_cents: parsed.cents, reason: reason.input.value.trim() },
        }),
      );
      send.disabled = true;
      status.append(alert(t("till.refunds.sent", { amount: euros(parsed.cents) }), "info"));
      watchRefund(p.id, r.id, status);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  f.classList.add("till-refund");
  queueMicrotask(() => amount.input.focus());
  return f;
}

// watchRefund reads the payment again until its refund is confirmed on chain (or failed).
async function watchRefund(paymentID, refundID, status) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    try {
      const { payments } = await call("GET", `/v1/me/payments?limit=200`);
      const refund = payments.find((x) => x.id === paymentID)?.refunds?.find((x) => x.id === refundID);
      if (refund?.status === "confirmed") {
        status.replaceChildren(alert(t("till.refunds.confirmed", { amount: euros(refund.amount_cents) }), "ok"));
        return;
      }
      if (refund?.status === "failed") {
        status.replaceChildren(alert(t("till.refunds.failed", { reason: refund.failure_reason ?? "" }), "error"));
        return;
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}

// short is an address's short pseudonymous form: 0x1a2b…9f0e.
export function short(addr) {
  return addr ? `${addr.slice(0, 6)}…${addr.slice(-4)}` : "—";
}
