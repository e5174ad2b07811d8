// The till: the shopkeeper types an amount (or taps it on the keypad), the QR code appears for the resident's
// camera with the amount and the time left, and the screen follows the payment live: waiting, "Betaald"
// (with a chime and green, and the payer's short pseudonymous id — never a name), failed with the reason,
// expired or cancelled; then it is ready for the next customer.
import { h, uid } from "../../dom.js";
import { t, euros } from "../../i18n.js";
import { call, ApiError } from "../../api.js";
import { follow } from "../../events.js";
import { heading, para, field, fieldError, button, alert, busy } from "../../ui.js";
import { parseEuros } from "./money.js";

let audio = null;

export async function render({ me }) {
  if (!me.shop?.activated_at) {
    return h("section", { class: "app-screen" }, heading(t("till.title")), alert(t("till.not_active"), "warning"), para(t("till.not_active_why")));
  }
  const area = h("div", { class: "till" });
  entry(area);
  return h("section", { class: "app-screen" }, heading(t("till.title")), area);
}

// entry is the amount, typed or tapped, and the shop's own reference.
function entry(area, cents = 0) {
  area.className = "till";
  let digits = cents ? String(cents) : "";
  const amount = field({ name: "amount", label: t("till.amount"), description: t("till.amount_help"), attrs: { inputmode: "decimal", autocomplete: "off" } });
  if (cents) amount.input.value = euroText(cents);
  const reference = field({ name: "reference", label: t("till.reference"), required: false, description: t("till.reference_help"), attrs: { maxlength: "64", autocomplete: "off" } });
  const shown = () => {
    amount.input.value = digits ? euroText(Number(digits)) : "";
  };
  amount.input.addEventListener("input", () => {
    const parsed = parseEuros(amount.input.value);
    digits = parsed.cents ? String(parsed.cents) : "";
  });
  const key = (label, aria, press) => button(label, { kind: "secondary", attrs: { class: "utrecht-button utrecht-button--secondary-action till-key", "aria-label": aria }, onclick: press });
  const keypad = h(
    "div",
    { class: "till-keypad", role: "group", "aria-label": t("till.keypad") },
    ["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "00"].map((d) =>
      key(d, d, () => {
        digits = (digits + d).replace(/^0+/, "").slice(0, 8);
        shown();
        fieldError(amount, "");
      }),
    ),
    key("⌫", t("till.backspace"), () => {
      digits = digits.slice(0, -1);
      shown();
    }),
  );
  const status = h("div", { "aria-live": "polite" });
  const ask = button(t("till.ask"), { type: "submit", attrs: { class: "utrecht-button utrecht-button--primary-action till-ask" } });
  const f = h(
    "form",
    {
      class: "utrecht-form",
      "aria-label": t("till.ask"),
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        status.replaceChildren();
        fieldError(amount, "");
        const parsed = parseEuros(amount.input.value);
        if (parsed.error) {
          fieldError(amount, t(parsed.error));
          amount.input.focus();
          return;
        }
        unlockSound();
        try {
          const req = await busy(ask, () =>
            call("POST", "/v1/shop/payment-requests", { body: { amount_cents: parsed.cents, reference: reference.input.value.trim() } }),
          );
          waiting(area, { ...req, amount_cents: parsed.cents });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          if (err.field === "amount_cents") fieldError(amount, t("till.amount_too_high"));
          else if (err.field === "reference") fieldError(reference, err.message);
          else status.append(alert(err.message, "error"));
        }
      },
    },
    amount.wrap,
    keypad,
    reference.wrap,
    status,
    h("div", { class: "app-actions" }, ask),
  );
  area.replaceChildren(f);
  amount.input.focus();
}

// waiting shows the QR code of the request and follows it until it is paid, failed, expired or cancelled.
async function waiting(area, req) {
  const controller = new AbortController();
  const img = h("img", { class: "till-qr", alt: t("till.qr_alt", { amount: euros(req.amount_cents) }), width: "320", height: "320" });
  const left = h("p", { class: "till-left", "aria-hidden": "true" });
  const until = new Date(req.expires_at);
  const state = h("div", { class: "till-state", role: "status", "aria-live": "assertive" }, para(t("till.waiting")));
  const cancel = button(t("till.cancel"), {
    kind: "secondary",
    onclick: async () => {
      try {
        await busy(cancel, () => call("POST", `/v1/shop/payment-requests/${encodeURIComponent(req.id)}/cancel`));
        finish("cancelled");
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        state.replaceChildren(alert(err.message, "error"));
      }
    },
  });
  const tick = () => {
    const s = Math.max(0, Math.round((until - Date.now()) / 1000));
    left.textContent = t("till.time_left", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` });
  };
  tick();
  const timer = setInterval(tick, 1000);
  const codeId = uid("code");
  area.replaceChildren(
    h(
      "div",
      { class: "till-request" },
      h("p", { class: "till-amount", text: euros(req.amount_cents) }),
      h("figure", { class: "till-figure" }, img, h("figcaption", { class: "till-code", id: codeId }, t("till.code"), " ", h("code", { text: req.qr_uri }))),
      left,
      h("p", { class: "app-visually-hidden", text: t("till.valid_until", { time: until.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" }) }) }),
      state,
      h("div", { class: "app-actions" }, cancel),
    ),
  );
  try {
    const res = await call("GET", `/v1/shop/payment-requests/${encodeURIComponent(req.id)}/qr.svg`, { raw: true });
    img.src = URL.createObjectURL(await res.blob());
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    state.replaceChildren(alert(err.message, "error"));
  }
  let done = false;
  function finish(outcome, data = {}) {
    if (done) return;
    done = true;
    clearInterval(timer);
    controller.abort();
    result(area, req, outcome, data);
  }
  follow(
    `/v1/payment-requests/${encodeURIComponent(req.id)}/events`,
    ({ name, data }) => {
      if (name === "submitted") state.replaceChildren(para(t("till.submitted")));
      else if (["confirmed", "failed", "expired", "cancelled"].includes(name)) finish(name, data);
    },
    controller.signal,
  ).catch((err) => {
    if (!done && err?.name !== "AbortError") state.replaceChildren(alert(t("till.follow_lost"), "warning"));
  });
}

// result shows how the request ended, and the way to the next customer.
function result(area, req, outcome, data) {
  const next = button(t("till.next"), { onclick: () => entry(area) });
  const parts = [];
  if (outcome === "confirmed") {
    area.className = "till till--paid";
    parts.push(h("p", { class: "till-paid", text: t("till.paid") }), para(t("till.paid_by", { amount: euros(req.amount_cents), payer: data.payer ?? "—" })));
    chime();
  } else if (outcome === "failed") {
    area.className = "till till--failed";
    parts.push(alert(t("till.failed", { reason: data.reason || t("error.code.payment_failed") }), "error"));
    parts.push(h("div", { class: "app-actions" }, button(t("till.again"), { kind: "secondary", onclick: () => entry(area, req.amount_cents) })));
  } else {
    area.className = "till";
    parts.push(alert(t(`till.${outcome}`), "warning"));
  }
  area.replaceChildren(h("div", { role: "status", class: "till-result" }, parts), h("div", { class: "app-actions" }, next));
  next.focus();
}

function euroText(cents) {
  return (cents / 100).toFixed(2).replace(".", ",");
}

// unlockSound prepares the chime during the shopkeeper's click, as browsers allow sound only after one.
function unlockSound() {
  try {
    audio ??= new AudioContext();
    audio.resume();
  } catch {
    audio = null;
  }
}

// chime plays two short rising tones.
function chime() {
  if (!audio) return;
  try {
    const now = audio.currentTime;
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.25, now);
    gain.gain.exponentialRampToValueAtTime(0.001, now + 0.5);
    const osc = audio.createOscillator();
    osc.connect(gain);
    osc.frequency.setValueAtTime(880, now);
    osc.frequency.setValueAtTime(1320, now + 0.15);
    osc.start(now);
    osc.stop(now + 0.5);
  } catch {
    // No sound is no reason to fail the till.
  }
}
