// Recovery of a lost key: a resident who signed in with the password on a phone without the account's key
// makes a new key here and asks the municipality to move the coins to it (POST /v1/me/recovery); one member
// of staff checks the person at the counter, a second approves, and after the coin's waiting time the coins
// move. The screen shows where the recovery is. On a phone that still holds the old key while a recovery of
// it is open, it warns and lets the owner cancel it with that key (a thief with only the password cannot).
import { h } from "../dom.js";
import { t, dateTime } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { heading, para, field, fieldError, checkbox, button, form, alert, busy, dataList, link } from "../ui.js";
import { generatePrivateKey, privateKeyToAddress } from "../wallet/keys.js";
import { encryptKeystore, decryptKeystore, keystoreAddress } from "../wallet/keystore.js";
import { saveKeystore, loadKeystore, persistStorage } from "../wallet/storage.js";
import { personalSign, signTypedData } from "../wallet/sign.js";
import { passphraseFields } from "./key.js";
import { withStoredKey, wrongPassphrase } from "./unlock.js";

// The statuses in which nothing more happens to a recovery; a new one may be asked after cancelled,
// rejected and failed.
const askAgain = ["cancelled", "rejected", "failed"];

// mine is the account's latest recovery, or null when it never asked for one.
export async function mine() {
  try {
    return await call("GET", "/v1/me/recovery");
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

// storedAddress is the address of the key this phone holds (lower case), or null.
async function storedAddress() {
  const stored = await loadKeystore();
  return { stored, address: stored ? (keystoreAddress(stored)?.toLowerCase() ?? null) : null };
}

// warning is the app's warning on every screen while a recovery of the key this phone holds is open: null
// when there is none (or this phone does not hold the account's key).
export async function warning(me) {
  const bound = me.wallet_address?.toLowerCase();
  if (!bound || location.pathname === "/herstel") return null;
  const { address } = await storedAddress();
  if (address !== bound) return null;
  const r = await mine();
  if (!r?.cancel_typed_data || r.from_address !== bound) return null;
  return h(
    "div",
    { class: "utrecht-alert utrecht-alert--warning", role: "status" },
    h("p", { class: "utrecht-paragraph", text: t("recovery.banner") }),
    h("p", { class: "utrecht-paragraph" }, link(t("recovery.banner_link"), "/herstel")),
  );
}

export async function render({ me, rerender }) {
  const [{ stored, address }, r] = await Promise.all([storedAddress(), mine()]);
  const bound = me.wallet_address?.toLowerCase() ?? null;
  let body;
  if (!bound) {
    body = [para(t("recovery.no_key")), h("p", { class: "utrecht-paragraph" }, link(t("recovery.to_key"), "/sleutel"))];
  } else if (address === bound) {
    // This phone holds the key the coins would move from.
    if (r?.cancel_typed_data && r.from_address === bound) body = cancelBlock(r, stored, rerender);
    else body = [alert(t("recovery.key_here"), "ok"), r ? statusBlock(r) : null];
  } else if (r && !askAgain.includes(r.status)) {
    body = statusBlock(r);
  } else {
    body = [r ? statusBlock(r) : null, askBlock(stored, rerender)];
  }
  return h("section", { class: "app-screen" }, heading(t("recovery.title")), body);
}

// statusBlock says where the recovery is, what happens next and what the resident does.
function statusBlock(r) {
  const when = (v) => (v ? dateTime(v) : null);
  const pairs = [
    [t("recovery.status"), t(`recovery.status.${r.status}`)],
    [t("recovery.asked_at"), when(r.asked_at)],
    [t("recovery.verified_at"), when(r.verified_at)],
    [t("recovery.approved_at"), when(r.approved_at)],
    [t(r.status === "executed" ? "recovery.done_at" : "recovery.ended_at"), when(r.done_at)],
    [t("recovery.moves_at"), r.status === "approved" ? when(r.executable_at) : null],
    [t("recovery.new_key"), h("code", { class: "app-address", text: r.to_address })],
  ].filter(([, v]) => v);
  const next = {
    asked: [para(t("recovery.counter")), para(t("recovery.delay"))],
    verified: [para(t("recovery.second_staff")), para(t("recovery.delay"))],
    approved: [para(r.executable_at ? t("recovery.waiting_until", { when: dateTime(r.executable_at) }) : t("recovery.on_its_way"))],
    cancelling: [para(t("recovery.cancelling"))],
    cancelled: [para(t("recovery.cancelled"))],
    rejected: [para(r.reject_reason ? t("recovery.rejected_because", { reason: r.reject_reason }) : t("recovery.rejected"))],
    executed: [para(t("recovery.executed")), h("p", { class: "utrecht-paragraph" }, link(t("recovery.to_balance"), "/saldo"))],
    failed: [para(t("recovery.failed"))],
  }[r.status];
  return h(
    "section",
    { "aria-labelledby": "recovery-status", class: "app-recovery" },
    h("h2", { class: "utrecht-heading-2", id: "recovery-status", text: t("recovery.status_title") }),
    dataList(pairs),
    next ?? null,
  );
}

// askBlock makes the new key (or takes the one this phone holds, not yet bound, with its passphrase), proves
// it by signing the wallet challenge and asks for the recovery.
function askBlock(stored, rerender) {
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("recovery.ask"), { type: "submit" });
  const intro = [para(t("recovery.intro")), para(t("recovery.counter")), para(t("recovery.delay"))];
  let fields;
  let makeKey;
  if (stored) {
    const pass = field({ name: "passphrase", label: t("key.passphrase"), type: "password", autocomplete: "current-password", description: t("recovery.stored_key") });
    fields = [pass.wrap];
    makeKey = async () => {
      fieldError(pass, "");
      try {
        return (await decryptKeystore(stored, pass.input.value)).privateKey;
      } catch (err) {
        if (wrongPassphrase(err, pass)) return null;
        throw err;
      }
    };
  } else {
    const { pass, again, check } = passphraseFields();
    const understood = checkbox({ name: "understood", label: t("key.understood"), required: true });
    fields = [pass.wrap, again.wrap, understood.wrap];
    makeKey = async () => {
      if (!check()) {
        (pass.input.getAttribute("aria-invalid") ? pass : again).input.focus();
        return null;
      }
      if (!understood.input.checked) {
        status.append(alert(t("key.understood_required"), "error"));
        understood.input.focus();
        return null;
      }
      const key = generatePrivateKey();
      await saveKeystore(await encryptKeystore(key, pass.input.value));
      await persistStorage();
      return key;
    };
  }
  const f = form(t("recovery.ask"), [...fields, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    try {
      const asked = await busy(submit, async () => {
        const key = await makeKey();
        if (!key) return false;
        try {
          const challenge = await call("GET", "/v1/me/wallet/challenge");
          const address = privateKeyToAddress(key);
          await call("POST", "/v1/me/recovery", { body: { address, signature: personalSign(challenge.message, key), nonce: challenge.nonce } });
        } finally {
          key.fill(0);
        }
        return true;
      });
      if (asked) rerender();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  return h(
    "section",
    { "aria-labelledby": "recovery-ask" },
    h("h2", { class: "utrecht-heading-2", id: "recovery-ask", text: t("recovery.ask_title") }),
    intro,
    f,
  );
}

// cancelBlock warns the holder of the old key of the open recovery and cancels it with that key's signature
// of the recovery's CancelRecovery message.
function cancelBlock(r, stored, rerender) {
  const pass = field({ name: "passphrase", label: t("key.passphrase"), type: "password", autocomplete: "current-password" });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("recovery.cancel"), { type: "submit" });
  const f = form(t("recovery.cancel"), [pass.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(pass, "");
    try {
      await busy(submit, async () => {
        const signature = await withStoredKey(stored, pass, (privateKey) => signTypedData(r.cancel_typed_data, privateKey));
        await call("POST", `/v1/recoveries/${encodeURIComponent(r.id)}/cancel`, { body: { signature } });
      });
      rerender();
    } catch (err) {
      if (wrongPassphrase(err, pass)) return;
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  return [
    alert(t("recovery.warning", { to: r.to_address }), "warning"),
    para(t("recovery.warning_help")),
    statusBlock(r),
    h("section", { "aria-labelledby": "recovery-cancel" }, h("h2", { class: "utrecht-heading-2", id: "recovery-cancel", text: t("recovery.cancel_title") }), f),
  ];
}
