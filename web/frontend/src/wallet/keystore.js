// keystore.js locks the private key with a passphrase into a Web3 Secret Storage (version 3) keystore, the
// JSON format of go-ethereum's accounts/keystore, so the app's backup file opens with heitje-wallet (and
// geth), and a heitje-wallet file opens here. It writes PBKDF2-HMAC-SHA256 (600,000 rounds, WebCrypto)
// with AES-128-CTR and reads that and scrypt (what heitje-wallet and geth write). The MAC is
// keccak256(derivedKey[16:32] ‖ ciphertext); a wrong passphrase is told apart from a damaged file by it.
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, concatBytes, hexToBytes, randomBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { checksumAddress, isValidPrivateKey, privateKeyToAddress } from "./keys.js";

/** PBKDF2_ITERATIONS is the PBKDF2-HMAC-SHA256 round count of the keystores this module writes. */
export const PBKDF2_ITERATIONS = 600000;
/** MIN_PASSPHRASE_BYTES is the shortest passphrase encryptKeystore takes, in UTF-8 bytes, as heitje-wallet. */
export const MIN_PASSPHRASE_BYTES = 8;

// The costliest KDF parameters a file may ask for; more would freeze or crash a phone. For scrypt it is
// geth's standard cost (N = 2^18, r = 8, p = 1: 256 MiB), both in memory (128·N·r) and in work (128·N·r·p).
const MAX_PBKDF2_ITERATIONS = 5000000;
const MAX_SCRYPT_COST = 128 * 8 * 2 ** 18;

/** KeystoreError is the base of the errors below; code says which. */
export class KeystoreError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = "KeystoreError";
    this.code = code;
  }
}

/** WrongPassphraseError: the MAC does not match, so the passphrase is wrong (or the ciphertext altered). Code "wrong_passphrase". */
export class WrongPassphraseError extends KeystoreError {
  constructor() {
    super("wrong_passphrase", "keystore: wrong passphrase");
    this.name = "WrongPassphraseError";
  }
}

/** MalformedKeystoreError: the file is not a version 3 keystore this module can open. Code "malformed_keystore". */
export class MalformedKeystoreError extends KeystoreError {
  constructor(message, options) {
    super("malformed_keystore", `keystore: ${message}`, options);
    this.name = "MalformedKeystoreError";
  }
}

/** WeakPassphraseError: encryptKeystore was given a passphrase shorter than MIN_PASSPHRASE_BYTES. Code "weak_passphrase". */
export class WeakPassphraseError extends KeystoreError {
  constructor() {
    super("weak_passphrase", `keystore: the passphrase needs at least ${MIN_PASSPHRASE_BYTES} bytes`);
    this.name = "WeakPassphraseError";
  }
}

/**
 * encryptKeystore locks privateKey with passphrase into a fresh version 3 keystore: a new 32-byte salt,
 * 16-byte IV and random (version 4) uuid each time. It takes about a second (the PBKDF2 rounds).
 * @param {Uint8Array} privateKey
 * @param {string} passphrase
 * @returns {Promise<object>} the keystore; JSON.stringify it for a backup file
 * @throws {WeakPassphraseError} when the passphrase is too short.
 * @throws {TypeError} when privateKey is not a private key or passphrase not a string.
 */
export async function encryptKeystore(privateKey, passphrase) {
  if (!isValidPrivateKey(privateKey)) throw new TypeError("encryptKeystore: not a secp256k1 private key");
  if (typeof passphrase !== "string") throw new TypeError("encryptKeystore: the passphrase must be a string");
  if (utf8ToBytes(passphrase).length < MIN_PASSPHRASE_BYTES) throw new WeakPassphraseError();
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const kdfparams = { c: PBKDF2_ITERATIONS, dklen: 32, prf: "hmac-sha256", salt: bytesToHex(salt) };
  const dk = await pbkdf2(passphrase, salt, PBKDF2_ITERATIONS, 32);
  try {
    const ciphertext = await aes128ctr("encrypt", dk.subarray(0, 16), iv, privateKey);
    return {
      address: privateKeyToAddress(privateKey).slice(2).toLowerCase(),
      crypto: {
        cipher: "aes-128-ctr",
        ciphertext: bytesToHex(ciphertext),
        cipherparams: { iv: bytesToHex(iv) },
        kdf: "pbkdf2",
        kdfparams,
        mac: bytesToHex(mac(dk, ciphertext)),
      },
      id: uuidV4(),
      version: 3,
    };
  } finally {
    dk.fill(0);
  }
}

/**
 * decryptKeystore opens a version 3 keystore (PBKDF2-HMAC-SHA256 or scrypt, AES-128-CTR) with passphrase.
 * scrypt at geth's standard cost takes seconds on a phone; onProgress(fraction from 0 to 1) reports how far
 * it is (for scrypt only: PBKDF2 runs inside WebCrypto, which does not tell).
 * @param {object | string} keystore the keystore or its JSON text
 * @param {string} passphrase
 * @param {{onProgress?: (fraction: number) => void}} [options]
 * @returns {Promise<{privateKey: Uint8Array, address: string}>} the key and its EIP-55 address
 * @throws {WrongPassphraseError} when the MAC does not match.
 * @throws {MalformedKeystoreError} when the file is not such a keystore, or holds no valid key or another
 *   key than its address field says.
 */
export async function decryptKeystore(keystore, passphrase, options = {}) {
  const ks = parseKeystore(keystore);
  if (typeof passphrase !== "string") throw new TypeError("decryptKeystore: the passphrase must be a string");
  const c = ks.crypto;
  const salt = hexToBytes(c.kdfparams.salt);
  const ciphertext = hexToBytes(c.ciphertext);
  const dk =
    c.kdf === "pbkdf2"
      ? await pbkdf2(passphrase, salt, c.kdfparams.c, c.kdfparams.dklen)
      : await scryptAsync(utf8ToBytes(passphrase), salt, {
          N: c.kdfparams.n,
          r: c.kdfparams.r,
          p: c.kdfparams.p,
          dkLen: c.kdfparams.dklen,
          maxmem: MAX_SCRYPT_COST + 1024 * 1024,
          onProgress: options.onProgress,
        });
  let privateKey;
  try {
    if (!equal(mac(dk, ciphertext), hexToBytes(c.mac))) throw new WrongPassphraseError();
    privateKey = await aes128ctr("decrypt", dk.subarray(0, 16), hexToBytes(c.cipherparams.iv), ciphertext);
  } finally {
    dk.fill(0);
  }
  if (!isValidPrivateKey(privateKey)) throw new MalformedKeystoreError("it holds no valid secp256k1 key");
  const address = privateKeyToAddress(privateKey);
  if (ks.address !== undefined && ks.address !== address.slice(2).toLowerCase()) {
    privateKey.fill(0);
    throw new MalformedKeystoreError("its key is not the key of its address field");
  }
  return { privateKey, address };
}

/**
 * keystoreAddress returns the EIP-55 address a keystore names, without opening it, or null when it names
 * none (its address field is optional; decryptKeystore checks it against the key).
 * @param {object | string} keystore
 * @returns {string | null}
 * @throws {MalformedKeystoreError}
 */
export function keystoreAddress(keystore) {
  const { address } = parseKeystore(keystore);
  return address === undefined ? null : checksumAddress(`0x${address}`);
}

/**
 * parseKeystore checks that keystore is a version 3 keystore this module can open and returns it with
 * nothing but its defined fields (version, id, address when present, crypto with cipher, ciphertext,
 * cipherparams.iv, kdf, kdfparams, mac): anything else a file carries is dropped. Hex is lower-cased,
 * the address has no 0x. storage.js keeps what this returns.
 * @param {object | string} keystore the keystore or its JSON text
 * @returns {object}
 * @throws {MalformedKeystoreError}
 */
export function parseKeystore(keystore) {
  let ks = keystore;
  if (typeof ks === "string") {
    try {
      ks = JSON.parse(ks);
    } catch (e) {
      throw new MalformedKeystoreError("it is not JSON", { cause: e });
    }
  }
  if (!isObject(ks)) bad("it is not a JSON object");
  if (ks.version !== 3) bad("only version 3 keystores are supported");
  if (typeof ks.id !== "string" || !UUID.test(ks.id)) bad("id is not a uuid");
  let address;
  if (ks.address !== undefined && ks.address !== "") {
    if (typeof ks.address !== "string" || !/^(0x)?[0-9a-fA-F]{40}$/.test(ks.address)) bad("address is not an address");
    address = ks.address.replace(/^0x/, "").toLowerCase();
  }
  // geth reads the crypto object case-insensitively; files by some old wallets say "Crypto".
  const c = ks.crypto ?? ks.Crypto;
  if (!isObject(c)) bad("crypto is missing");
  if (c.cipher !== "aes-128-ctr") bad(`the cipher ${JSON.stringify(c.cipher)} is not supported`);
  const ciphertext = hex(c.ciphertext, "ciphertext", 32);
  if (!isObject(c.cipherparams)) bad("cipherparams is missing");
  const iv = hex(c.cipherparams.iv, "cipherparams.iv", 16);
  const macHex = hex(c.mac, "mac", 32);
  const p = c.kdfparams;
  if (!isObject(p)) bad("kdfparams is missing");
  const salt = hex(p.salt, "kdfparams.salt");
  if (salt.length === 0) bad("kdfparams.salt is empty");
  if (!Number.isInteger(p.dklen) || p.dklen < 32 || p.dklen > 64) bad("kdfparams.dklen must be 32 to 64");
  let kdfparams;
  if (c.kdf === "pbkdf2") {
    if (p.prf !== "hmac-sha256") bad(`the PBKDF2 PRF ${JSON.stringify(p.prf)} is not supported`);
    if (!Number.isInteger(p.c) || p.c < 1 || p.c > MAX_PBKDF2_ITERATIONS) bad("kdfparams.c is not a supported round count");
    kdfparams = { c: p.c, dklen: p.dklen, prf: p.prf, salt };
  } else if (c.kdf === "scrypt") {
    const { n, r } = p;
    if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0) bad("kdfparams.n is not a power of 2");
    if (!Number.isInteger(r) || r < 1 || !Number.isInteger(p.p) || p.p < 1) bad("kdfparams.r or p is out of range");
    if (128 * n * r * p.p > MAX_SCRYPT_COST) bad("the scrypt parameters cost more than a phone can give");
    kdfparams = { dklen: p.dklen, n, p: p.p, r, salt };
  } else {
    bad(`the KDF ${JSON.stringify(c.kdf)} is not supported`);
  }
  const out = { crypto: { cipher: c.cipher, ciphertext, cipherparams: { iv }, kdf: c.kdf, kdfparams, mac: macHex }, id: ks.id.toLowerCase(), version: 3 };
  if (address !== undefined) out.address = address;
  return out;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function bad(message) {
  throw new MalformedKeystoreError(message);
}

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// hex checks a keystore hex field (no 0x; length bytes when given) and returns it in lower case.
function hex(value, field, length) {
  if (typeof value !== "string" || !/^(?:[0-9a-fA-F]{2})*$/.test(value)) bad(`${field} is not hex`);
  if (length !== undefined && value.length !== 2 * length) bad(`${field} must be ${length} bytes`);
  return value.toLowerCase();
}

function mac(dk, ciphertext) {
  return keccak_256(concatBytes(dk.subarray(16, 32), ciphertext));
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

async function pbkdf2(passphrase, salt, iterations, dklen) {
  const material = await crypto.subtle.importKey("raw", utf8ToBytes(passphrase), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, dklen * 8);
  return new Uint8Array(bits);
}

async function aes128ctr(direction, key16, iv, data) {
  const key = await crypto.subtle.importKey("raw", key16, { name: "AES-CTR" }, false, [direction]);
  const params = { name: "AES-CTR", counter: iv, length: 128 };
  const out = direction === "encrypt" ? crypto.subtle.encrypt(params, key, data) : crypto.subtle.decrypt(params, key, data);
  return new Uint8Array(await out);
}

// uuidV4 returns a random (version 4, RFC 4122 variant) uuid, as geth's keystore gives each key.
function uuidV4() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
