#!/usr/bin/env bash
# Builds the Go vulnerability database that `make vulncheck` hands to govulncheck (-db file://…), from the
# golang.org/x/vulndb module as the Go module proxy serves it: vuln.go.dev need not be reachable. The module
# (25 MB zip, 67 MB unpacked) holds every advisory as an OSV file in data/osv; its own cmd/indexdb writes them
# with the index govulncheck reads (index/db.json, index/modules.json, index/vulns.json, ID/GO-….json).
# The first build downloads indexdb's dependencies (about 125 MB) and compiles it (one to four minutes on two
# cores); after that the database in OUT (40 MB) is kept and this script returns at once.
#
#   bash tools/vulndb.sh VERSION OUT      e.g. v0.0.0-20261105234957-e22db6528018 bin/vulndb/v0.0.0-…
set -euo pipefail
if [ $# -ne 2 ]; then
	echo "usage: $0 VULNDB_VERSION OUT_DIR" >&2
	exit 2
fi
version=$1
out=$2
go=${GO:-go}

if [ -f "$out/index/modules.json" ]; then
	exit 0
fi
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
# The go commands below need no module of ours (and outside one, go.mod's Go version does not apply).
cd /

dir=$("$go" mod download -json "golang.org/x/vulndb@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ ! -d "$dir/data/osv" ]; then
	echo "$0: golang.org/x/vulndb@$version has no data/osv folder (module at '$dir')" >&2
	exit 1
fi

# Written beside OUT and renamed into place, so that an interrupted build leaves no half database behind.
tmp="$out.tmp.$$"
trap 'rm -rf "$tmp"' EXIT
echo "building the vulnerability database of golang.org/x/vulndb@$version into $out"
"$go" run "golang.org/x/vulndb/cmd/indexdb@$version" -vulns "$dir/data/osv" -out "$tmp"
rm -rf "$out"
mv "$tmp" "$out"
