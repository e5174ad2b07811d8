// eip712.js hashes EIP-712 typed data the way go-ethereum's apitypes.TypedDataAndHash and the coin contract
// do, for the typed data as GET /v1/payment-requests/{id} serves it in typed_data: {types, primaryType,
// domain, message}. It supports what the app signs — structs of address, bool, string, bytes, bytes1 …
// bytes32 and uint8 … uint256 fields, and structs of structs — and refuses everything else (arrays, signed
// integers, missing or extra fields, values that do not fit their type) with UnsupportedTypedDataError
// rather than produce a digest that the contract would not recompute.
import { keccak_256 } from "@noble/hashes/sha3.js";
import { concatBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { fromHex } from "./hex.js";
import { isAddress } from "./keys.js";

/** UnsupportedTypedDataError means the typed data cannot be hashed as it is: its code is "unsupported_typed_data". */
export class UnsupportedTypedDataError extends Error {
  constructor(message) {
    super(`typed data: ${message}`);
    this.name = "UnsupportedTypedDataError";
    this.code = "unsupported_typed_data";
  }
}

// The fields an EIP712Domain may have and their types (EIP-712, "Definition of domainSeparator").
const DOMAIN_FIELDS = { name: "string", version: "string", chainId: "uint256", verifyingContract: "address", salt: "bytes32" };
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const UINT = /^uint(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)$/;
const FIXED_BYTES = /^bytes([1-9]|[12][0-9]|3[0-2])$/;
const DECIMAL = /^[0-9]+$/;
const HEX_NUMBER = /^0x[0-9a-fA-F]+$/;

const fail = (message) => {
  throw new UnsupportedTypedDataError(message);
};
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isPlainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * hashTypedData returns the EIP-712 digest that is signed: keccak256(0x19 0x01 ‖ domainSeparator ‖
 * hashStruct(primaryType, message)).
 * @param {{types: object, primaryType: string, domain: object, message: object}} typedData
 * @returns {Uint8Array} 32 bytes
 * @throws {UnsupportedTypedDataError}
 */
export function hashTypedData(typedData) {
  if (!isPlainObject(typedData)) fail("want an object with types, primaryType, domain and message");
  const { types, primaryType, message } = typedData;
  checkTypes(types);
  if (typeof primaryType !== "string" || primaryType === "EIP712Domain" || !has(types, primaryType)) {
    fail(`primaryType ${JSON.stringify(primaryType)} is not a struct in types`);
  }
  return keccak_256(concatBytes(new Uint8Array([0x19, 0x01]), hashDomain(typedData), structHash(primaryType, message, types)));
}

/**
 * hashDomain returns the domain separator: hashStruct("EIP712Domain", domain) with exactly the fields that
 * types.EIP712Domain lists, in its order. A domain key that the type does not list, or a listed field the
 * domain lacks, is refused: hashing either way would not match what the contract checks.
 * @param {{types: object, domain: object}} typedData
 * @returns {Uint8Array} 32 bytes
 * @throws {UnsupportedTypedDataError}
 */
export function hashDomain(typedData) {
  if (!isPlainObject(typedData)) fail("want an object with types and domain");
  const { types, domain } = typedData;
  checkTypes(types);
  if (!has(types, "EIP712Domain")) fail("types lack EIP712Domain");
  for (const { name, type } of types.EIP712Domain) {
    if (!has(DOMAIN_FIELDS, name) || DOMAIN_FIELDS[name] !== type) fail(`EIP712Domain cannot have the field ${type} ${name}`);
  }
  return structHash("EIP712Domain", domain, types);
}

/**
 * hashStruct returns keccak256(typeHash ‖ encodeData(value)) of a value of the struct type typeName.
 * @param {string} typeName
 * @param {object} value
 * @param {object} types
 * @returns {Uint8Array} 32 bytes
 * @throws {UnsupportedTypedDataError}
 */
export function hashStruct(typeName, value, types) {
  checkTypes(types);
  if (typeof typeName !== "string" || !has(types, typeName)) fail(`${JSON.stringify(typeName)} is not a struct in types`);
  return structHash(typeName, value, types);
}

/**
 * encodeType returns the EIP-712 type encoding of typeName: that struct first, then every struct it
 * refers to, directly or not, sorted by name, each as Name(type1 name1,type2 name2,…).
 * @param {string} typeName
 * @param {object} types
 * @returns {string}
 * @throws {UnsupportedTypedDataError}
 */
export function encodeType(typeName, types) {
  checkTypes(types);
  if (typeof typeName !== "string" || !has(types, typeName)) fail(`${JSON.stringify(typeName)} is not a struct in types`);
  return typeEncoding(typeName, types);
}

// typeEncoding is encodeType for types that checkTypes passed.
function typeEncoding(typeName, types) {
  const found = new Set();
  const visit = (name) => {
    for (const { type } of types[name]) {
      if (has(types, type) && type !== typeName && !found.has(type)) {
        found.add(type);
        visit(type);
      }
    }
  };
  visit(typeName);
  // The names are ASCII identifiers (checkTypes), so JavaScript's sort orders them as Go's sort.Strings.
  return [typeName, ...[...found].sort()].map((name) => `${name}(${types[name].map((f) => `${f.type} ${f.name}`).join(",")})`).join("");
}

// checkTypes refuses a types object that is not a map of struct names to lists of {name, type} whose
// types are all supported: an atomic type above or another struct of the map.
function checkTypes(types) {
  if (!isPlainObject(types)) fail("types must be an object");
  for (const [typeName, fields] of Object.entries(types)) {
    if (!IDENTIFIER.test(typeName) || isAtomic(typeName)) fail(`the type name ${JSON.stringify(typeName)} is not an identifier of a struct`);
    if (!Array.isArray(fields)) fail(`${typeName} must list its fields`);
    const names = new Set();
    for (const field of fields) {
      if (!isPlainObject(field) || typeof field.name !== "string" || typeof field.type !== "string") {
        fail(`${typeName} has a field that is not {name, type}`);
      }
      if (!IDENTIFIER.test(field.name) || names.has(field.name)) fail(`${typeName} has a bad or repeated field name ${JSON.stringify(field.name)}`);
      names.add(field.name);
      if (!isAtomic(field.type) && !(has(types, field.type) && field.type !== "EIP712Domain")) {
        fail(`${typeName}.${field.name} has the unsupported type ${JSON.stringify(field.type)}`);
      }
    }
  }
}

function isAtomic(type) {
  return type === "address" || type === "bool" || type === "string" || type === "bytes" || UINT.test(type) || FIXED_BYTES.test(type);
}

function structHash(typeName, value, types) {
  if (!isPlainObject(value)) fail(`the value of ${typeName} must be an object`);
  const fields = types[typeName];
  for (const key of Object.keys(value)) {
    if (!fields.some((f) => f.name === key)) fail(`${typeName} has no field ${JSON.stringify(key)}`);
  }
  const parts = [keccak_256(utf8ToBytes(typeEncoding(typeName, types)))];
  for (const { name, type } of fields) {
    if (!has(value, name)) fail(`${typeName}.${name} is missing`);
    const v = value[name];
    parts.push(has(types, type) ? structHash(type, v, types) : encodeAtomic(type, v, `${typeName}.${name}`));
  }
  return keccak_256(concatBytes(...parts));
}

// encodeAtomic returns the 32-byte encoding of an atomic value: address left-padded, bool and uintN as a
// big-endian 256-bit number, bytesN right-padded, string and bytes as the keccak256 of their bytes.
function encodeAtomic(type, value, where) {
  if (type === "address") {
    if (!isAddress(value)) fail(`${where} is not a 0x address: ${JSON.stringify(value)}`);
    return concatBytes(new Uint8Array(12), fromHex(value));
  }
  if (type === "bool") {
    if (typeof value !== "boolean") fail(`${where} is not a boolean`);
    return uint256Bytes(value ? 1n : 0n);
  }
  if (type === "string") {
    if (typeof value !== "string") fail(`${where} is not a string`);
    return keccak_256(utf8ToBytes(value));
  }
  if (type === "bytes") return keccak_256(bytesValue(value, where));
  const fixed = FIXED_BYTES.exec(type);
  if (fixed) {
    const bytes = bytesValue(value, where);
    if (bytes.length !== Number(fixed[1])) fail(`${where} must be ${fixed[1]} bytes, got ${bytes.length}`);
    const out = new Uint8Array(32);
    out.set(bytes);
    return out;
  }
  const bits = BigInt(UINT.exec(type)[1]);
  const n = integerValue(value, where);
  if (n >= 1n << bits) fail(`${where} does not fit ${type}`);
  return uint256Bytes(n);
}

function bytesValue(value, where) {
  try {
    return fromHex(value);
  } catch {
    return fail(`${where} is not 0x hex bytes`);
  }
}

// integerValue reads an unsigned integer given as a decimal string (as served), a 0x hex string, a bigint,
// or a JSON number that is a safe integer: a larger number has already lost digits in JSON.parse.
function integerValue(value, where) {
  if (typeof value === "bigint") {
    if (value < 0n) fail(`${where} is negative`);
    return value;
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) fail(`${where} is not a non-negative integer that JSON numbers hold exactly: ${value}`);
    return BigInt(value);
  }
  if (typeof value === "string" && (DECIMAL.test(value) || HEX_NUMBER.test(value))) return BigInt(value);
  return fail(`${where} is not an unsigned integer: ${JSON.stringify(value)}`);
}

function uint256Bytes(n) {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0 && n > 0n; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
