// Paying a shop: the request the QR code named (shop and amount), confirmed with the passphrase, which opens
// the key on this phone for as long as it takes to sign the EIP-712 typed data the API serves. Only the
// signature is sent. The screen then follows the payment live until it is "betaald", or says why not.
import { h } from "../dom.js";
import { t, euros, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { follow } from "../events.js";
import { heading, para, field, fieldError, button, form, alert, busy, dataList, link } from "../ui.js";
import { loadKeystore } from "../wallet/storage.js";
import { withStoredKey, wrongPassphrase } from "./unlock.js";
import { signTypedData } from "../wallet/sign.js";

export async function render({ params, me }) {
  const id = params.id;
  const req = await call("GET", `/v1/payment-requests/${encodeURIComponent(id)}`);
  const facts = dataList([
    [t("pay.shop"), req.shop_name],
    [t("pay.amount"), h("strong", { class: "app-amount", text: euros(req.amount_cents) })],
    req.reference ? [t("pay.reference"), req.reference] : null,
  ].filter(Boolean));
  const live = h("div", { class: "app-pay-status", "aria-live": "assertive", role: "status" });
  const section = h("section", { class: "app-screen" }, heading(t("pay.title")), facts, live);
  if (req.status !== "open") {
    live.append(outcome(req.status, req.failure_reason));
    if (req.status === "submitted") watch(id, live);
    section.append(h("p", { class: "utrecht-paragraph" }, link(t("pay.to_balance"), "/saldo")));
    return section;
  }
  if (!me.wallet_address) {
    section.append(alert(t("error.code.wallet_not_bound"), "warning"), h("p", { class: "utrecht-paragraph" }, link(t("key.make"), "/sleutel")));
    return section;
  }
  const stored = await loadKeystore();
  if (!stored) {
    section.append(alert(t("key.missing_here"), "warning"), h("p", { class: "utrecht-paragraph" }, link(t("key.title"), "/sleutel")));
    return section;
  }
  if (!(await matches(req, me))) {
    section.append(alert(t("pay.mismatch"), "error"));
    return section;
  }
  const until = para(t("pay.valid_until", { when: dateTime(req.expires_at) }));
  section.append(until);
  const pass = field({ name: "passphrase", label: t("pay.passphrase"), type: "password", autocomplete: "current-password" });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("pay.confirm", { amount: euros(req.amount_cents) }), { type: "submit" });
  // One idempotency key per request on this phone: sending again after a lost answer pays once.
  const keyName = `heitje.pay.${id}`;
  const idemKey = sessionStorage.getItem(keyName) ?? crypto.randomUUID();
  sessionStorage.setItem(keyName, idemKey);
  const f = form(t("pay.title"), [pass.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(pass, "");
    if (!pass.input.value) {
      fieldError(pass, t("error.field.required"));
      pass.input.focus();
      return;
    }
    try {
      await busy(submit, async () => {
        const signature = await withStoredKey(stored, pass, (privateKey) => signTypedData(req.typed_data, privateKey));
        const m = req.typed_data.message;
        await call("POST", `/v1/payment-requests/${encodeURIComponent(id)}/pay`, {
          headers: { "Idempotency-Key": idemKey },
          body: { from: m.from, to: m.to, value: m.value, valid_after: m.validAfter, valid_before: m.validBefore, nonce: m.nonce, signature },
        });
      });
      pass.input.value = "";
      f.remove();
      until.remove();
      live.replaceChildren(outcome("submitted"));
      watch(id, live);
    } catch (err) {
      if (wrongPassphrase(err, pass)) return;
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.code === "offline" ? t("pay.offline") : err.message, "error"));
    }
  });
  section.append(f);
  return section;
}

// matches checks that the typed data to sign says what the screen shows: from this resident's key, to the
// shop, the amount, and for this chain's coin. The API made it; the phone signs only what it has checked.
async function matches(req, me) {
  const chain = await call("GET", "/v1/chain");
  const { domain, message } = req.typed_data;
  return (
    String(message.from).toLowerCase() === me.wallet_address.toLowerCase() &&
    String(message.to).toLowerCase() === req.shop_address.toLowerCase() &&
    String(message.value) === String(req.amount_cents) &&
    Number(domain.chainId) === Number(chain.chain_id) &&
    String(domain.verifyingContract).toLowerCase() === String(chain.token_address).toLowerCase()
  );
}

// watch follows the payment's events into live until it is confirmed or failed.
function watch(id, live) {
  follow(`/v1/payment-requests/${encodeURIComponent(id)}/events`, ({ name, data }) => {
    if (["confirmed", "failed", "expired", "cancelled"].includes(name)) live.replaceChildren(outcome(name, data?.reason));
  }).catch(() => live.append(alert(t("pay.follow_lost"), "warning")));
}

// outcome is what the screen says of a payment in state.
function outcome(state, reason) {
  switch (state) {
    case "confirmed":
      return h("div", { class: "app-paid" }, h("p", { class: "app-paid__word", text: t("pay.paid") }), para(t("pay.paid_text")));
    case "failed":
      return alert(t("pay.failed", { reason: reason || t("error.code.payment_failed") }), "error");
    case "expired":
      return alert(t("error.code.request_expired"), "warning");
    case "cancelled":
      return alert(t("error.code.request_cancelled"), "warning");
    default:
      return alert(t("pay.submitted"), "info");
  }
}
