//! 善城地图 · Guangzhou Charity Space Finder.
//!
//! - [`domain`]: the pure core (model, loading, filtering, search, hours, distance, URL state).
//! - [`html`]: the views drawn as HTML text (cards, details, overview, printed list, page).
//! - `tools` (native only): the data tools behind `cargo run --bin spaces`.
//! - `components` (wasm only): the Leptos components.

pub mod domain;
pub mod html;

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

#[cfg(target_arch = "wasm32")]
pub mod components;
