//! The GeoJSON shapes this app writes (district boundaries for the map, spaces for download).

use serde::Serialize;

/// `{"type": "FeatureCollection", "features": [...]}`.
#[derive(Serialize)]
pub struct FeatureCollection<F> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<F>,
}

impl<F> FeatureCollection<F> {
    pub fn new(features: Vec<F>) -> Self {
        FeatureCollection { kind: "FeatureCollection", features }
    }
}

/// A feature with an optional `id`, a geometry and its properties.
#[derive(Serialize)]
pub struct Feature<'a, C, P> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    geometry: Geometry<C>,
    properties: P,
}

impl<'a, C, P> Feature<'a, C, P> {
    /// `geometry` is the GeoJSON geometry type (`"Point"`, `"MultiPolygon"`) of `coordinates`.
    pub fn new(id: Option<&'a str>, geometry: &'static str, coordinates: C, properties: P) -> Self {
        Feature { kind: "Feature", id, geometry: Geometry { kind: geometry, coordinates }, properties }
    }
}

#[derive(Serialize)]
struct Geometry<C> {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: C,
}
