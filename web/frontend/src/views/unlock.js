// Opening this phone's stored key with its passphrase, for the screens that sign with it: paying, binding a key
// made before, and cancelling a recovery of its address. The private key exists only while use runs.
import { t } from "../i18n.js";
import { fieldError } from "../ui.js";
import { decryptKeystore } from "../wallet/keystore.js";

// withStoredKey opens stored with the passphrase typed into pass and hands the private key to use, zeroing it
// afterwards whatever use does. A wrong passphrase throws the keystore's error (code "wrong_passphrase").
export async function withStoredKey(stored, pass, use) {
  const { privateKey } = await decryptKeystore(stored, pass.input.value);
  try {
    return await use(privateKey);
  } finally {
    privateKey.fill(0);
  }
}

// wrongPassphrase marks the passphrase field and moves the focus there when err is a wrong passphrase, and
// says whether it was.
export function wrongPassphrase(err, pass) {
  if (err?.code !== "wrong_passphrase") return false;
  fieldError(pass, t("key.wrong_passphrase"));
  pass.input.focus();
  return true;
}
