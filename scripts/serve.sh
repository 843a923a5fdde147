#!/usr/bin/env bash
# `make serve`: serves dist/ exactly as built and deployed — the prerendered first view, the
# precompressed brotli and gzip files, the CSP — through nginx with deploy/nginx.conf, on
# 127.0.0.1:$PORT under the sub-path of that file. Stop it with Ctrl-C.
# nginx started as root serves as `nobody`, who may not enter the checkout (a clone in /root or
# in a `mktemp -d` directory): it serves a copy of dist/ from a directory anyone can read.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
prefix=$(mktemp -d "${TMPDIR:-/tmp}/csmap-serve-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
chmod 755 "$prefix"
mkdir "$prefix/tmp"
cp -R dist "$prefix/dist"
sed -e "s|__PREFIX__|$prefix|g" -e "s|__PORT__|$PORT|g" -e "s|__DIST__|$prefix/dist|g" \
    -e "s|__FRAME_ANCESTORS__|http://127.0.0.1:*|g" deploy/nginx.conf > "$prefix/nginx.conf"
echo "serving dist/ through nginx at http://127.0.0.1:$PORT/ztzl/csmap/ (Ctrl-C to stop)"
/usr/sbin/nginx -p "$prefix" -c "$prefix/nginx.conf"
