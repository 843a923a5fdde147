//! The overview (`?view=stats`): HTML text from the core (`domain::overview`), rebuilt when the
//! counts, the view or the language change; one listener applies a bar's filter.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{plain_click, target_closest, Spaces, UiLang, View};
use crate::domain::filter::{toggle, Outcome};
use crate::domain::overview::overview_html;
use crate::domain::stats::stats;

/// Totals and charts for the spaces the current filters yield.
#[component]
pub fn Overview(catalog: Spaces, outcome: Memo<Outcome>) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let html = move || {
        let s = catalog.with(|c| outcome.with(|o| stats(o.indices.iter().map(|&i| &c.spaces[i]))));
        view.with(|v| overview_html(&s, v, lang.0.get()))
    };
    // A plain click applies the bar's filter in place (its link, opened in a new tab, does the
    // same); the rebuilt bar gets the focus back, for keyboard users.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if !plain_click(&ev) {
            return;
        }
        let Some(bar) = target_closest(&ev, ".bar-row") else { return };
        ev.prevent_default();
        let (attribute, code) = match (bar.get_attribute("data-district"), bar.get_attribute("data-service")) {
            (Some(d), _) => ("data-district", d),
            (None, Some(s)) => ("data-service", s),
            (None, None) => return,
        };
        let selector = format!(r#"[{attribute}="{code}"]"#);
        view.update(|v| toggle(if attribute == "data-district" { &mut v.filter.districts } else { &mut v.filter.services }, &code));
        request_animation_frame(move || {
            if let Some(bar) = document().query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = bar.focus();
            }
        });
    };
    view! { <section class="overview" aria-labelledby="overview-heading" on:click=on_click inner_html=html></section> }
}
