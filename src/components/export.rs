//! Downloads of the filtered spaces (CSV, GeoJSON, HSDS JSON) and the printable list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{tr, Spaces, UiLang, View};
use crate::domain::export::{print_html, to_csv, to_geojson, to_hsds};
use crate::domain::filter::Outcome;

/// Offers `text` as a file download, from memory: nothing leaves the browser.
fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Download and print buttons for the current results.
#[component]
pub fn ExportBar(catalog: Spaces, outcome: Memo<Outcome>, printing: RwSignal<bool>) -> impl IntoView {
    let save = move |kind: &'static str| {
        move |_| {
            let catalog = catalog.get_untracked();
            let (name, mime, text) = outcome.with(|o| {
                let spaces = o.indices.iter().map(|&i| &catalog.spaces[i]);
                match kind {
                    "csv" => ("charity-spaces.csv", "text/csv;charset=utf-8", to_csv(spaces)),
                    "geojson" => ("charity-spaces.geojson", "application/geo+json", to_geojson(spaces)),
                    _ => ("charity-spaces.hsds.json", "application/json", to_hsds(spaces)),
                }
            });
            if let Err(e) = download(name, mime, &text) {
                leptos::logging::warn!("download: {e:?}");
            }
        }
    };
    let print = move |_| {
        printing.set(true);
        request_animation_frame(move || {
            let _ = window().print();
        });
    };
    view! {
        <div class="export-bar" role="group" aria-label=tr(|t| t.download)>
            <span class="export-label">{tr(|t| t.download)} ":"</span>
            <button type="button" class="button small" on:click=save("csv")>"CSV"</button>
            <button type="button" class="button small" on:click=save("geojson")>"GeoJSON"</button>
            <button type="button" class="button small" on:click=save("hsds")>"HSDS JSON"</button>
            <button type="button" class="button small" on:click=print>{tr(|t| t.print)}</button>
        </div>
    }
}

/// The whole filtered list as a table, rendered only for printing.
#[component]
pub fn PrintTable(catalog: Spaces, outcome: Memo<Outcome>, printing: RwSignal<bool>) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let _ = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    let html = move || {
        printing.get().then(|| {
            let d = js_sys::Date::new_0();
            let today = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
            let chips = view.with(|v| v.filter.chips());
            catalog.with(|catalog| {
                let spaces: Vec<_> = outcome.with(|o| o.indices.iter().map(|&i| &catalog.spaces[i]).collect());
                print_html(&spaces, &chips, catalog.spaces.len(), &today, lang.0.get())
            })
        })
    };
    view! { <section class="print-only" inner_html=html></section> }
}
