//! Native data tools behind `cargo run --bin spaces`: generate, validate, import, stats.
//! Not compiled for the browser.

pub mod generate;
pub mod import;
pub mod keys;
pub mod stats;
pub mod streets;
pub mod validate;

use crate::domain::model::Dataset;

/// Writes a dataset as JSON with one record per line, so that a diff shows one line per
/// changed space.
pub fn to_json(dataset: &Dataset) -> String {
    let meta = serde_json::to_string(&dataset.meta).unwrap_or_default();
    let spaces: Vec<String> = dataset.spaces.iter().map(|s| serde_json::to_string(s).unwrap_or_default()).collect();
    format!("{{\"meta\":{meta},\n\"spaces\":[\n{}\n]}}\n", spaces.join(",\n"))
}
