#!/usr/bin/env bash
# The app's wasm uses only the WebAssembly features of the support floor (README: Chromium 80,
# Safari 15, Firefox ESR 115): mutable globals, sign extension, non-trapping float-to-int, bulk
# memory; no reference types, no multi-value. A dependency or toolchain upgrade that brings a
# newer feature back fails here, not on a resident's phone. wasm-tools is installed by setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
FLOOR="-all,floats,mutable-global,sign-extension,saturating-float-to-int,bulk-memory"
shopt -s nullglob
wasm=(dist/*_bg.wasm)
[ ${#wasm[@]} -gt 0 ] || { echo "check-wasm: no wasm in dist/ (run make build)" >&2; exit 1; }
for w in "${wasm[@]}"; do
  wasm-tools validate --features="$FLOOR" "$w"
done
echo "check-wasm: ${wasm[*]} valid with only: ${FLOOR#-all,}"
