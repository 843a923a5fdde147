//! The map: district boundaries as the default (offline) basemap, an optional raster basemap from
//! `config.json`, clustered markers in sync with the list, and a district choropleth mode.
//! Leaflet does the drawing through the thin bindings in `map.js`.

use leptos::html;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{after_paint, effect, tr, Spaces, UiLang, View};
use crate::domain::config::Config;
use crate::domain::coords::{from_wgs84, Crs};
use crate::domain::filter::Outcome;
use crate::domain::model::{LatLng, Status, DISTRICTS};
use crate::domain::url_state::Pane;

#[wasm_bindgen(module = "/src/components/map.js")]
extern "C" {
    type FinderMap;
    #[wasm_bindgen(constructor)]
    fn new() -> FinderMap;
    #[wasm_bindgen(method)]
    fn init(
        this: &FinderMap,
        el: &web_sys::HtmlElement,
        options: &str,
        on_select: &Closure<dyn Fn(String)>,
        on_district: &Closure<dyn Fn(String)>,
        on_tile_failure: &Closure<dyn Fn()>,
    ) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = setMarkers)]
    fn set_markers(this: &FinderMap, markers: &str, fit: bool);
    #[wasm_bindgen(method, js_name = setDistricts)]
    fn set_districts(this: &FinderMap, geojson: &str, districts: &str, choropleth: bool);
    #[wasm_bindgen(method)]
    fn select(this: &FinderMap, id: Option<String>);
    #[wasm_bindgen(method, js_name = setPosition)]
    fn set_position(this: &FinderMap, lat: f64, lng: f64, label: &str);
    #[wasm_bindgen(method, js_name = onMapClick)]
    fn on_map_click(this: &FinderMap, callback: &Closure<dyn Fn(f64, f64)>);
    #[wasm_bindgen(method)]
    fn invalidate(this: &FinderMap);
}

#[derive(Serialize)]
struct Marker<'a> {
    id: &'a str,
    name: &'a str,
    lat: f64,
    lng: f64,
    certified: bool,
}

#[derive(Serialize)]
struct MapOptions<'a> {
    labels: Labels,
    tile: Option<TileOptions<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Labels {
    map: &'static str,
    boundary_credit: &'static str,
}

#[derive(Serialize)]
struct TileOptions<'a> {
    url: &'a str,
    subdomains: &'a str,
    /// Attribution and approval number as escaped HTML (Leaflet inserts it as markup).
    credit: String,
}

#[derive(Serialize)]
struct DistrictLabel<'a> {
    code: &'a str,
    name: &'a str,
    count: usize,
    lat: f64,
    lng: f64,
}

/// Runs `f` on the map once it is ready; nothing when it is not, or when its panel has gone
/// (work deferred past a frame can outlive the panel, e.g. when a split dataset completes).
fn with_map(map: StoredValue<Option<FinderMap>, LocalStorage>, f: impl FnOnce(&FinderMap)) {
    map.try_with_value(|m| m.as_ref().map(f));
}

/// The tile system's shift for WGS-84 positions (identity without tiles or with WGS-84 tiles).
fn tile_crs(config: &Config) -> Crs {
    config.tiles.as_ref().map_or(Crs::Wgs84, |t| t.crs)
}

/// Whether the screen is wide enough to show the map beside the list.
fn wide_screen() -> bool {
    window().match_media("(min-width: 900px)").ok().flatten().is_some_and(|m| m.matches())
}

/// A position picked on the map, handed to the "near me" controls.
#[derive(Clone, Copy)]
pub struct MapPick(pub RwSignal<Option<LatLng>>);

/// The map panel. It loads Leaflet and the boundaries only once it is first shown.
#[component]
pub fn MapPanel(catalog: Spaces, outcome: Memo<Outcome>, config: Config) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let pick = expect_context::<MapPick>();
    let container = NodeRef::<html::Div>::new();
    let map = StoredValue::new_local(None::<FinderMap>);
    let started = StoredValue::new(false);
    let ready = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let tile_failed = RwSignal::new(false);
    let choropleth = RwSignal::new(false);
    let wide = RwSignal::new(wide_screen());
    let _ = window_event_listener(leptos::ev::resize, move |_| wide.set(wide_screen()));
    let crs = tile_crs(&config);
    let shift = move |p: LatLng| from_wgs84(p, crs);
    let super::Shapes(parsed) = expect_context();
    let shown = move || view.with(|v| v.pane == Pane::Map || (wide.get() && v.pane == Pane::List));

    // Create the map the first time it is shown.
    let options = {
        let config = config.clone();
        move || {
            let t = lang.texts();
            let tile = config.tiles.as_ref().map(|tl| TileOptions { url: &tl.url, subdomains: &tl.subdomains, credit: tl.credit_html() });
            serde_json::to_string(&MapOptions { labels: Labels { map: t.map_label, boundary_credit: t.boundary_credit }, tile })
                .unwrap_or_default()
        }
    };
    effect(move || {
        if !shown() || started.get_value() {
            return;
        }
        let Some(el) = container.get() else { return };
        started.set_value(true);
        // Leaflet is fetched and started once the list has painted, not in competition with it.
        let options = options();
        after_paint(move || {
            let m = FinderMap::new();
            let on_select = Closure::<dyn Fn(String)>::new(move |id: String| view.update(|v| v.space = Some(id)));
            let on_district = Closure::<dyn Fn(String)>::new(move |code: String| {
                if choropleth.get_untracked() {
                    view.update(|v| {
                        if v.filter.districts == [code.clone()] {
                            v.filter.districts.clear();
                        } else {
                            v.filter.districts = vec![code];
                        }
                    });
                }
            });
            let on_tile_failure = Closure::<dyn Fn()>::new(move || tile_failed.set(true));
            let on_click = Closure::<dyn Fn(f64, f64)>::new(move |lat: f64, lng: f64| {
                // Clicks come in the tile system; positions are kept in WGS-84.
                let p = crate::domain::coords::to_wgs84(LatLng { lat, lng }, crs);
                pick.0.set(Some(p));
            });
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
                        if map.try_set_value(Some(m)).is_none() {
                            ready.try_set(true);
                        }
                    }
                    Err(e) => {
                        leptos::logging::warn!("map: {e:?}");
                        failed.try_set(true);
                    }
                }
            });
        });
    });

    // Markers follow the filtered list; the view fits them when the list changes.
    let indices = Memo::new(move |_| outcome.with(|o| o.indices.clone()));
    effect({
        move || {
            if !ready.get() {
                return;
            }
            indices.track();
            // The markers are written out after the list has painted (at 20 000 spaces ~10 ms).
            let catalog = catalog.get();
            after_paint(move || {
                let Some(json) = indices.try_with_untracked(|ix| {
                    let markers: Vec<Marker> = ix
                        .iter()
                        .map(|&i| {
                            let s = &catalog.spaces[i];
                            let p = shift(s.location);
                            Marker { id: &s.id, name: &s.name, lat: p.lat, lng: p.lng, certified: s.status == Status::Certified }
                        })
                        .collect();
                    serde_json::to_string(&markers).unwrap_or_default()
                }) else {
                    return;
                };
                with_map(map, |m| m.set_markers(&json, true));
            });
        }
    });

    // The shapes (in the tile system) and each district's label point change only with the
    // boundaries, not with every filter change.
    let drawn = Memo::new(move |_| {
        parsed.with(|b| {
            let b = b.as_ref()?;
            let points: Vec<Option<LatLng>> = DISTRICTS.iter().map(|d| b.representative_point(d.code).map(shift)).collect();
            Some((b.to_geojson(shift), points))
        })
    });
    // Boundaries, names and (in choropleth mode) counts under the current filters.
    effect(move || {
        if !ready.get() {
            return;
        }
        let l = lang.0.get();
        let counts = outcome.with(|o| o.facets.districts);
        let on = choropleth.get();
        drawn.with(|drawn| {
            let Some((geojson, points)) = drawn else { return };
            let labels: Vec<DistrictLabel> = DISTRICTS
                .iter()
                .zip(counts)
                .zip(points)
                .filter_map(|((d, count), p)| p.map(|p| DistrictLabel { code: d.code, name: l.district(d), count, lat: p.lat, lng: p.lng }))
                .collect();
            let json = serde_json::to_string(&labels).unwrap_or_default();
            let geojson = geojson.clone();
            after_paint(move || with_map(map, |m| m.set_districts(&geojson, &json, on)));
        });
    });

    // The selected space and the person's position, each only when it changes (not with every
    // filter change).
    let selected = Memo::new(move |_| view.with(|v| v.space.clone()));
    effect(move || {
        let id = selected.get();
        if ready.get() {
            with_map(map, |m| m.select(id));
        }
    });
    let near = Memo::new(move |_| view.with(|v| v.filter.near));
    effect(move || {
        let near = near.get();
        let label = lang.texts().your_position;
        if ready.get() {
            with_map(map, |m| match near.map(shift) {
                Some(p) => m.set_position(p.lat, p.lng, label),
                None => m.set_position(f64::NAN, f64::NAN, label),
            });
        }
    });
    // Leaflet measures its container: tell it when the container appears on a phone. Only then:
    // measuring forces the browser to lay the page out (~2 ms at 1280 px, in the frame of every
    // filter change when this followed the whole view).
    let pane = Memo::new(move |_| view.with(|v| v.pane));
    effect(move || {
        let _ = (pane.get(), wide.get());
        if ready.get_untracked() {
            request_animation_frame(move || with_map(map, |m| m.invalidate()));
        }
    });

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

/// Switches between the list, the map (narrow screens; wide ones show both) and the overview.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    let button = move |pane: Pane, label: fn(&crate::domain::i18n::Texts) -> &'static str| {
        view! {
            <button type="button" class=move || format!("toggle pane-{pane:?}").to_ascii_lowercase() aria-pressed=move || view.with(|v| v.pane == pane).to_string()
                on:click=move |_| view.update(|v| v.pane = pane)>
                {move || label(t())}
            </button>
        }
    };
    view! {
        <div class="view-toggle" role="group" aria-label=tr(|t| t.view_as)>
            {button(Pane::List, |t| t.list)}
            {button(Pane::Map, |t| t.map)}
            {button(Pane::Stats, |t| t.overview)}
        </div>
    }
}
