// wallet_entry.js is the entry of the bundle that web/wallet_browser_test.go loads into a page of its own:
// it puts the wallet modules on globalThis.heitjeWallet, so the test can call them and compare what they
// give with go-ethereum. It is never part of the app's build.
import * as eip712 from "../src/wallet/eip712.js";
import * as hex from "../src/wallet/hex.js";
import * as keys from "../src/wallet/keys.js";
import * as keystore from "../src/wallet/keystore.js";
import * as sign from "../src/wallet/sign.js";
import * as storage from "../src/wallet/storage.js";

globalThis.heitjeWallet = { eip712, hex, keys, keystore, sign, storage };
