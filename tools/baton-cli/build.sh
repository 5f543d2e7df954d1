#!/usr/bin/env bash
# Builds, for the interop tests, from this Go module (baton-sdk v0.25.0):
#   bin/baton       the official `baton` CLI, which reads our c1z files back;
#   bin/c1zfixture  our small program that writes a v1 (SQLite) c1z through the Go SDK's own store.
# Idempotent: each binary is rebuilt only when its inputs change (a stamp file per binary holds their hash).
# Needs Go >= 1.25 and the Go module proxy (or a warm module cache).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# build <output name> <package> <input files...>
build() {
  local name=$1 pkg=$2
  shift 2
  local out="$here/bin/$name"
  local stamp="$here/bin/.$name.built-from"
  local want
  want=$(cat "$@" | sha256sum | cut -d' ' -f1)
  if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: the Go toolchain is needed to build $name for the interop tests; install Go 1.25 or newer" >&2
    exit 1
  fi
  mkdir -p "$here/bin"
  echo "building $name ($pkg, baton-sdk v0.25.0) into $out ..." >&2
  # A per-process temp name: two builds running at once never write the same file.
  (cd "$here" && go build -trimpath -o "$out.$$.tmp" "$pkg")
  mv "$out.$$.tmp" "$out"
  echo "$want" > "$stamp"
}

# The goqu fork named by baton-sdk's replace line is served by the proxy but has no checksum-database
# entry; go.sum pins its hash instead.
export GONOSUMDB="${GONOSUMDB:+$GONOSUMDB,}github.com/ductone"

build baton github.com/conductorone/baton-sdk/cmd/baton "$here/go.mod" "$here/go.sum"
build c1zfixture ./c1zfixture "$here/go.mod" "$here/go.sum" "$here"/c1zfixture/*.go
