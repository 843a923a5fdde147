//! The Rust side of the thin Leaflet bindings in `leaflet.js`: the map object, and the shapes of
//! the JSON handed to it.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/components/map/leaflet.js")]
extern "C" {
    pub type FinderMap;
    #[wasm_bindgen(constructor)]
    pub fn new() -> FinderMap;
    /// Loads Leaflet (once), then creates the map in `el`; resolves when it is drawn.
    #[wasm_bindgen(method)]
    pub fn init(
        this: &FinderMap,
        el: &web_sys::HtmlElement,
        options: &str,
        on_select: &Closure<dyn Fn(String)>,
        on_district: &Closure<dyn Fn(String)>,
        on_tile_failure: &Closure<dyn Fn()>,
    ) -> js_sys::Promise;
    /// Every space of a catalog (JSON: [`Marker`]s, in the catalog's order).
    #[wasm_bindgen(method, js_name = setSpaces)]
    pub fn set_spaces(this: &FinderMap, spaces: &str);
    /// Shows the spaces at these positions of the catalog last set; `fit` zooms to them.
    #[wasm_bindgen(method)]
    pub fn show(this: &FinderMap, positions: &[u32], fit: bool);
    /// The district shapes (GeoJSON) and labels (JSON: [`DistrictLabel`]s), shaded by count in
    /// choropleth mode.
    #[wasm_bindgen(method, js_name = setDistricts)]
    pub fn set_districts(this: &FinderMap, geojson: &str, districts: &str, choropleth: bool);
    #[wasm_bindgen(method)]
    pub fn select(this: &FinderMap, id: Option<String>);
    /// The person's position (NaN: none).
    #[wasm_bindgen(method, js_name = setPosition)]
    pub fn set_position(this: &FinderMap, lat: f64, lng: f64, label: &str);
    #[wasm_bindgen(method, js_name = onMapClick)]
    pub fn on_map_click(this: &FinderMap, callback: &Closure<dyn Fn(f64, f64)>);
    /// Measures the container again (after it was hidden).
    #[wasm_bindgen(method)]
    pub fn invalidate(this: &FinderMap);
}

#[derive(Serialize)]
pub struct Marker<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub lat: f64,
    pub lng: f64,
    pub certified: bool,
}

#[derive(Serialize)]
pub struct MapOptions<'a> {
    pub labels: Labels,
    pub tile: Option<TileOptions<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    pub map: &'static str,
    pub boundary_credit: &'static str,
}

#[derive(Serialize)]
pub struct TileOptions<'a> {
    pub url: &'a str,
    pub subdomains: &'a str,
    /// Attribution and approval number as escaped HTML (Leaflet inserts it as markup).
    pub credit: String,
}

#[derive(Serialize)]
pub struct DistrictLabel<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub count: usize,
    pub lat: f64,
    pub lng: f64,
}
