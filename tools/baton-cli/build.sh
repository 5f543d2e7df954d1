#!/usr/bin/env bash
# Builds the official `baton` CLI (baton-sdk v0.25.0) into tools/baton-cli/bin/baton for the interop
# tests. Idempotent: rebuilds only when go.mod/go.sum change. Needs Go >= 1.25 and the Go module proxy.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/bin/baton"
stamp="$here/bin/.built-from"
want=$(cat "$here/go.mod" "$here/go.sum" | sha256sum | cut -d' ' -f1)
if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: the Go toolchain is needed to build the baton CLI for the interop tests; install Go 1.25 or newer" >&2
  exit 1
fi
mkdir -p "$here/bin"
echo "building the baton CLI (baton-sdk v0.25.0) into $out ..." >&2
# The goqu fork named by baton-sdk's replace line is served by the proxy but has no checksum-database
# entry; go.sum pins its hash instead.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/ductone"
cd "$here"
go build -trimpath -o "$out.tmp" github.com/conductorone/baton-sdk/cmd/baton
mv "$out.tmp" "$out"
echo "$want" > "$stamp"
