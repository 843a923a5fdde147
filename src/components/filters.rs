//! The search box, the filter panel with faceted counts, and the chips of chosen filters.

use leptos::prelude::*;

use super::{after_paint, effect, target_closest, tr, ReplaceHistory, UiLang, View};
use crate::domain::filter::{chips_html, toggle, Facets, Outcome};
use crate::domain::model::{DISTRICTS, SERVICES};

/// The search box: results follow each keystroke; the URL is pushed once, then replaced while typing.
#[component]
pub fn SearchBox() -> impl IntoView {
    let View(view) = expect_context();
    let ReplaceHistory(replace) = expect_context();
    view! {
        <div class="search" role="search">
            <label for="q">{tr(|t| t.search_label)}</label>
            <input
                id="q"
                type="search"
                autocomplete="off"
                enterkeyhint="search"
                maxlength="100"
                placeholder=tr(|t| t.search_placeholder)
                prop:value=move || view.with(|v| v.filter.query.clone())
                on:input=move |ev| {
                    // The first keystroke starts a new history entry; the rest of the typing
                    // replaces it, so Back returns to the view before the search.
                    replace.set_value(view.with(|v| !v.filter.query.is_empty()));
                    let q = event_target_value(&ev);
                    view.update(|v| v.filter.query = q);
                }
            />
        </div>
    }
}

/// One checkbox with its faceted count (none while it is not known: a district of a split
/// dataset not loaded yet).
#[component]
fn Check(label: Signal<String>, count: Signal<Option<usize>>, checked: Signal<bool>, on_toggle: Callback<()>) -> impl IntoView {
    view! {
        <label class="check" class:empty=move || count.get() == Some(0) && !checked.get()>
            <input type="checkbox" prop:checked=move || checked.get() on:change=move |_| on_toggle.run(()) />
            <span class="check-label">{move || label.get()}</span>
            <span class="count" aria-hidden="true">{move || count.get().map(|n| n.to_string()).unwrap_or_default()}</span>
            <span class="visually-hidden">{move || count.get().map(|n| format!("({n})")).unwrap_or_default()}</span>
        </label>
    }
}

/// A count kept aside in `facets`, redrawn when `shown` flips.
fn delayed(
    facets: StoredValue<Facets>,
    shown: RwSignal<bool>,
    read: impl Fn(&Facets) -> Option<usize> + Send + Sync + 'static,
) -> Signal<Option<usize>> {
    Signal::derive(move || {
        shown.track();
        facets.with_value(&read)
    })
}

/// The filters: districts, services, status and open now, each option with the number of
/// spaces it would yield. On narrow screens the panel collapses behind a button.
#[component]
pub fn FilterPanel(outcome: Memo<Outcome>, unloaded: ReadSignal<u16>) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let open = RwSignal::new(false);
    let t = move || lang.texts();
    // The counts follow the list one frame later, like the map: the list paints first. They
    // are kept aside and `shown` flips to redraw them.
    let facets = StoredValue::new(outcome.with_untracked(|o| o.facets.clone()));
    let shown = RwSignal::new(false);
    effect(move || {
        let next = outcome.with(|o| o.facets.clone());
        after_paint(move || {
            if facets.try_set_value(next).is_none() {
                shown.try_update(|s| *s = !*s);
            }
        });
    });
    let chosen = move || {
        view.with(|v| {
            v.filter.districts.len() + v.filter.services.len() + usize::from(v.filter.certified_only) + usize::from(v.filter.open_now)
        })
    };

    let districts = DISTRICTS
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let code = d.code;
            view! {
                <Check
                    label=Signal::derive(move || lang.0.get().district(d).to_string())
                    count=delayed(facets, shown, move |f| (unloaded.get() & 1 << k == 0).then(|| f.districts[k]))
                    checked=Signal::derive(move || view.with(|v| v.filter.districts.iter().any(|c| c == code)))
                    on_toggle=Callback::new(move |()| view.update(|v| toggle(&mut v.filter.districts, code)))
                />
            }
        })
        .collect_view();
    let services = SERVICES
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let id = s.id;
            view! {
                <Check
                    label=Signal::derive(move || lang.0.get().service(s).to_string())
                    count=delayed(facets, shown, move |f| Some(f.services[k]))
                    checked=Signal::derive(move || view.with(|v| v.filter.services.iter().any(|c| c == id)))
                    on_toggle=Callback::new(move |()| view.update(|v| toggle(&mut v.filter.services, id)))
                />
            }
        })
        .collect_view();

    view! {
        <div class="filters" class:open=move || open.get()>
            <button
                type="button"
                class="button filters-toggle"
                aria-controls="filter-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { t().hide_filters } else { t().show_filters }}
                {move || (chosen() > 0).then(|| format!(" ({})", chosen()))}
            </button>
            <section id="filter-panel" class="filter-panel" aria-label=tr(|t| t.filters)>
                <fieldset>
                    <legend>{tr(|t| t.status)}</legend>
                    <Check
                        label=Signal::derive(move || t().certified_only.to_string())
                        count=delayed(facets, shown, |f| Some(f.certified))
                        checked=Signal::derive(move || view.with(|v| v.filter.certified_only))
                        on_toggle=Callback::new(move |()| view.update(|v| v.filter.certified_only = !v.filter.certified_only))
                    />
                    <Check
                        label=Signal::derive(move || t().open_now.to_string())
                        count=delayed(facets, shown, |f| Some(f.open_now))
                        checked=Signal::derive(move || view.with(|v| v.filter.open_now))
                        on_toggle=Callback::new(move |()| view.update(|v| v.filter.open_now = !v.filter.open_now))
                    />
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.district)}</legend>
                    <div class="check-grid">{districts}</div>
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.service)}</legend>
                    <div class="check-grid">{services}</div>
                </fieldset>
            </section>
        </div>
    }
}

/// The chosen filters as removable chips, with "clear all": HTML text from the core, one listener.
#[component]
pub fn Chips() -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let active = Memo::new(move |_| view.with(|v| v.filter.is_active()));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(chip) = target_closest(&ev, "[data-chip]") else { return };
        let which = chip.get_attribute("data-chip").unwrap_or_default();
        view.update(|v| {
            if which == "all" {
                v.filter = v.filter.cleared();
            } else if let Some(chip) = which.parse::<usize>().ok().and_then(|k| v.filter.chips().into_iter().nth(k)) {
                v.filter.remove(&chip);
            }
        });
    };
    move || {
        active.get().then(|| {
            view! {
                <div class="chips" role="group" aria-label=tr(|t| t.chosen_filters) on:click=on_click
                    inner_html=move || view.with(|v| chips_html(&v.filter.chips(), lang.0.get()))></div>
            }
        })
    }
}
