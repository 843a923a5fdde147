//! The details panel, open while `?space=` names a space. Its content is HTML text
//! ([`crate::html::details`]); one listener serves its close and copy buttons. Closing it returns
//! the focus to the card that opened it.

use leptos::prelude::*;

use super::nav::{link_to, Nav};
use super::{copy_to_clipboard, effect, focus_later, target_closest, AppConfig, Now, UiLang};
use crate::domain::config::Config;
use crate::domain::filter::Outcome;
use crate::domain::hours::CstTime;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::model::LatLng;
use crate::domain::url_state::ViewState;
use crate::html::details::{details_html, not_found_html, Details as Panel};

#[component]
pub fn Details(outcome: Memo<Outcome>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let Now(now) = expect_context();
    let AppConfig(config) = expect_context();
    let lang = expect_context::<UiLang>();
    let id = Memo::new(move |_| nav.with(|v| v.space.clone()));
    // Routes start from a place the person chose, never from the device's position (private).
    let routes_from = Memo::new(move |_| nav.with(|v| v.filter.near.filter(|_| !v.near_is_private)));
    // Rebuilt when the space, the language or its open state changes; a minute that changes
    // nothing shown leaves the panel (and the focus in it) alone. `None`: closed.
    let html = Memo::new(move |_| {
        let id = id.get()?;
        let (now, from, lang) = (now.get(), routes_from.get(), lang.0.get());
        let link = nav.with(space_link);
        Some(outcome.with(|o| panel_html(o, &id, now, from, &link, &config, lang)))
    });
    let found = Memo::new(move |_| html.with(|h| h.as_ref().map(|(_, found)| *found)));
    // Focus moves to the heading when a space opens, so screen readers announce the details and
    // keyboard users continue from there.
    effect(move || {
        if found.get() == Some(true) {
            focus_later(|| document().get_element_by_id("details-title"));
        }
    });
    let close = move || {
        let Some(closed) = id.get_untracked() else { return };
        nav.push(|v| v.space = None);
        focus_later(move || card_link(&closed).or_else(|| document().get_element_by_id("results")));
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = target_closest(&ev, "[data-action]") else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("close") => close(),
            Some("copy") => copy_address(outcome, id, &button, lang),
            Some("share") => share_link(nav, &button, lang),
            _ => {}
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    move || {
        found.get().map(|found| {
            view! {
                <aside
                    class="details"
                    role=(!found).then_some("alert")
                    aria-labelledby=found.then_some("details-title")
                    on:click=on_click
                    on:keydown=on_key
                    inner_html=move || html.with(|h| h.as_ref().map(|(html, _)| html.clone()).unwrap_or_default())
                ></aside>
            }
        })
    }
}

/// The link of the open space: this page with the space and the language only.
fn space_link(v: &ViewState) -> String {
    link_to(&ViewState { space: v.space.clone(), lang: v.lang, ..ViewState::default() })
}

/// The panel of the space `id`, and whether it was found.
fn panel_html(o: &Outcome, id: &str, now: CstTime, from: Option<LatLng>, link: &str, config: &Config, lang: Lang) -> (String, bool) {
    let c = &o.catalog;
    let Some(i) = c.find(id) else { return (not_found_html(lang), false) };
    let report = config.report_link(id);
    let panel = Panel { space: &c.spaces[i], hours: c.hours(i), state: c.state(i, now), now, report: report.as_deref(), from, link };
    (details_html(&panel, lang), true)
}

/// The title link of the listed card of a space, found by its id (compared, never put into a
/// selector: an id is data).
fn card_link(id: &str) -> Option<web_sys::Element> {
    let cards = document().query_selector_all(".cards > .card").ok()?;
    (0..cards.length())
        .filter_map(|k| cards.item(k))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .find(|card| card.get_attribute("data-id").as_deref() == Some(id))
        .and_then(|card| card.query_selector(".card-title a").ok().flatten())
}

/// Shares the open space's link: the system's share sheet where the browser has one, else the
/// link is copied and the panel says so. The link carries the space and the language only (never
/// the device's position).
fn share_link(nav: Nav, button: &web_sys::Element, lang: UiLang) {
    let url = nav.with_untracked(space_link);
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
        let data = web_sys::ShareData::new();
        data.set_title(lang.texts().title);
        data.set_url(&url);
        // Cancelling the sheet rejects the promise: nothing to say.
        let promise = navigator.share_with_data(&data);
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
        return;
    }
    copy_and_say(&url, button, ".share-result", lang, |t, ok| if ok { t.link_copied } else { t.link_copy_failed });
}

/// Copies the open space's address.
fn copy_address(outcome: Memo<Outcome>, id: Memo<Option<String>>, button: &web_sys::Element, lang: UiLang) {
    let Some(address) = id.with_untracked(|id| {
        outcome.with_untracked(|o| id.as_ref().and_then(|id| o.catalog.find(id)).map(|i| o.catalog.spaces[i].address.clone()))
    }) else {
        return;
    };
    copy_and_say(&address, button, ".copy-result", lang, |t, ok| if ok { t.copied } else { t.copy_failed });
}

/// Copies `text`, then writes what came of it into the panel's status `result` (a selector): the
/// panel is not rebuilt, so the focus stays on the button that was pressed.
fn copy_and_say(text: &str, button: &web_sys::Element, result: &str, lang: UiLang, say: fn(&Texts, bool) -> &'static str) {
    let status = button.closest(".details").ok().flatten().and_then(|panel| panel.query_selector(result).ok().flatten());
    copy_to_clipboard(text, move |ok| {
        if let Some(s) = status {
            s.set_text_content(Some(say(lang.texts(), ok)));
        }
    });
}
