//! The finder's core: plain Rust with no browser types, unit-tested natively.

pub mod boundaries;
pub mod config;
pub mod coords;
pub mod decimal;
pub mod distance;
pub mod export;
pub mod filter;
pub mod geojson;
pub mod holidays;
pub mod hours;
pub mod hsds;
pub mod i18n;
pub mod links;
pub mod load;
pub mod model;
pub mod nearest;
pub mod page;
pub mod places;
pub mod search;
pub mod stats;
pub mod url_state;
