//! The map: district boundaries as the default (offline) basemap, an optional raster basemap from
//! `config.json`, clustered markers in step with the list, and a district choropleth mode.
//! Leaflet does the drawing through the bindings in [`leaflet`].

mod leaflet;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::nav::Nav;
use super::{after_paint, effect, tr, Shapes, UiLang};
use crate::domain::config::Config;
use crate::domain::coords::{from_wgs84, to_wgs84, Crs};
use crate::domain::filter::{Catalog, Outcome};
use crate::domain::model::{LatLng, Status, DISTRICTS};
use crate::domain::url_state::Pane;
use leaflet::{DistrictLabel, FinderMap, Labels, MapOptions, Marker, TileOptions};

/// A position picked on the map, handed to the "near me" controls.
#[derive(Clone, Copy)]
pub struct MapPick(pub RwSignal<Option<LatLng>>);

/// The map once Leaflet has drawn it, and the coordinate system of its tiles.
#[derive(Clone, Copy)]
struct Drawn {
    map: StoredValue<Option<FinderMap>, LocalStorage>,
    ready: RwSignal<bool>,
    crs: Crs,
}

impl Drawn {
    /// Runs `f` on the map once it is ready; nothing when it is not, or when its panel has gone
    /// (work deferred past a frame can outlive the panel).
    fn with(self, f: impl FnOnce(&FinderMap)) {
        self.map.try_with_value(|m| m.as_ref().map(f));
    }

    /// A WGS-84 position in the tiles' system (identity without tiles or with WGS-84 tiles).
    fn shift(self, p: LatLng) -> LatLng {
        from_wgs84(p, self.crs)
    }
}

/// Whether the screen is wide enough to show the map beside the list.
fn wide_screen() -> bool {
    window().match_media("(min-width: 900px)").ok().flatten().is_some_and(|m| m.matches())
}

/// The map panel. It loads Leaflet only once it is first shown.
#[component]
pub fn MapPanel(outcome: Memo<Outcome>, config: Config) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let container = NodeRef::<html::Div>::new();
    let crs = config.tiles.as_ref().map_or(Crs::Wgs84, |t| t.crs);
    let drawn = Drawn { map: StoredValue::new_local(None), ready: RwSignal::new(false), crs };
    let failed = RwSignal::new(false);
    let tile_failed = RwSignal::new(false);
    let choropleth = RwSignal::new(false);
    let wide = RwSignal::new(wide_screen());
    let _ = window_event_listener(leptos::ev::resize, move |_| wide.set(wide_screen()));
    let shown = move || nav.with(|v| v.pane == Pane::Map || (wide.get() && v.pane == Pane::List));
    let started = StoredValue::new(false);
    effect(move || {
        if shown() && !started.get_value() {
            if let Some(el) = container.get() {
                started.set_value(true);
                start(el, &config, drawn, choropleth, failed, tile_failed);
            }
        }
    });
    follow_markers(drawn, outcome);
    follow_districts(drawn, outcome, choropleth);
    follow_selection(drawn, wide);
    view! {
        <section class="map-panel" aria-labelledby="map-heading">
            <div class="map-bar">
                <h2 id="map-heading">{tr(|t| t.map)}</h2>
                <label class="check inline">
                    <input type="checkbox" prop:checked=move || choropleth.get() on:change=move |_| choropleth.update(|c| *c = !*c) />
                    <span>{tr(|t| t.choropleth)}</span>
                </label>
            </div>
            {move || tile_failed.get().then(|| view! { <p class="notice" role="status">{tr(|t| t.tiles_failed)}</p> })}
            {move || failed.get().then(|| view! { <p class="notice" role="alert">{tr(|t| t.map_failed)}</p> })}
            {move || choropleth.get().then(|| view! { <p class="hint">{tr(|t| t.choropleth_hint)}</p> })}
            <div class="map" node_ref=container tabindex="0" role="region"></div>
            <p class="hint">{tr(|t| t.map_hint)}</p>
        </section>
    }
}

/// Creates the map in `el` once the list has painted (Leaflet is fetched then, not in
/// competition with the list), with its callbacks: a marker opens its space, a district (in
/// choropleth mode) becomes the only district chosen, a click picks a position.
fn start(
    el: web_sys::HtmlDivElement,
    config: &Config,
    drawn: Drawn,
    choropleth: RwSignal<bool>,
    failed: RwSignal<bool>,
    tile_failed: RwSignal<bool>,
) {
    let nav = expect_context::<Nav>();
    let MapPick(pick) = expect_context();
    let t = expect_context::<UiLang>().texts();
    let tile =
        config.tiles.as_ref().map(|tl| TileOptions { url: &tl.url, subdomains: &tl.subdomains, credit: crate::html::escape(&tl.credit()) });
    let options = serde_json::to_string(&MapOptions { labels: Labels { map: t.map_label, boundary_credit: t.boundary_credit }, tile })
        .unwrap_or_default();
    after_paint(move || {
        let m = FinderMap::new();
        let on_select = Closure::<dyn Fn(String)>::new(move |id: String| nav.push(|v| v.space = Some(id)));
        let on_district = Closure::<dyn Fn(String)>::new(move |code: String| {
            let Some(d) = crate::domain::model::district(&code).filter(|_| choropleth.get_untracked()) else { return };
            nav.push(|v| v.filter.districts = if v.filter.districts == [d] { Vec::new() } else { vec![d] });
        });
        let on_tile_failure = Closure::<dyn Fn()>::new(move || tile_failed.set(true));
        // Clicks come in the tile system; positions are kept in WGS-84.
        let on_click = Closure::<dyn Fn(f64, f64)>::new(move |lat: f64, lng: f64| pick.set(Some(to_wgs84(LatLng { lat, lng }, drawn.crs))));
        let promise = m.init(&el, &options, &on_select, &on_district, &on_tile_failure);
        // The map lives as long as the page; so do its callbacks.
        on_select.forget();
        on_district.forget();
        on_tile_failure.forget();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    m.on_map_click(&on_click);
                    on_click.forget();
                    // The panel may have gone while Leaflet loaded.
                    if drawn.map.try_set_value(Some(m)).is_none() {
                        drawn.ready.try_set(true);
                    }
                }
                Err(e) => {
                    leptos::logging::warn!("map: {e:?}");
                    failed.try_set(true);
                }
            }
        });
    });
}

/// Markers follow the list (the view fits them when it changes), once the list has painted. The
/// map is given each catalog's spaces once, then the positions of the spaces found, both from the
/// one outcome they were computed for: its positions point into its own catalog.
fn follow_markers(drawn: Drawn, outcome: Memo<Outcome>) {
    let sent = StoredValue::new_local(None::<Arc<Catalog>>);
    let same_spaces = |a: Option<&Outcome>, b: Option<&Outcome>| match (a, b) {
        (Some(a), Some(b)) => !(Arc::ptr_eq(&a.catalog, &b.catalog) && a.indices == b.indices),
        _ => true,
    };
    let listed = Memo::new_with_compare(move |_| outcome.get(), same_spaces);
    effect(move || {
        if !drawn.ready.get() {
            return;
        }
        let found = listed.get();
        after_paint(move || {
            let known = sent.try_with_value(|s| s.as_ref().is_some_and(|c| Arc::ptr_eq(c, &found.catalog))).unwrap_or(true);
            if !known {
                let spaces: Vec<Marker> = found
                    .catalog
                    .spaces
                    .iter()
                    .map(|s| {
                        let p = drawn.shift(s.location);
                        Marker { id: &s.id, name: &s.name, lat: p.lat, lng: p.lng, certified: s.status == Status::Certified }
                    })
                    .collect();
                let json = serde_json::to_string(&spaces).unwrap_or_default();
                drawn.with(|m| m.set_spaces(&json));
                sent.try_set_value(Some(found.catalog.clone()));
            }
            let positions: Vec<u32> = found.indices.iter().map(|&i| i as u32).collect();
            drawn.with(|m| m.show(&positions, true));
        });
    });
}

/// Boundaries, names and (in choropleth mode) counts under the current filters. The shapes (in
/// the tile system) and each district's label point change only with the boundaries.
fn follow_districts(drawn: Drawn, outcome: Memo<Outcome>, choropleth: RwSignal<bool>) {
    let Shapes(parsed) = expect_context();
    let lang = expect_context::<UiLang>();
    let shapes = Memo::new(move |_| {
        parsed.with(|b| {
            let b = b.as_ref()?;
            let points: Vec<Option<LatLng>> = DISTRICTS.iter().map(|d| b.representative_point(d.code).map(|p| drawn.shift(p))).collect();
            Some((b.to_geojson(|p| drawn.shift(p)), points))
        })
    });
    effect(move || {
        if !drawn.ready.get() {
            return;
        }
        let l = lang.0.get();
        let counts = outcome.with(|o| o.facets.districts);
        let on = choropleth.get();
        shapes.with(|shapes| {
            let Some((geojson, points)) = shapes else { return };
            let labels: Vec<DistrictLabel> = DISTRICTS
                .iter()
                .zip(counts)
                .zip(points)
                .filter_map(|((d, count), p)| p.map(|p| DistrictLabel { code: d.code, name: l.district(d), count, lat: p.lat, lng: p.lng }))
                .collect();
            let json = serde_json::to_string(&labels).unwrap_or_default();
            let geojson = geojson.clone();
            after_paint(move || drawn.with(|m| m.set_districts(&geojson, &json, on)));
        });
    });
}

/// The selected space, the person's position (each only when it changes, not with every filter
/// change), and the container's size when it appears on a phone.
fn follow_selection(drawn: Drawn, wide: RwSignal<bool>) {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let selected = Memo::new(move |_| nav.with(|v| v.space.clone()));
    effect(move || {
        let id = selected.get();
        if drawn.ready.get() {
            drawn.with(|m| m.select(id));
        }
    });
    let near = Memo::new(move |_| nav.with(|v| v.filter.near));
    effect(move || {
        let p = near.get().map(|p| drawn.shift(p)).unwrap_or(LatLng { lat: f64::NAN, lng: f64::NAN });
        let label = lang.texts().your_position;
        if drawn.ready.get() {
            drawn.with(|m| m.set_position(p.lat, p.lng, label));
        }
    });
    // Measuring forces the browser to lay the page out: only when the pane or the width changes.
    let pane = Memo::new(move |_| nav.with(|v| v.pane));
    effect(move || {
        let _ = (pane.get(), wide.get());
        if drawn.ready.get_untracked() {
            request_animation_frame(move || drawn.with(|m| m.invalidate()));
        }
    });
}
