#!/usr/bin/env bash
# The size floor of this stack (decision 0012): the smallest app built like the finder — Leptos
# CSR, gloo-net, serde_json, the same crate versions (this repo's Cargo.lock), wasm-release
# profile, `erase_components`, wasm-bindgen, wasm-opt -Oz with Trunk's feature flags, zopfli —
# that still does what the finder must do at the least: fetch the dataset, read it, keep a search
# text in a signal and show the matching names. Prints its gzip transfer size (wasm + JS glue).
# Not part of `make test` or `make bench`; takes ~3 minutes. Run `make setup` first.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WORK=${TMPDIR:-/tmp}/charity-finder-size-floor
mkdir -p "$WORK/src"
cp "$ROOT/Cargo.lock" "$WORK/Cargo.lock"
cat > "$WORK/Cargo.toml" <<'EOF'
[package]
name = "size-floor"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
leptos = { version = "0.8.23", features = ["csr"] }
gloo-net = { version = "0.7", default-features = false, features = ["http", "json"] }
wasm-bindgen = "=0.2.130"

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
EOF
cat > "$WORK/src/main.rs" <<'EOF'
use leptos::prelude::*;

#[derive(serde::Deserialize)]
struct Space {
    name: String,
}

#[derive(serde::Deserialize)]
struct Dataset {
    spaces: Vec<Space>,
}

async fn load() -> Result<Dataset, String> {
    let response = gloo_net::http::Request::get("data/spaces.json").send().await.map_err(|e| e.to_string())?;
    let text = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

#[component]
fn App() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let data = LocalResource::new(load);
    let list = Memo::new(move |_| {
        let query = query.get();
        data.with(|d| match d {
            Some(Ok(d)) => d.spaces.iter().filter(|s| s.name.contains(&query)).map(|s| format!("<li>{}</li>", s.name)).collect(),
            _ => String::new(),
        })
    });
    view! {
        <h1>"Finder"</h1>
        <input on:input=move |ev| query.set(event_target_value(&ev)) prop:value=query />
        <Show when=move || data.with(Option::is_none)><p>"Loading"</p></Show>
        <ul inner_html=list></ul>
    }
}

fn main() {
    leptos::mount::mount_to_body(App)
}
EOF
cd "$WORK"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components" cargo build --quiet --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir out target/wasm32-unknown-unknown/release/size-floor.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue out/size-floor_bg.wasm -o out/size-floor_bg.wasm
zopfli --gzip out/size-floor_bg.wasm out/size-floor.js
awk -v w="$(stat -c %s out/size-floor_bg.wasm.gz)" -v j="$(stat -c %s out/size-floor.js.gz)" \
  'BEGIN { printf "size floor: wasm %.1f KB + JS glue %.1f KB = %.1f KB gzip\n", w / 1000, j / 1000, (w + j) / 1000 }'
