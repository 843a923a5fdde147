//! "Nearest to me": the browser's position (asked for only when the button is pressed), or a
//! district, a street/town or a point on the map; and a radius. The browser's position stays in
//! the page's memory (never in the URL, history, links or snippets; a reload forgets it); a place
//! the person chose is public and goes into the URL (`near=`, `radius=`) to be shared.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::map::MapPick;
use super::{effect, tr, Shapes, Spaces, UiLang, View};
use crate::domain::decimal;
use crate::domain::filter::Sort;
use crate::domain::load::GUANGZHOU_BBOX;
use crate::domain::model::{district, LatLng, DISTRICTS};
use crate::domain::places::streets_of;

/// Radius choices in metres (`None` = any distance).
const RADII: [Option<f64>; 5] = [Some(500.0), Some(1_000.0), Some(3_000.0), Some(5_000.0), None];

/// Where distances are measured from.
#[derive(Debug, Clone, PartialEq)]
enum Origin {
    Link,
    Device,
    District(&'static str),
    Street(String),
    Map,
}

/// What asking the browser for the position came to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Geo {
    Idle,
    Locating,
    Denied,
    Unavailable,
    Timeout,
    Unsupported,
    Outside,
}

/// Positions from the device are rounded to about 10 m: enough to rank spaces, less to reveal.
fn rounded(p: LatLng) -> LatLng {
    LatLng { lat: (p.lat * 1e4).round() / 1e4, lng: (p.lng * 1e4).round() / 1e4 }
}

#[component]
pub fn NearMe(catalog: Spaces) -> impl IntoView {
    let View(view) = expect_context();
    let Shapes(shapes) = expect_context();
    let MapPick(pick) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    let origin = RwSignal::new(view.with_untracked(|v| v.filter.near.map(|_| Origin::Link)));
    let geo = RwSignal::new(Geo::Idle);
    // The streets of the spaces loaded (a split dataset's chosen districts, until it has all).
    let streets = move || catalog.with(|c| streets_of(&c.spaces));

    let set_near = move |p: LatLng, from: Origin| {
        let private = from == Origin::Device;
        origin.set(Some(from));
        view.update(|v| {
            v.filter.near = Some(p);
            v.near_is_private = private;
            v.sort = Sort::Distance;
        });
    };
    // A point clicked on the map becomes the origin.
    effect(move || {
        if let Some(p) = pick.get() {
            geo.set(Geo::Idle);
            set_near(p, Origin::Map);
        }
    });
    // Back/Forward or a link can clear the position.
    effect(move || {
        if view.with(|v| v.filter.near.is_none()) {
            origin.set(None);
        }
    });

    let locate = move |_| {
        let Ok(geolocation) = window().navigator().geolocation() else {
            geo.set(Geo::Unsupported);
            return;
        };
        geo.set(Geo::Locating);
        let success = Closure::once_into_js(move |position: JsValue| {
            let coords = js_sys::Reflect::get(&position, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
            let number = |k: &str| js_sys::Reflect::get(&coords, &k.into()).ok().and_then(|v| v.as_f64());
            let (Some(lat), Some(lng)) = (number("latitude"), number("longitude")) else {
                geo.set(Geo::Unavailable);
                return;
            };
            let p = rounded(LatLng { lat, lng });
            let inside = shapes.with(|b| match b {
                Some(b) => b.locate(p).is_some(),
                None => GUANGZHOU_BBOX.contains(p.lat, p.lng),
            });
            if inside {
                geo.set(Geo::Idle);
                set_near(p, Origin::Device);
            } else {
                geo.set(Geo::Outside);
            }
        });
        let failure = Closure::once_into_js(move |error: JsValue| {
            let code = js_sys::Reflect::get(&error, &"code".into()).ok().and_then(|v| v.as_f64()).unwrap_or(2.0);
            geo.set(match code as u8 {
                1 => Geo::Denied,
                3 => Geo::Timeout,
                _ => Geo::Unavailable,
            });
        });
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        options.set_maximum_age(60_000);
        if geolocation
            .get_current_position_with_error_callback_and_options(success.unchecked_ref(), Some(failure.unchecked_ref()), &options)
            .is_err()
        {
            geo.set(Geo::Unsupported);
        }
    };

    let message = move || {
        let t = t();
        match geo.get() {
            Geo::Idle | Geo::Locating => None,
            Geo::Denied => Some(t.geo_denied),
            Geo::Unavailable => Some(t.geo_unavailable),
            Geo::Timeout => Some(t.geo_timeout),
            Geo::Unsupported => Some(t.geo_unsupported),
            Geo::Outside => Some(t.geo_outside),
        }
    };
    let origin_label = move || {
        let l = lang.0.get();
        let t = l.texts();
        // (label, language of the label): a street's name is data, always Chinese.
        origin.get().map(|o| match o {
            Origin::Link => (t.from_link.to_string(), l.tag()),
            Origin::Device => (t.your_position.to_string(), l.tag()),
            Origin::District(code) => (district(code).map(|d| l.district(d).to_string()).unwrap_or_default(), l.tag()),
            Origin::Street(name) => (name, "zh-CN"),
            Origin::Map => (t.from_map.to_string(), l.tag()),
        })
    };
    let street_options = {
        move || {
            let streets = streets();
            let l = lang.0.get();
            DISTRICTS
                .iter()
                .map(|d| {
                    let items = streets
                        .iter()
                        .filter(|s| s.district == d.code)
                        .map(|s| view! { <option value=format!("{}|{}", s.district, s.name) lang="zh-CN">{s.name.clone()}</option> })
                        .collect_view();
                    view! { <optgroup label=l.district(d)>{items}</optgroup> }
                })
                .collect_view()
        }
    };
    let choose_street = move |ev| {
        let value = event_target_value(&ev);
        if let Some(s) = untrack(streets).into_iter().find(|s| format!("{}|{}", s.district, s.name) == value) {
            set_near(s.centre, Origin::Street(s.name.clone()));
        }
    };
    let choose_district = move |ev| {
        let code = event_target_value(&ev);
        let Some(d) = district(&code) else { return };
        if let Some(p) = shapes.with(|b| b.as_ref().and_then(|b| b.representative_point(d.code))) {
            set_near(p, Origin::District(d.code));
        }
    };

    // One row: "use my location" and "or choose a place" (opening the district, street and
    // map choices, with the privacy line); once a place is set, a row naming it, with the radius,
    // the order and a way to clear it.
    view! {
        <section class="near" aria-labelledby="near-heading">
            <h2 id="near-heading" class="visually-hidden">{tr(|t| t.near_title)}</h2>
            <div class="near-row">
                <button type="button" class="button" on:click=locate disabled=move || geo.get() == Geo::Locating aria-describedby="near-privacy">
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="4" /><path d="M12 2v3M12 19v3M2 12h3M19 12h3" /></svg>
                    {move || if geo.get() == Geo::Locating { t().locating } else { t().use_location }}
                </button>
                <details class="near-pick" open=move || message().is_some()>
                    <summary>{tr(|t| t.pick_place)}</summary>
                    <p class="hint" id="near-privacy">{tr(|t| t.privacy)}</p>
                    <div class="near-choices">
                        <label>
                            <span>{tr(|t| t.pick_district)}</span>
                            <select on:change=choose_district>
                                <option value="">{tr(|t| t.choose)}</option>
                                {move || { let l = lang.0.get(); DISTRICTS.iter().map(|d| view! { <option value=d.code>{l.district(d)}</option> }).collect_view() }}
                            </select>
                        </label>
                        <label>
                            <span>{tr(|t| t.pick_street)}</span>
                            <select on:change=choose_street>
                                <option value="">{tr(|t| t.choose)}</option>
                                {street_options}
                            </select>
                        </label>
                    </div>
                    <p class="hint">{tr(|t| t.pick_on_map)}</p>
                </details>
            </div>
            <div role="alert" class="near-alert">
                {move || message().map(|m| view! { <p class="notice">{m} " " {t().pick_instead}</p> })}
            </div>
            {move || origin_label().map(|(label, label_lang)| view! { <ChosenPlace label=label label_lang=label_lang /> })}
        </section>
    }
}

/// The chosen place: which it is, a way to clear it, the radius and the order of the list.
#[component]
fn ChosenPlace(label: String, label_lang: &'static str) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    let clear = move |_| {
        view.update(|v| {
            v.filter.near = None;
            v.filter.radius_m = None;
            v.near_is_private = false;
            v.sort = Sort::Name;
        })
    };
    view! {
        <div class="origin">
            <p>
                {t().distances_from} " " <strong lang=label_lang>{label}</strong> " "
                <button type="button" class="link-button" on:click=clear>{t().clear_position}</button>
            </p>
            <div class="near-choices">
                <label class="radius">
                    <span>{tr(|t| t.radius)}</span>
                    <select on:change=move |ev| {
                        let r = decimal::parse(&event_target_value(&ev));
                        view.update(|v| v.filter.radius_m = r);
                    }>
                        {RADII.iter().map(|r| {
                            let r = *r;
                            let value = r.map(|m| decimal::fixed(m, 0)).unwrap_or_default();
                            let label = move || {
                                let t = t();
                                r.map(|m| crate::domain::distance::human(m, t.metre, t.kilometre)).unwrap_or_else(|| t.radius_any.to_string())
                            };
                            view! { <option value=value selected=move || view.with(|v| v.filter.radius_m == r)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="sort">
                    <span>{tr(|t| t.sort_by)}</span>
                    <select on:change=move |ev| {
                        let sort = if event_target_value(&ev) == "distance" { Sort::Distance } else { Sort::Name };
                        view.update(|v| v.sort = sort);
                    }>
                        <option value="distance" selected=move || view.with(|v| v.sort == Sort::Distance)>{tr(|t| t.sort_distance)}</option>
                        <option value="name" selected=move || view.with(|v| v.sort == Sort::Name)>{tr(|t| t.sort_name)}</option>
                    </select>
                </label>
            </div>
        </div>
    }
}
