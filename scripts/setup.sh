#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: a second run prints nothing and takes seconds.
# Usage: scripts/setup.sh [build|test]   (test also installs the browser and nginx)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null | sed -n 's/^version = "\(.*\)"/\1/p')
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { echo "setup: $*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (several minutes, once)"
  # not --locked: a locked dependency of the CLI has left the index (see ../shared/TOOLCHAIN.md)
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force --quiet
fi

WASM_TOOLS_VERSION=1.263.0
if [ "${1:-build}" = test ] && [ "$(wasm-tools --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_TOOLS_VERSION" ]; then
  say "installing wasm-tools $WASM_TOOLS_VERSION, to check the wasm against the support floor (a few minutes, once)"
  cargo install wasm-tools --version "$WASM_TOOLS_VERSION" --locked --quiet
fi

if [ ! -x node_modules/.bin/wasm-opt ] || ! cmp -s package-lock.json node_modules/.package-lock.json.copy 2>/dev/null; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.copy
fi

# The build prerenders the first screen in headless Chromium (scripts/prerender.mjs) and
# precompresses with zopfli (scripts/precompress.mjs); the tests also need CJK fonts for their
# screenshots, nginx and pdftotext.
packages=(chromium zopfli)
if [ "${1:-build}" = test ]; then packages+=(fonts-noto-cjk nginx libnginx-mod-http-brotli-static poppler-utils); fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
