// keys.js makes the resident's secp256k1 key on the device and derives its chain address. A private key
// is a Uint8Array of 32 bytes; it never leaves this device unencrypted (see keystore.js and storage.js).
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { toHex } from "./hex.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * generatePrivateKey returns a new random private key: 32 bytes from crypto.getRandomValues, reduced by
 * noble into the valid range 1 … n−1 of secp256k1.
 * @returns {Uint8Array}
 */
export function generatePrivateKey() {
  return secp256k1.utils.randomSecretKey();
}

/**
 * isValidPrivateKey says whether key is 32 bytes that make a secp256k1 private key (not 0, below n).
 * @param {unknown} key
 * @returns {boolean}
 */
export function isValidPrivateKey(key) {
  return key instanceof Uint8Array && key.length === 32 && secp256k1.utils.isValidSecretKey(key);
}

/**
 * privateKeyToAddress returns the chain address of a private key, EIP-55 checksummed ("0xAbC…"); the
 * server stores and compares it in lower case (address.toLowerCase()).
 * @param {Uint8Array} privateKey
 * @returns {string}
 * @throws {TypeError} when privateKey is not a valid private key.
 */
export function privateKeyToAddress(privateKey) {
  if (!isValidPrivateKey(privateKey)) throw new TypeError("privateKeyToAddress: not a secp256k1 private key");
  return publicKeyToAddress(secp256k1.getPublicKey(privateKey, false));
}

/**
 * publicKeyToAddress returns the EIP-55 address of a public key in SEC 1 form (33 bytes compressed or 65
 * uncompressed): the last 20 bytes of keccak256 of its uncompressed x ‖ y.
 * @param {Uint8Array} publicKey
 * @returns {string}
 * @throws {Error} when publicKey is not a point on the curve.
 */
export function publicKeyToAddress(publicKey) {
  const xy = secp256k1.Point.fromBytes(publicKey).toBytes(false).subarray(1);
  return checksumAddress(toHex(keccak_256(xy).subarray(12)));
}

/**
 * checksumAddress writes a 0x address in EIP-55 mixed case. It accepts the address in any case but does
 * not check a checksum it is given (isAddress does).
 * @param {string} address
 * @returns {string}
 * @throws {TypeError} when address is not 0x and 40 hex digits.
 */
export function checksumAddress(address) {
  if (typeof address !== "string" || !ADDRESS.test(address)) throw new TypeError("checksumAddress: not a 0x address");
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(utf8ToBytes(lower));
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

/**
 * isAddress says whether value is a 0x address: 40 hex digits all in lower case, all in upper case, or
 * in mixed case with a correct EIP-55 checksum (a wrong one means a mistyped or damaged address).
 * @param {unknown} value
 * @returns {boolean}
 */
export function isAddress(value) {
  if (typeof value !== "string" || !ADDRESS.test(value)) return false;
  const digits = value.slice(2);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return true;
  return checksumAddress(value) === value;
}
