// sign.js makes the signatures the API checks, as go-ethereum's crypto.Sign with v + 27 does: ECDSA on
// secp256k1 with a deterministic nonce (RFC 6979) and a low s, written as 65 bytes r ‖ s ‖ v with v = 27 or
// 28, in 0x hex. signTypedData signs a payment (EIP-712); personalSign signs the wallet challenge (EIP-191).
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { hashTypedData } from "./eip712.js";
import { fromHex, toHex } from "./hex.js";
import { isValidPrivateKey, publicKeyToAddress } from "./keys.js";

const HALF_N = secp256k1.Point.Fn.ORDER >> 1n;

/**
 * signDigest signs a 32-byte digest as it is (no further hashing).
 * @param {Uint8Array} digest 32 bytes
 * @param {Uint8Array} privateKey
 * @returns {string} 0x and 130 hex digits: r ‖ s ‖ v, v = 27 or 28
 * @throws {TypeError} when digest is not 32 bytes or privateKey is not a private key.
 */
export function signDigest(digest, privateKey) {
  if (!(digest instanceof Uint8Array) || digest.length !== 32) throw new TypeError("signDigest: want a 32-byte digest");
  if (!isValidPrivateKey(privateKey)) throw new TypeError("signDigest: not a secp256k1 private key");
  // noble's "recovered" format is recovery ‖ r ‖ s; Ethereum's is r ‖ s ‖ (27 + recovery).
  const recovered = secp256k1.sign(digest, privateKey, { prehash: false, lowS: true, format: "recovered", extraEntropy: false });
  const out = new Uint8Array(65);
  out.set(recovered.subarray(1), 0);
  out[64] = 27 + recovered[0];
  return toHex(out);
}

/**
 * signTypedData signs EIP-712 typed data (as GET /v1/payment-requests/{id} serves it) with the key.
 * @param {{types: object, primaryType: string, domain: object, message: object}} typedData
 * @param {Uint8Array} privateKey
 * @returns {string} the 65-byte signature in 0x hex
 * @throws {UnsupportedTypedDataError} (eip712.js) when the typed data cannot be hashed.
 */
export function signTypedData(typedData, privateKey) {
  return signDigest(hashTypedData(typedData), privateKey);
}

/**
 * hashMessage returns the EIP-191 personal_sign digest of message: keccak256("\x19Ethereum Signed
 * Message:\n" ‖ byte length in decimal ‖ message). A string is signed as its UTF-8 bytes (a "0x…" string
 * too: it is text, not hex); a Uint8Array as it is.
 * @param {string | Uint8Array} message
 * @returns {Uint8Array} 32 bytes
 */
export function hashMessage(message) {
  let bytes;
  if (typeof message === "string") bytes = utf8ToBytes(message);
  else if (message instanceof Uint8Array) bytes = message;
  else throw new TypeError("hashMessage: want a string or a Uint8Array");
  return keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${bytes.length}`), bytes));
}

/**
 * personalSign signs a message the way personal_sign (EIP-191) does; the API's wallet challenge is
 * signed with it to bind the key's address to the account.
 * @param {string | Uint8Array} message
 * @param {Uint8Array} privateKey
 * @returns {string} the 65-byte signature in 0x hex
 */
export function personalSign(message, privateKey) {
  return signDigest(hashMessage(message), privateKey);
}

/**
 * recoverAddress returns the EIP-55 address whose key made signature over digest, so the app can check a
 * signature before it sends it. Like the coin contract, it refuses a high s.
 * @param {Uint8Array} digest 32 bytes
 * @param {string} signature 0x hex of r ‖ s ‖ v, v = 27, 28, 0 or 1
 * @returns {string}
 * @throws {TypeError} when the signature is malformed or recovers no key.
 */
export function recoverAddress(digest, signature) {
  if (!(digest instanceof Uint8Array) || digest.length !== 32) throw new TypeError("recoverAddress: want a 32-byte digest");
  const sig = fromHex(signature, 65);
  const v = sig[64] >= 27 ? sig[64] - 27 : sig[64];
  if (v > 1) throw new TypeError("recoverAddress: v must be 27 or 28");
  const s = BigInt(toHex(sig.subarray(32, 64)));
  if (s === 0n || s > HALF_N) throw new TypeError("recoverAddress: s is zero or high");
  const recovered = concatBytes(new Uint8Array([v]), sig.subarray(0, 64));
  try {
    return publicKeyToAddress(secp256k1.recoverPublicKey(recovered, digest, { prehash: false }));
  } catch (e) {
    throw new TypeError(`recoverAddress: ${e.message}`);
  }
}
