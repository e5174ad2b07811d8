// hex.js converts between bytes and the 0x-prefixed hex strings that Ethereum data uses (addresses,
// hashes, signatures). It is strict: anything that is not whole bytes of hex after "0x" is refused, so
// a malformed value never turns into different bytes.

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;

/**
 * toHex returns bytes as lower-case hex with a 0x prefix ("0x" for no bytes).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export function toHex(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("toHex: want a Uint8Array");
  let out = "0x";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/**
 * fromHex returns the bytes of a 0x-prefixed hex string (either case). With length, it also demands
 * exactly that many bytes.
 * @param {string} hex
 * @param {number} [length]
 * @returns {Uint8Array}
 * @throws {TypeError} when hex is not a string of 0x and whole hex bytes, or has another length.
 */
export function fromHex(hex, length) {
  if (typeof hex !== "string" || !HEX.test(hex)) throw new TypeError("fromHex: want 0x-prefixed hex of whole bytes");
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  if (length !== undefined && out.length !== length) {
    throw new TypeError(`fromHex: want ${length} bytes, got ${out.length}`);
  }
  return out;
}
