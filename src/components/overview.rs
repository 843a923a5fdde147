//! The overview (`?view=stats`): HTML text ([`crate::html::overview`]), rebuilt when the counts,
//! the view or the language change; one listener applies a bar's filter.

use leptos::prelude::*;

use super::nav::Nav;
use super::{focus_later, plain_click, target_closest, UiLang};
use crate::domain::filter::{toggle, Outcome};
use crate::domain::model::{district, service};
use crate::domain::stats::stats;
use crate::html::overview::overview_html;

/// Totals and charts for the spaces the current filters yield.
#[component]
pub fn Overview(outcome: Memo<Outcome>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let html = move || {
        let s = outcome.with(|o| stats(o.spaces()));
        nav.with(|v| overview_html(&s, v, lang.0.get()))
    };
    // A plain click applies the bar's filter in place (its link, opened in a new tab, does the
    // same); the rebuilt bar gets the focus back, for keyboard users.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(bar) = target_closest(&ev, ".bar-row").filter(|_| plain_click(&ev)) else { return };
        ev.prevent_default();
        let (d, s) = (bar.get_attribute("data-district"), bar.get_attribute("data-service"));
        let selector = match (d.as_deref().and_then(district), s.as_deref().and_then(service)) {
            (Some(d), _) => {
                nav.push(|v| toggle(&mut v.filter.districts, d));
                format!(r#"[data-district="{}"]"#, d.code)
            }
            (None, Some(s)) => {
                nav.push(|v| toggle(&mut v.filter.services, s));
                format!(r#"[data-service="{}"]"#, s.id)
            }
            (None, None) => return,
        };
        focus_later(move || document().query_selector(&selector).ok().flatten());
    };
    view! { <section class="overview" aria-labelledby="overview-heading" on:click=on_click inner_html=html></section> }
}
