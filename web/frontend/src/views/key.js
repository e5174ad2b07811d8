// The key: made on this phone, locked with a passphrase the resident chooses, kept only here (IndexedDB),
// and bound to the account by signing the API's challenge. Only the address and that signature leave the
// phone. A backup file (the standard keystore format, which heitje-wallet opens) can be saved, and restored
// on a phone that lacks the key; without a backup, the recovery screen (/herstel) asks the municipality to
// move the coins to a new key.
import { h, uid } from "../dom.js";
import { t } from "../i18n.js";
import { call, ApiError } from "../api.js";
import { reload } from "../session.js";
import { heading, para, field, fieldError, checkbox, button, form, alert, busy, dataList, link, linkButton } from "../ui.js";
import { generatePrivateKey, privateKeyToAddress } from "../wallet/keys.js";
import { encryptKeystore, decryptKeystore, keystoreAddress, MIN_PASSPHRASE_BYTES } from "../wallet/keystore.js";
import { saveKeystore, loadKeystore, persistStorage } from "../wallet/storage.js";
import { personalSign } from "../wallet/sign.js";
import { withStoredKey, wrongPassphrase } from "./unlock.js";

// minPassphrase is the shortest passphrase the app asks for: longer than the keystore's own minimum.
const minPassphrase = Math.max(12, MIN_PASSPHRASE_BYTES);

export async function render({ me, rerender }) {
  const stored = await loadKeystore();
  const storedAddress = stored ? keystoreAddress(stored)?.toLowerCase() : null;
  const bound = me.wallet_address?.toLowerCase() ?? null;
  let body;
  if (bound && storedAddress === bound) body = present(stored, bound);
  else if (bound) body = restore(bound, rerender);
  else if (stored) body = bindStored(stored, rerender);
  else body = create(rerender);
  return h("section", { class: "app-screen" }, heading(t("key.title")), body);
}

// present shows the key this phone holds, and the backup.
function present(stored, address) {
  return [
    alert(t("key.ready"), "ok"),
    dataList([[t("key.address"), h("code", { class: "app-address", text: address })]]),
    para(t("key.lost_warning")),
    backupLink(stored, address),
    h("p", { class: "utrecht-paragraph" }, link(t("key.to_chores"), "/klussen")),
  ];
}

// backupLink is a download of the keystore file: it is locked with the passphrase, and made in the page
// (a blob), not fetched from anywhere.
function backupLink(stored, address) {
  const blob = new Blob([JSON.stringify(stored)], { type: "application/json" });
  return h(
    "p",
    { class: "utrecht-paragraph" },
    h("a", { class: "utrecht-link app-backup", href: URL.createObjectURL(blob), download: `heitje-sleutel-${address.slice(2, 10)}.json`, text: t("key.backup") }),
    " ",
    t("key.backup_help"),
  );
}

// passphraseFields are the passphrase and its repetition for a new key (here and on the recovery screen).
export function passphraseFields() {
  const pass = field({ name: "passphrase", label: t("key.passphrase"), type: "password", autocomplete: "new-password", description: t("key.passphrase_help", { n: minPassphrase }) });
  const again = field({ name: "passphrase2", label: t("key.passphrase_again"), type: "password", autocomplete: "new-password" });
  const check = () => {
    fieldError(pass, "");
    fieldError(again, "");
    if ([...pass.input.value].length < minPassphrase) {
      fieldError(pass, t("key.passphrase_short", { n: minPassphrase }));
      return false;
    }
    if (pass.input.value !== again.input.value) {
      fieldError(again, t("key.passphrase_differs"));
      return false;
    }
    return true;
  };
  return { pass, again, check };
}

// create makes a key, keeps it locked on this phone and binds its address to the account.
function create(rerender) {
  const { pass, again, check } = passphraseFields();
  const understood = checkbox({ name: "understood", label: t("key.understood"), required: true });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("key.create"), { type: "submit" });
  const f = form(t("key.create"), [pass.wrap, again.wrap, understood.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    if (!check()) {
      f.querySelector("[aria-invalid=true]")?.focus();
      return;
    }
    if (!understood.input.checked) {
      status.append(alert(t("key.understood_required"), "error"));
      understood.input.focus();
      return;
    }
    try {
      await busy(submit, async () => {
        const key = generatePrivateKey();
        try {
          const keystore = await encryptKeystore(key, pass.input.value);
          await saveKeystore(keystore);
          await persistStorage();
          await bind(key);
        } finally {
          key.fill(0);
        }
      });
      await reload();
      rerender();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  return [para(t("key.intro")), alert(t("key.lost_warning"), "warning"), f];
}

// bindStored binds a key this phone already holds (made before, when binding did not finish).
function bindStored(stored, rerender) {
  const pass = field({ name: "passphrase", label: t("key.passphrase"), type: "password", autocomplete: "current-password" });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("key.bind"), { type: "submit" });
  const f = form(t("key.bind"), [pass.wrap, status, h("div", { class: "app-actions" }, submit)], async () => {
    status.replaceChildren();
    fieldError(pass, "");
    try {
      await busy(submit, async () => {
        await withStoredKey(stored, pass, bind);
      });
      await reload();
      rerender();
    } catch (err) {
      if (wrongPassphrase(err, pass)) return;
      if (!(err instanceof ApiError)) throw err;
      status.append(alert(err.message, "error"));
    }
  });
  return [para(t("key.bind_intro")), f];
}

// bind asks the API for a challenge, signs it (EIP-191) and sends the address and the signature.
async function bind(privateKey) {
  const challenge = await call("GET", "/v1/me/wallet/challenge");
  const address = privateKeyToAddress(privateKey);
  await call("PUT", "/v1/me/wallet", { body: { address, signature: personalSign(challenge.message, privateKey), nonce: challenge.nonce } });
}

// restore puts a backup of the account's key on this phone: the file must open with its passphrase and
// hold the key of the bound address.
function restore(address, rerender) {
  const id = uid("backup");
  const file = h("input", { class: "app-file", type: "file", id, name: "backup", accept: "application/json,.json" });
  const fileErr = h("p", { class: "utrecht-form-field-error-message", id: `${id}-error`, hidden: true });
  const fileField = { input: file, error: fileErr };
  const pass = field({ name: "passphrase", label: t("key.passphrase"), type: "password", autocomplete: "current-password" });
  const status = h("div", { "aria-live": "polite" });
  const submit = button(t("key.restore"), { type: "submit" });
  const f = form(
    t("key.restore"),
    [
      h(
        "div",
        { class: "utrecht-form-field" },
        h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id, text: t("key.backup_file") })),
        fileErr,
        h("div", { class: "utrecht-form-field__input" }, file),
      ),
      pass.wrap,
      status,
      h("div", { class: "app-actions" }, submit),
    ],
    async () => {
      status.replaceChildren();
      fieldError(fileField, "");
      fieldError(pass, "");
      const chosen = file.files[0];
      if (!chosen) {
        fieldError(fileField, t("key.backup_required"));
        file.focus();
        return;
      }
      try {
        await busy(submit, async () => {
          const text = await chosen.text();
          const { privateKey, address: found } = await decryptKeystore(text, pass.input.value);
          privateKey.fill(0);
          if (found.toLowerCase() !== address) throw Object.assign(new Error("other key"), { code: "other_key" });
          await saveKeystore(text);
          await persistStorage();
        });
        rerender();
      } catch (err) {
        if (err?.code === "wrong_passphrase") fieldError(pass, t("key.wrong_passphrase"));
        else if (err?.code === "malformed_keystore") fieldError(fileField, t("key.not_a_backup"));
        else if (err?.code === "other_key") fieldError(fileField, t("key.other_key"));
        else throw err;
      }
    },
  );
  return [
    alert(t("key.missing_here"), "warning"),
    dataList([[t("key.address"), h("code", { class: "app-address", text: address })]]),
    h("h2", { class: "utrecht-heading-2", text: t("key.restore_title") }),
    para(t("key.restore_intro")),
    f,
    h("h2", { class: "utrecht-heading-2", text: t("key.recover_title") }),
    para(t("key.recover_intro")),
    h("div", { class: "app-actions" }, linkButton(t("key.recover"), "/herstel", "secondary")),
  ];
}
