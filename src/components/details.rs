//! The details panel, open while `?space=` names a space. Its content is HTML text from the core
//! (`domain::details`); one listener serves its close and copy buttons.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{effect, target_closest, AppConfig, Now, Spaces, UiLang, View};
use crate::domain::details::{details_html, not_found_html, Details};

#[component]
pub fn Details(catalog: Spaces) -> impl IntoView {
    let View(view) = expect_context();
    let Now(now) = expect_context();
    let AppConfig(config) = expect_context();
    let lang = expect_context::<UiLang>();
    let selected = Memo::new(move |_| catalog.with(|c| view.with(|v| v.space.as_ref().map(|id| c.find(id)))));
    let open = Memo::new(move |_| selected.with(Option::is_some));
    let missing = Memo::new(move |_| selected.get() == Some(None));
    // Rebuilt when the space, the language or the open state changes; a minute that changes
    // nothing shown leaves the panel (and the focus in it) alone.
    let html = Memo::new(move |_| {
        catalog.with(|catalog| {
            let l = lang.0.get();
            let Some(index) = selected.get()? else { return Some(not_found_html(l)) };
            let space = &catalog.spaces[index];
            let now = now.get();
            let report = config.report_link(&space.id);
            let details = Details {
                space,
                hours: catalog.hours(index),
                state: catalog.state(index, now),
                today: now.weekday,
                report: report.as_deref(),
            };
            Some(details_html(&details, l))
        })
    });
    let close = move || view.update(|v| v.space = None);
    // Focus moves to the heading when a space opens, so screen readers announce the details and
    // keyboard users continue from there.
    effect(move || {
        if selected.with(|s| matches!(s, Some(Some(_)))) {
            if let Some(h) = document().get_element_by_id("details-title").and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
            }
        }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = target_closest(&ev, "[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("close") => close(),
            Some("copy") => {
                let Some(Some(index)) = selected.get_untracked() else { return };
                let result =
                    button.closest(".details").ok().flatten().and_then(|panel| panel.query_selector(".copy-result").ok().flatten());
                let address = catalog.with_untracked(|c| c.spaces[index].address.clone());
                super::copy_to_clipboard(&address, move |ok| {
                    let t = lang.texts();
                    if let Some(r) = result {
                        r.set_text_content(Some(if ok { t.copied } else { t.copy_failed }));
                    }
                });
            }
            _ => {}
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    move || {
        open.get().then(|| {
            view! {
                <aside
                    class="details"
                    role=move || missing.get().then_some("alert")
                    aria-labelledby=move || (!missing.get()).then_some("details-title")
                    on:click=on_click
                    on:keydown=on_key
                    inner_html=move || html.get().unwrap_or_default()
                ></aside>
            }
        })
    }
}
