// sign.js signs what the Heerlens Heitje API hands out the way a standard wallet does, with ethers v6.
// It reads one JSON object on stdin:
//   {"privateKey": "0x…", "typedData": {types, primaryType, domain, message}}  eth_signTypedData_v4 (EIP-712)
//   {"privateKey": "0x…", "message": "…"}                                        personal_sign (EIP-191)
// and writes {"address", "signature", "digest"} on stdout. The typed data is signed as served: the domain
// and message go to ethers untouched; only EIP712Domain leaves types, as wallets do (ethers derives the
// domain's type from the domain's own keys and refuses an EIP712Domain entry). Any refusal exits non-zero
// with ethers' message on stderr.
'use strict';

const { Wallet, TypedDataEncoder, hashMessage } = require('ethers');

async function main() {
  let input = '';
  for await (const chunk of process.stdin) {
    input += chunk;
  }
  const req = JSON.parse(input);
  const wallet = new Wallet(req.privateKey);
  let signature;
  let digest;
  if (req.typedData !== undefined) {
    const { types, primaryType, domain, message } = req.typedData;
    const { EIP712Domain, ...messageTypes } = types;
    const inferred = TypedDataEncoder.from(messageTypes).primaryType;
    if (inferred !== primaryType) {
      throw new Error(`primaryType is ${JSON.stringify(primaryType)}, but the types make ${JSON.stringify(inferred)} the primary type`);
    }
    digest = TypedDataEncoder.hash(domain, messageTypes, message);
    signature = await wallet.signTypedData(domain, messageTypes, message);
  } else if (typeof req.message === 'string') {
    digest = hashMessage(req.message);
    signature = await wallet.signMessage(req.message);
  } else {
    throw new Error('want typedData or message');
  }
  process.stdout.write(JSON.stringify({ address: wallet.address, signature, digest }) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
