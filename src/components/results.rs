//! The results: the live count, the chips, and the list of cards, rendered in pages; and the
//! switch between the list, the map and the overview.

use leptos::prelude::*;

use super::filters::Chips;
use super::nav::Nav;
use super::{plain_click, target_closest, tr, Now, UiLang};
use crate::domain::filter::{Filter, Outcome};
use crate::domain::hours::CstTime;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::url_state::{Pane, ViewState};
use crate::html::cards::{card, Card};
use crate::html::Html;

/// Cards rendered at first: a phone screen shows four, a desktop six, and only these are built
/// and laid out when the filters change.
pub const PAGE: usize = 12;
/// Cards added by each press of "show more" (a button, not endless scrolling: the footer stays
/// reachable and nothing moves under the pointer).
pub const MORE: usize = 24;

/// The list and everything above it.
#[component]
pub fn Results(outcome: Memo<Outcome>, total: usize, children: Children) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let Now(now) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    // "Show more" extends the page for the filter it was pressed under; any other filter
    // starts again at one page.
    let more: RwSignal<(Filter, usize)> = RwSignal::new((Filter::default(), PAGE));
    let shown = Memo::new(move |_| nav.with(|v| more.with(|(f, n)| if *f == v.filter { *n } else { PAGE })));
    let count = move || outcome.with(|o| o.indices.len());
    let none = Memo::new(move |_| count() == 0);
    let more_left = Memo::new(move |_| count() > shown.get());
    let show_more = move |_| more.set((nav.with_untracked(|v| v.filter.clone()), shown.get_untracked() + MORE));
    // The cards as one HTML text, rebuilt when the page, language, time or selection changes.
    let cards = Memo::new(move |_| outcome.with(|o| nav.with(|v| cards_html(o, v, shown.get(), now.get(), lang.0.get()))));
    // One listener for every card link: a plain click opens the details in place; a click with a
    // modifier key is left to the browser (new tab or window).
    let open_details = move |ev: leptos::ev::MouseEvent| {
        let Some(link) = target_closest(&ev, ".card-title a").filter(|_| plain_click(&ev)) else { return };
        let Some(id) = link.closest(".card").ok().flatten().and_then(|card| card.get_attribute("data-id")) else { return };
        ev.prevent_default();
        nav.push(|v| v.space = Some(id));
    };
    view! {
        <section class="results" id="results" tabindex="-1" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{tr(|t| t.results)}</h2>
            <div class="results-bar">
                <p class="count" role="status" aria-live="polite">{move || (t().found)(count(), total)}</p>
            </div>
            <Chips />
            {move || none.get().then(|| view! {
                <div class="no-results">
                    <p>{tr(|t| t.no_results)}</p>
                    <button type="button" class="button" on:click=move |_| nav.push(|v| v.filter = v.filter.cleared())>
                        {tr(|t| t.clear_all)}
                    </button>
                </div>
            })}
            <ul class="cards" role="list" inner_html=cards on:click=open_details></ul>
            {move || more_left.get().then(|| view! {
                <button type="button" class="button more" on:click=show_more>{move || (t().show_more)(count() - shown.get())}</button>
            })}
            // Downloads and printing, for editors and caseworkers: after the list, not above it.
            {children()}
        </section>
    }
}

/// The first `shown` cards of an outcome, each linking to its details under the view `v`.
fn cards_html(o: &Outcome, v: &ViewState, shown: usize, now: CstTime, lang: Lang) -> String {
    let mut h = Html::with_capacity(1024 * shown.min(o.indices.len()));
    for (k, &i) in o.indices.iter().enumerate().take(shown) {
        let space = &o.catalog.spaces[i];
        let href = ViewState { space: Some(space.id.clone()), ..v.clone() }.to_query();
        let selected = v.space.as_deref() == Some(space.id.as_str());
        let distance = o.distances.get(k).copied();
        let note = o.catalog.hours(i).and_then(|h| h.note(now.today()));
        card(&mut h, &Card { space, href: &href, state: o.catalog.state(i, now), note, distance, selected }, lang);
    }
    h.finish()
}

/// Switches between the list, the map (narrow screens; wide ones show both) and the overview.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let button = move |pane: Pane, class: &'static str, label: fn(&Texts) -> &'static str| {
        view! {
            <button type="button" class=class aria-pressed=move || nav.with(|v| v.pane == pane).to_string()
                on:click=move |_| nav.push(|v| v.pane = pane)>
                {move || label(lang.texts())}
            </button>
        }
    };
    view! {
        <div class="view-toggle" role="group" aria-label=tr(|t| t.view_as)>
            {button(Pane::List, "toggle pane-list", |t| t.list)}
            {button(Pane::Map, "toggle pane-map", |t| t.map)}
            {button(Pane::Stats, "toggle pane-stats", |t| t.overview)}
        </div>
    }
}
