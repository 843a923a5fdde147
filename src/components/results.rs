//! The results: the live count, sorting, chips, and the list of cards, rendered in pages.

use leptos::prelude::*;

use super::filters::Chips;
use super::{plain_click, target_closest, tr, Now, Spaces, UiLang, View};
use crate::domain::cards::{card_html, Card};
use crate::domain::filter::{Filter, Outcome};
use crate::domain::url_state::ViewState;

/// Cards rendered at first: a phone screen shows four, a desktop six, and only these are built
/// and laid out when the filters change.
pub const PAGE: usize = 12;
/// Cards added by each press of "show more" (a button, not endless scrolling: the footer stays
/// reachable and nothing moves under the pointer).
pub const MORE: usize = 24;

/// The list and everything above it.
#[component]
pub fn Results(catalog: Spaces, outcome: Memo<Outcome>, total: usize, children: Children) -> impl IntoView {
    let View(view) = expect_context();
    let Now(now) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    // "Show more" extends the page for the filter it was pressed under; any other filter
    // starts again at one page.
    let more: RwSignal<(Filter, usize)> = RwSignal::new((Filter::default(), PAGE));
    let shown = Memo::new(move |_| view.with(|v| more.with(|(f, n)| if *f == v.filter { *n } else { PAGE })));
    let visible = Memo::new(move |_| {
        outcome.with(|o| o.indices.iter().enumerate().take(shown.get()).map(|(k, i)| (*i, o.distances.get(k).copied())).collect::<Vec<_>>())
    });
    let count = move || outcome.with(|o| o.indices.len());
    let none = Memo::new(move |_| count() == 0);
    let more_left = Memo::new(move |_| count() > shown.get());
    let show_more = move || {
        let f = view.with(|v| v.filter.clone());
        more.set((f, shown.get_untracked() + MORE));
    };
    // The cards as one HTML text (escaped in the core), rebuilt when the page, language, time or
    // selection changes.
    let cards = Memo::new(move |_| {
        let lang = lang.0.get();
        let now = now.get();
        catalog.with(|catalog| {
            view.with(|v| {
                let mut html = String::new();
                for (i, distance) in visible.get() {
                    let space = &catalog.spaces[i];
                    let href = ViewState { space: Some(space.id.clone()), ..v.clone() }.to_query();
                    let selected = v.space.as_deref() == Some(space.id.as_str());
                    card_html(&mut html, &Card { space, href: &href, state: catalog.state(i, now), distance, selected }, lang);
                }
                html
            })
        })
    });
    // One listener for every card link: a plain click opens the details in place; a click with a
    // modifier key is left to the browser (new tab or window).
    let open_details = move |ev: leptos::ev::MouseEvent| {
        if !plain_click(&ev) {
            return;
        }
        let Some(link) = target_closest(&ev, ".card-title a") else { return };
        let Some(id) = link.closest(".card").ok().flatten().and_then(|card| card.get_attribute("data-id")) else { return };
        ev.prevent_default();
        view.update(|v| v.space = Some(id));
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
                    <button type="button" class="button" on:click=move |_| view.update(|v| v.filter = v.filter.cleared())>
                        {tr(|t| t.clear_all)}
                    </button>
                </div>
            })}
            <ul class="cards" role="list" inner_html=cards on:click=open_details></ul>
            {move || more_left.get().then(|| view! {
                <button type="button" class="button more" on:click=move |_| show_more()>
                    {move || (t().show_more)(count() - shown.get())}
                </button>
            })}
            // Downloads and printing, for editors and caseworkers: after the list, not above it.
            {children()}
        </section>
    }
}
