#!/usr/bin/env bash
# generate.sh rebuilds everything derived from the Solidity source: it installs the pinned npm packages when
# node_modules is missing or older than package-lock.json, compiles HeitjeCoin.sol and PreCheck.sol into build/
# (ABI + bytecode), and regenerates the abigen v2 Go bindings in bindings/. Run it from any directory; commit what it changes.
# abigen comes from the go-ethereum version that go.mod requires, so the bindings match the library they use.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$here/package-lock.json" -nt "$stamp" ]]; then
	(cd "$here" && npm ci --no-audit --no-fund)
fi

node "$here/compile.js" "$here/build"

geth_version="$(cd "$repo" && go list -m -f '{{.Version}}' github.com/ethereum/go-ethereum)"
mkdir -p "$here/bindings"
(cd "$repo" && go run "github.com/ethereum/go-ethereum/cmd/abigen@$geth_version" \
	--v2 \
	--abi "$here/build/HeitjeCoin.abi.json" \
	--bin "$here/build/HeitjeCoin.bin" \
	--pkg bindings \
	--type HeitjeCoin \
	--out "$here/bindings/heitjecoin.go")
gofmt -w "$here/bindings/heitjecoin.go"
echo "generated $here/bindings/heitjecoin.go with abigen $geth_version"
