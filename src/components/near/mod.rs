//! "Nearest to me": the browser's position (asked for only when the button is pressed), or a
//! district, a street/town or a point on the map; and a radius. The browser's position stays in
//! the page's memory (never in the URL, history, links or snippets; a reload forgets it); a place
//! the person chose is public and goes into the URL (`near=`, `radius=`) to be shared.

mod geo;

use leptos::prelude::*;

use super::first_view::EarlyInput;
use super::map::MapPick;
use super::nav::Nav;
use super::{effect, tr, Shapes, Spaces, UiLang};
use crate::domain::decimal;
use crate::domain::filter::Sort;
use crate::domain::load::GUANGZHOU_BBOX;
use crate::domain::model::{district, LatLng, DISTRICTS};
use crate::domain::places::streets_of;
use geo::GeoError;

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
    Failed(GeoError),
    /// A position, but not in Guangzhou.
    Outside,
}

/// Positions from the device are rounded to about 10 m: enough to rank spaces, less to reveal.
fn rounded(p: LatLng) -> LatLng {
    LatLng { lat: (p.lat * 1e4).round() / 1e4, lng: (p.lng * 1e4).round() / 1e4 }
}

/// A place chosen: distances are measured from it, nearest first. A device position is private
/// (never in the URL).
type SetNear = Callback<(LatLng, Origin)>;

#[component]
pub fn NearMe(catalog: Spaces) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let Shapes(shapes) = expect_context();
    let MapPick(pick) = expect_context();
    let origin = RwSignal::new(nav.with_untracked(|v| v.filter.near.map(|_| Origin::Link)));
    let geo = RwSignal::new(Geo::Idle);
    let set_near = SetNear::new(move |(p, from): (LatLng, Origin)| {
        let private = from == Origin::Device;
        origin.set(Some(from));
        nav.push(|v| {
            v.filter.near = Some(p);
            v.near_is_private = private;
            v.sort = Sort::Distance;
        });
    });
    // A point clicked on the map becomes the origin.
    effect(move || {
        if let Some(p) = pick.get() {
            geo.set(Geo::Idle);
            set_near.run((p, Origin::Map));
        }
    });
    // Back/Forward or a link can clear the position.
    effect(move || {
        if nav.with(|v| v.filter.near.is_none()) {
            origin.set(None);
        }
    });
    let locate = move || {
        geo.set(Geo::Locating);
        geo::locate(move |answer| match answer.map(rounded) {
            Ok(p) if shapes.with(|b| b.as_ref().map_or(GUANGZHOU_BBOX.contains(p.lat, p.lng), |b| b.locate(p).is_some())) => {
                geo.set(Geo::Idle);
                set_near.run((p, Origin::Device));
            }
            Ok(_) => geo.set(Geo::Outside),
            Err(e) => geo.set(Geo::Failed(e)),
        });
    };
    // Pressed on the first view, before the app was live: asked for now, once.
    if EarlyInput::get().locate {
        locate();
    }
    // One row: "use my location" and "or choose a place" (opening the district, street and map
    // choices, with the privacy line); once a place is set, a row naming it.
    view! {
        <section class="near" aria-labelledby="near-heading">
            <h2 id="near-heading" class="visually-hidden">{tr(|t| t.near_title)}</h2>
            <div class="near-row">
                <button type="button" class="button" on:click=move |_| locate() disabled=move || geo.get() == Geo::Locating aria-describedby="near-privacy">
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="4" /><path d="M12 2v3M12 19v3M2 12h3M19 12h3" /></svg>
                    {move || if geo.get() == Geo::Locating { tr(|t| t.locating)() } else { tr(|t| t.use_location)() }}
                </button>
                <PlaceChoices catalog=catalog set_near=set_near open=Signal::derive(move || !matches!(geo.get(), Geo::Idle | Geo::Locating)) />
            </div>
            <GeoMessage geo=geo />
            {move || origin.get().map(|o| view! { <ChosenPlace origin=o /> })}
        </section>
    }
}

/// Why "use my location" gave no position, and what to do instead.
#[component]
fn GeoMessage(geo: RwSignal<Geo>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let message = move || {
        let t = lang.texts();
        match geo.get() {
            Geo::Idle | Geo::Locating => None,
            Geo::Failed(GeoError::Denied) => Some(t.geo_denied),
            Geo::Failed(GeoError::Unavailable) => Some(t.geo_unavailable),
            Geo::Failed(GeoError::Timeout) => Some(t.geo_timeout),
            Geo::Failed(GeoError::Unsupported) => Some(t.geo_unsupported),
            Geo::Outside => Some(t.geo_outside),
        }
    };
    view! {
        <div role="alert" class="near-alert">
            {move || message().map(|m| view! { <p class="notice">{m} " " {tr(|t| t.pick_instead)}</p> })}
        </div>
    }
}

/// "Or choose a place": a district, a street or town, or a point on the map.
#[component]
fn PlaceChoices(catalog: Spaces, set_near: SetNear, open: Signal<bool>) -> impl IntoView {
    let Shapes(shapes) = expect_context();
    let lang = expect_context::<UiLang>();
    // The streets of the spaces loaded (a split dataset's chosen districts, until it has all).
    let streets = Memo::new(move |_| catalog.with(|c| streets_of(&c.spaces)));
    let street_options = move || {
        let l = lang.0.get();
        streets.with(|streets| {
            DISTRICTS
                .iter()
                .map(|d| {
                    let items = streets.iter().filter(|s| s.district == d.code).map(|s| {
                        view! { <option value=format!("{}|{}", s.district, s.name) lang="zh-CN">{s.name.clone()}</option> }
                    });
                    view! { <optgroup label=l.district(d)>{items.collect_view()}</optgroup> }
                })
                .collect_view()
        })
    };
    let choose_street = move |ev| {
        let value = event_target_value(&ev);
        if let Some(s) = streets.with_untracked(|all| all.iter().find(|s| format!("{}|{}", s.district, s.name) == value).cloned()) {
            set_near.run((s.centre, Origin::Street(s.name)));
        }
    };
    let choose_district = move |ev| {
        let Some(d) = district(&event_target_value(&ev)) else { return };
        if let Some(p) = shapes.with(|b| b.as_ref().and_then(|b| b.representative_point(d.code))) {
            set_near.run((p, Origin::District(d.code)));
        }
    };
    let district_options = move || {
        let l = lang.0.get();
        DISTRICTS.iter().map(|d| view! { <option value=d.code>{l.district(d)}</option> }).collect_view()
    };
    view! {
        <details class="near-pick" open=move || open.get()>
            <summary>{tr(|t| t.pick_place)}</summary>
            <p class="hint" id="near-privacy">{tr(|t| t.privacy)}</p>
            <div class="near-choices">
                <label>
                    <span>{tr(|t| t.pick_district)}</span>
                    <select on:change=choose_district><option value="">{tr(|t| t.choose)}</option>{district_options}</select>
                </label>
                <label>
                    <span>{tr(|t| t.pick_street)}</span>
                    <select on:change=choose_street><option value="">{tr(|t| t.choose)}</option>{street_options}</select>
                </label>
            </div>
            <p class="hint">{tr(|t| t.pick_on_map)}</p>
        </details>
    }
}

/// The chosen place: which it is, a way to clear it, the radius and the order of the list.
#[component]
fn ChosenPlace(origin: Origin) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    // (label, language of the label): a street's name is data, always Chinese.
    let label = Memo::new(move |_| {
        let l = lang.0.get();
        let t = l.texts();
        match &origin {
            Origin::Link => (t.from_link.to_string(), l.tag()),
            Origin::Device => (t.your_position.to_string(), l.tag()),
            Origin::District(code) => (district(code).map(|d| l.district(d).to_string()).unwrap_or_default(), l.tag()),
            Origin::Street(name) => (name.clone(), "zh-CN"),
            Origin::Map => (t.from_map.to_string(), l.tag()),
        }
    });
    let clear = move |_| {
        nav.push(|v| {
            v.filter.near = None;
            v.filter.radius_m = None;
            v.near_is_private = false;
            v.sort = Sort::Name;
        })
    };
    view! {
        <div class="origin">
            <p>
                {tr(|t| t.distances_from)} " " <strong lang=move || label.get().1>{move || label.get().0}</strong> " "
                <button type="button" class="link-button" on:click=clear>{tr(|t| t.clear_position)}</button>
            </p>
            <div class="near-choices">
                <RadiusChoice />
                <label class="sort">
                    <span>{tr(|t| t.sort_by)}</span>
                    <select on:change=move |ev| {
                        let sort = if event_target_value(&ev) == "distance" { Sort::Distance } else { Sort::Name };
                        nav.push(|v| v.sort = sort);
                    }>
                        <option value="distance" selected=move || nav.with(|v| v.sort == Sort::Distance)>{tr(|t| t.sort_distance)}</option>
                        <option value="name" selected=move || nav.with(|v| v.sort == Sort::Name)>{tr(|t| t.sort_name)}</option>
                    </select>
                </label>
            </div>
        </div>
    }
}

/// How far from the chosen place a space may be.
#[component]
fn RadiusChoice() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let options = RADII.iter().map(|&r| {
        let value = r.map(|m| decimal::fixed(m, 0)).unwrap_or_default();
        let label = move || {
            let t = lang.texts();
            r.map(|m| crate::domain::distance::human(m, t.metre, t.kilometre)).unwrap_or_else(|| t.radius_any.to_string())
        };
        view! { <option value=value selected=move || nav.with(|v| v.filter.radius_m == r)>{label}</option> }
    });
    view! {
        <label class="radius">
            <span>{tr(|t| t.radius)}</span>
            <select on:change=move |ev| {
                let r = decimal::parse(&event_target_value(&ev));
                nav.push(|v| v.filter.radius_m = r);
            }>{options.collect_view()}</select>
        </label>
    }
}
