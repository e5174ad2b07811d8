// storage.js keeps the resident app's one key on this device: its encrypted keystore (keystore.js), in
// IndexedDB, under a fixed database, store and record name. Only the keystore is kept, never the
// passphrase or the plain key: saveKeystore stores what parseKeystore leaves of what it is given. Each call
// opens the database and closes it again, so nothing stays open between calls.
import { parseKeystore } from "./keystore.js";

/** DATABASE_NAME is the IndexedDB database of the wallet. */
export const DATABASE_NAME = "heitje-wallet";
/** STORE_NAME is the object store that holds the keystore. */
export const STORE_NAME = "keystore";
/** RECORD_KEY is the key of the resident app's keystore in STORE_NAME: the app keeps one key. */
export const RECORD_KEY = "resident";

/** KeyExistsError: saveKeystore found a key already stored and left it. Code "key_exists". */
export class KeyExistsError extends Error {
  constructor() {
    super("storage: a key is already stored on this device");
    this.name = "KeyExistsError";
    this.code = "key_exists";
  }
}

/**
 * saveKeystore stores the keystore as this app's key. It never replaces a stored key (a lost key is lost
 * coins): deleteKeystore first, knowingly. The write is durable when the promise resolves.
 * @param {object | string} keystore a version 3 keystore or its JSON text
 * @returns {Promise<void>}
 * @throws {KeyExistsError} when a key is stored already.
 * @throws {MalformedKeystoreError} (keystore.js) when keystore is not a version 3 keystore.
 */
export async function saveKeystore(keystore) {
  const record = parseKeystore(keystore);
  await withStore("readwrite", (store) => store.add(record, RECORD_KEY)).catch((e) => {
    throw e?.name === "ConstraintError" ? new KeyExistsError() : e;
  });
}

/**
 * loadKeystore returns the stored keystore, or null when this device holds no key.
 * @returns {Promise<object | null>}
 */
export async function loadKeystore() {
  const record = await withStore("readonly", (store) => store.get(RECORD_KEY));
  return record ?? null;
}

/**
 * deleteKeystore removes the stored key, if any. Without a backup, the coins of its address are then out
 * of reach: the screens must make sure the resident means it.
 * @returns {Promise<void>}
 */
export async function deleteKeystore() {
  await withStore("readwrite", (store) => store.delete(RECORD_KEY));
}

/**
 * persistStorage asks the browser not to evict this origin's storage (the key with it) when space runs
 * low. It resolves to whether storage is persistent; false when the browser says no or cannot.
 * @returns {Promise<boolean>}
 */
export async function persistStorage() {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

// withStore opens the database, runs one request in a transaction on the store and resolves to the
// request's result once the transaction has committed; the database is closed either way.
async function withStore(mode, request) {
  const db = await openDatabase();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, mode, { durability: "strict" });
      const req = request(tx.objectStore(STORE_NAME));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error);
      tx.onabort = () => reject(tx.error ?? new Error("storage: the transaction was aborted"));
    });
  } finally {
    db.close();
  }
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE_NAME);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error("storage: the wallet database is blocked by another tab"));
  });
}
