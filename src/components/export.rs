//! Downloads of the filtered spaces (CSV, GeoJSON, HSDS JSON) and the printable list.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::nav::{link_to, Nav};
use super::{tr, UiLang};
use crate::domain::export::Download;
use crate::domain::filter::Outcome;
use crate::domain::url_state::ViewState;
use crate::html::print::print_html;

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
pub fn ExportBar(outcome: Memo<Outcome>, printing: RwSignal<bool>) -> impl IntoView {
    let save = move |kind: Download| {
        let text = outcome.with_untracked(|o| kind.write(o.spaces()));
        if let Err(e) = download(kind.file_name(), kind.mime(), &text) {
            leptos::logging::warn!("download: {e:?}");
        }
    };
    let print = move |_| {
        printing.set(true);
        request_animation_frame(move || {
            let _ = window().print();
        });
    };
    let buttons = Download::ALL.map(|kind| {
        view! { <button type="button" class="button small" on:click=move |_| save(kind)>{kind.label()}</button> }
    });
    view! {
        <div class="export-bar" role="group" aria-label=tr(|t| t.download)>
            <span class="export-label">{tr(|t| t.download)} ":"</span>
            {buttons.collect_view()}
            <button type="button" class="button small" on:click=print>{tr(|t| t.print)}</button>
        </div>
    }
}

/// The whole filtered list as a table, rendered only for printing.
#[component]
pub fn PrintTable(outcome: Memo<Outcome>, printing: RwSignal<bool>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let _ = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    let html = move || {
        printing.get().then(|| {
            let d = js_sys::Date::new_0();
            let today = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
            let (chips, link) = nav.with(|v| (v.filter.chips(), link_to(&ViewState { space: None, ..v.clone() })));
            outcome.with(|o| print_html(&o.spaces().collect::<Vec<_>>(), &chips, o.catalog.spaces.len(), &today, &link, lang.0.get()))
        })
    };
    view! { <section class="print-only" inner_html=html></section> }
}
