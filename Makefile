# 善城地图 · Guangzhou Charity Space Finder
#   make serve   install what is missing, build, serve dist/ as deployed (nginx, deploy/nginx.conf)
#                on http://127.0.0.1:$(PORT)/ztzl/csmap/
#   make dev     trunk's development server with live reload (not what ships)
#   make test    install what is missing, run every check (what CI runs)
#   make build   the deployable static bundle in dist/ (PUBLIC_URL=/sub/path/ for a sub-path)
#   make bench   benchmarks (not part of make test)
#   make data    regenerate the sample dataset and check it

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
PUBLIC_URL ?= ./
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup setup-test build serve dev test lint unit e2e size floor data bench clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	trunk build --release --public-url "$(PUBLIC_URL)"
	node scripts/post-build.mjs
	cargo run --quiet --bin spaces -- static-list dist/data/spaces.json --out dist
	node scripts/prerender.mjs
	node scripts/precompress.mjs

serve: setup-test build
	@scripts/serve.sh

dev: setup
	trunk serve --port "$(PORT)" --address 127.0.0.1 --public-url "$(PUBLIC_URL)"

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bin app -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --quiet

unit: setup
	cargo run --quiet --bin spaces -- validate public/data/spaces.json
	cargo test

e2e: setup-test build
	node --test --test-concurrency=1 tests/e2e/

size: build
	node scripts/size-report.mjs --check

# The support floor (README): every script the page runs parses as ECMAScript 2020, the wasm
# validates with only the WebAssembly features of Chromium 80 / Safari 15, and the stylesheets use
# nothing those engines lack beyond the degradations listed in scripts/check-css.mjs.
floor: setup-test build
	node scripts/check-syntax.mjs
	scripts/check-wasm.sh
	node scripts/check-css.mjs

test: setup-test lint unit build size floor e2e

data:
	cargo run --quiet --bin spaces -- generate --seed 2021 --count 358 --out public/data/spaces.json
	cargo run --quiet --bin spaces -- validate public/data/spaces.json
	cargo run --quiet --bin spaces -- stats public/data/spaces.json

bench: setup-test build
	cargo bench --bench core
	mkdir -p bench-data
	test -f bench-data/spaces-20000.json || cargo run --quiet --release --bin spaces -- generate --seed 7 --count 20000 --out bench-data/spaces-20000.json
	test -f bench-data/spaces-100000.json || cargo run --quiet --release --bin spaces -- generate --seed 7 --count 100000 --out bench-data/spaces-100000.json
	node scripts/bench-browser.mjs
	node scripts/size-report.mjs
	node scripts/bench-native-summary.mjs --check

clean:
	rm -rf dist target/wasm32-unknown-unknown tests/output
