#!/usr/bin/env bash
# build.sh rebuilds web/static from web/frontend: it installs the pinned npm packages when node_modules is
# missing or older than package-lock.json, then bundles with esbuild (build.mjs). Commit what it changes;
# make run and CI serve the committed files and need no npm.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$here/package-lock.json" -nt "$stamp" ]]; then
	(cd "$here" && npm ci --no-audit --no-fund)
fi
node "$here/build.mjs" "$here/../static"
echo "built $(cd "$here/../static" && pwd)"
