#!/usr/bin/env bash
# Builds, for the crypto tests, from this Go module (filippo.io/age, version pinned in go.mod):
#   bin/age          decrypts the age files the Java encryptor writes (X25519, ssh-ed25519, ssh-rsa identities);
#   bin/age-keygen   makes the X25519 identities those tests encrypt to.
# Idempotent: each binary is rebuilt only when go.mod/go.sum change (a stamp file per binary holds their hash).
# Needs Go >= 1.25 and the Go module proxy (or a warm module cache).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# build <output name> <package>
build() {
  local name=$1 pkg=$2
  local out="$here/bin/$name"
  local stamp="$here/bin/.$name.built-from"
  local want
  want=$(cat "$here/go.mod" "$here/go.sum" | sha256sum | cut -d' ' -f1)
  if [ -x "$out" ] && [ "$(cat "$stamp" 2>/dev/null || true)" = "$want" ]; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    echo "error: the Go toolchain is needed to build $name for the crypto tests; install Go 1.25 or newer" >&2
    exit 1
  fi
  mkdir -p "$here/bin"
  echo "building $name ($pkg) into $out ..." >&2
  # A per-process temp name: two builds running at once never write the same file.
  (cd "$here" && go build -trimpath -o "$out.$$.tmp" "$pkg")
  mv "$out.$$.tmp" "$out"
  echo "$want" > "$stamp"
}

build age filippo.io/age/cmd/age
build age-keygen filippo.io/age/cmd/age-keygen
