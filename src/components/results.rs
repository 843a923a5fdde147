//! The results: the live count, sorting, chips, and the list of cards, rendered in pages.

use std::sync::Arc;

use leptos::prelude::*;

use super::filters::Chips;
use super::{Now, UiLang, View};
use crate::domain::distance::human;
use crate::domain::filter::{Catalog, Filter, Outcome, Sort};
use crate::domain::hours::{hhmm, OpenState};
use crate::domain::i18n::Texts;
use crate::domain::model::{service, Status};

/// Cards rendered at first and added by each "show more".
pub const PAGE: usize = 30;

/// The open-state text and its CSS class.
pub fn state_label(state: OpenState, t: &Texts) -> (String, &'static str) {
    match state {
        OpenState::Open { closes } => (format!("{} · {}", t.open, (t.closes_at)(&hhmm(closes))), "open"),
        OpenState::ClosingSoon { closes } => ((t.closing_soon)(&hhmm(closes)), "closing"),
        OpenState::OpeningSoon { opens } => ((t.opening_soon)(&hhmm(opens)), "opening"),
        OpenState::Closed => (t.closed.to_string(), "closed"),
        OpenState::Unknown => (t.hours_unknown.to_string(), "unknown"),
    }
}

/// The list and everything above it.
#[component]
pub fn Results(catalog: Arc<Catalog>, outcome: Memo<Outcome>, total: usize, children: Children) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = move || lang.texts();
    // "Show more" extends the page for the filter it was pressed under; any other filter
    // starts again at one page.
    let more: RwSignal<(Filter, usize)> = RwSignal::new((Filter::default(), PAGE));
    let shown = Memo::new(move |_| view.with(|v| more.with(|(f, n)| if *f == v.filter { *n } else { PAGE })));
    let visible = Memo::new(move |_| {
        outcome.with(|o| o.indices.iter().zip(&o.distances).take(shown.get()).map(|(i, d)| (*i, *d)).collect::<Vec<_>>())
    });
    let count = move || outcome.with(|o| o.indices.len());

    view! {
        <section class="results" id="results" tabindex="-1" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{move || t().results}</h2>
            <div class="results-bar">
                <p class="count" role="status" aria-live="polite">{move || (t().found)(count(), total)}</p>
                <label class="sort">
                    <span>{move || t().sort_by}</span>
                    <select on:change=move |ev| {
                        let sort = if event_target_value(&ev) == "distance" { Sort::Distance } else { Sort::Name };
                        view.update(|v| v.sort = sort);
                    }>
                        <option value="name" selected=move || view.with(|v| v.sort == Sort::Name)>{move || t().sort_name}</option>
                        <option value="distance" disabled=move || view.with(|v| v.filter.near.is_none()) selected=move || view.with(|v| v.sort == Sort::Distance)>
                            {move || t().sort_distance}
                        </option>
                    </select>
                </label>
            </div>
            {children()}
            <Chips />
            <Show when=move || count() == 0>
                <div class="no-results">
                    <p>{move || t().no_results}</p>
                    <button type="button" class="button" on:click=move |_| view.update(|v| v.filter = v.filter.cleared())>
                        {move || t().clear_all}
                    </button>
                </div>
            </Show>
            <ul class="cards" role="list">
                <For each=move || visible.get() key=|(i, _)| *i let:item>
                    <Card catalog=catalog.clone() index=item.0 distance=item.1 />
                </For>
            </ul>
            <Show when=move || { count() > shown.get() }>
                <button type="button" class="button more" on:click=move |_| {
                    let f = view.with(|v| v.filter.clone());
                    more.set((f, shown.get() + PAGE));
                }>{move || (t().show_more)(count() - shown.get())}</button>
            </Show>
        </section>
    }
}

/// One space in the list.
#[component]
fn Card(catalog: Arc<Catalog>, index: usize, distance: Option<f64>) -> impl IntoView {
    let View(view) = expect_context();
    let Now(now) = expect_context();
    let lang = expect_context::<UiLang>();
    let space = &catalog.spaces[index];
    let id = space.id.clone();
    let href = {
        let id = id.clone();
        move || view.with(|v| crate::domain::url_state::ViewState { space: Some(id.clone()), ..v.clone() }.to_query())
    };
    let district = space.district();
    let street = space.street.clone();
    let name = space.name.clone();
    let name_en = space.name_en.clone();
    let certified = space.status == Status::Certified;
    let services = space.services.clone();
    let state = {
        let catalog = catalog.clone();
        move || state_label(catalog.state(index, now.get()), lang.texts())
    };
    let open_details = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return; // let the browser open a new tab
        }
        ev.prevent_default();
        let id = id.clone();
        view.update(|v| v.space = Some(id));
    };
    view! {
        <li class="card" class:selected=move || view.with(|v| v.space.as_deref() == Some(catalog.spaces[index].id.as_str()))>
            <h3 class="card-title">
                <a href=href on:click=open_details lang="zh-CN">{name}</a>
            </h3>
            {move || (lang.0.get() != crate::domain::i18n::Lang::ZhCn).then(|| name_en.clone()).flatten().map(|n| view! { <p class="name-en" lang="en">{n}</p> })}
            <p class="card-place">
                {move || district.map(|d| lang.0.get().district(d)).unwrap_or_default()} " · " <span lang="zh-CN">{street}</span>
            </p>
            <p class="card-meta">
                {move || {
                    let t = lang.texts();
                    if certified {
                        view! { <span class="badge certified"><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7" /></svg>{t.certified}</span> }.into_any()
                    } else {
                        view! { <span class="badge registered">{t.registered}</span> }.into_any()
                    }
                }}
                {move || { let (text, class) = state(); view! { <span class=format!("state {class}")>{text}</span> } }}
                {move || distance.map(|d| { let t = lang.texts(); view! { <span class="distance">{(t.away)(&human(d, t.metre, t.kilometre))}</span> } })}
            </p>
            <ul class="services" role="list">
                {services.iter().filter_map(|s| service(s)).map(|s| view! { <li class=format!("service svc-{}", s.id)>{move || lang.0.get().service(s)}</li> }).collect_view()}
            </ul>
        </li>
    }
}
