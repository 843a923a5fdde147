//! The search box, the filter panel with faceted counts, and the chips of chosen filters.

use leptos::html;
use leptos::prelude::*;

use super::first_view::EarlyInput;
use super::nav::{History, Nav};
use super::{after_paint, effect, focus_later, tr, UiLang};
use crate::domain::filter::{toggle, Facets, Filter, Outcome};
use crate::domain::i18n::Texts;
use crate::domain::model::{DISTRICTS, SERVICES};

/// The search box: results follow each keystroke; the URL is pushed once, then replaced while typing.
#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let on_input = move |ev| {
        // The first keystroke starts a new history entry; the rest of the typing replaces it,
        // so Back returns to the view before the search.
        let how = if nav.with_untracked(|v| v.filter.query.is_empty()) { History::Push } else { History::Replace };
        let q = event_target_value(&ev);
        nav.navigate(how, |v| v.filter.query = q);
    };
    view! {
        <div class="search" role="search">
            <label for="q">{tr(|t| t.search_label)}</label>
            <input id="q" type="search" autocomplete="off" enterkeyhint="search" maxlength="100"
                placeholder=tr(|t| t.search_placeholder)
                prop:value=move || nav.with(|v| v.filter.query.clone())
                on:input=on_input
            />
        </div>
    }
}

/// One checkbox with its faceted count (none while it is not known: a district of a split
/// dataset not loaded yet). Its `value` (a district code, a service id, `certified`, `open`) is
/// how the app reads the prerendered copy of it (`first_view`).
#[component]
fn Check(
    value: &'static str,
    label: Signal<String>,
    count: Signal<Option<usize>>,
    checked: Signal<bool>,
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="check" class:empty=move || count.get() == Some(0) && !checked.get()>
            <input type="checkbox" value=value prop:checked=move || checked.get() on:change=move |_| on_toggle.run(()) />
            <span class="check-label">{move || label.get()}</span>
            <span class="count" aria-hidden="true">{move || count.get().map(|n| n.to_string()).unwrap_or_default()}</span>
            <span class="visually-hidden">{move || count.get().map(|n| format!("({n})")).unwrap_or_default()}</span>
        </label>
    }
}

/// The counts, one frame behind the list (the list paints first): kept aside, and a trigger
/// redraws them.
#[derive(Clone, Copy)]
struct Counts {
    facets: StoredValue<Facets>,
    redraw: Trigger,
}

impl Counts {
    fn follow(outcome: Memo<Outcome>) -> Counts {
        let counts = Counts { facets: StoredValue::new(outcome.with_untracked(|o| o.facets.clone())), redraw: Trigger::new() };
        effect(move || {
            let next = outcome.with(|o| o.facets.clone());
            after_paint(move || {
                if counts.facets.try_set_value(next).is_none() {
                    counts.redraw.notify();
                }
            });
        });
        counts
    }

    fn of(self, read: impl Fn(&Facets) -> Option<usize> + Send + Sync + 'static) -> Signal<Option<usize>> {
        Signal::derive(move || {
            self.redraw.track();
            self.facets.with_value(&read)
        })
    }
}

/// One checkbox of the filter panel: its label, its count, and what it changes in the filter.
fn check(
    value: &'static str,
    label: Signal<String>,
    count: Signal<Option<usize>>,
    nav: Nav,
    on: fn(&Filter) -> bool,
    flip: fn(&mut Filter),
) -> impl IntoView {
    view! {
        <Check value=value label=label count=count
            checked=Signal::derive(move || nav.with(|v| on(&v.filter)))
            on_toggle=Callback::new(move |()| nav.push(|v| flip(&mut v.filter)))
        />
    }
}

/// The filters: status, districts and services, each option with the number of spaces it would
/// yield. On narrow screens the panel collapses behind a button.
#[component]
pub fn FilterPanel(outcome: Memo<Outcome>, unloaded: ReadSignal<[bool; DISTRICTS.len()]>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let open = RwSignal::new(EarlyInput::get().filters_open);
    let counts = Counts::follow(outcome);
    let text = move |pick: fn(&Texts) -> &'static str| Signal::derive(move || pick(lang.texts()).to_string());
    let chosen = move || nav.with(|v| v.filter.chips().len());
    let districts = DISTRICTS.iter().enumerate().map(|(k, d)| {
        view! {
            <Check value=d.code label=Signal::derive(move || lang.0.get().district(d).to_string())
                count=counts.of(move |f| (!unloaded.get()[k]).then(|| f.districts[k]))
                checked=Signal::derive(move || nav.with(|v| v.filter.districts.contains(&d)))
                on_toggle=Callback::new(move |()| nav.push(|v| toggle(&mut v.filter.districts, d)))
            />
        }
    });
    let services = SERVICES.iter().enumerate().map(|(k, s)| {
        view! {
            <Check value=s.id label=Signal::derive(move || lang.0.get().service(s).to_string())
                count=counts.of(move |f| Some(f.services[k]))
                checked=Signal::derive(move || nav.with(|v| v.filter.services.contains(&s)))
                on_toggle=Callback::new(move |()| nav.push(|v| toggle(&mut v.filter.services, s)))
            />
        }
    });
    view! {
        <div class="filters" class:open=move || open.get()>
            <button type="button" class="button filters-toggle" aria-controls="filter-panel" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { lang.texts().hide_filters } else { lang.texts().show_filters }}
                {move || (chosen() > 0).then(|| format!(" ({})", chosen()))}
            </button>
            <section id="filter-panel" class="filter-panel" aria-label=tr(|t| t.filters)>
                <fieldset>
                    <legend>{tr(|t| t.status)}</legend>
                    {check("certified", text(|t| t.certified_only), counts.of(|f| Some(f.certified)), nav, |f| f.certified_only, |f| f.certified_only = !f.certified_only)}
                    {check("open", text(|t| t.open_now), counts.of(|f| Some(f.open_now)), nav, |f| f.open_now, |f| f.open_now = !f.open_now)}
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.district)}</legend>
                    <div class="check-grid">{districts.collect_view()}</div>
                </fieldset>
                <fieldset>
                    <legend>{tr(|t| t.service)}</legend>
                    <div class="check-grid">{services.collect_view()}</div>
                </fieldset>
            </section>
        </div>
    }
}

/// The chosen filters as removable chips, then "clear all". Removing a chip leaves the focus on
/// the chip that takes its place (the next one, else the last), or on the results when none is left.
#[component]
pub fn Chips() -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let group = NodeRef::<html::Div>::new();
    let chips = Memo::new(move |_| nav.with(|v| v.filter.chips()));
    let remove = move |k: usize| {
        nav.push(|v| {
            if let Some(chip) = v.filter.chips().get(k) {
                v.filter.remove(chip);
            }
        });
        focus_later(move || {
            let chips = group.get_untracked().filter(|g| g.is_connected()).and_then(|g| g.query_selector_all("button.chip").ok());
            match chips.filter(|c| c.length() > 0) {
                Some(c) => wasm_bindgen::JsCast::dyn_into(c.item((k as u32).min(c.length() - 1))?).ok(),
                None => document().get_element_by_id("results"),
            }
        });
    };
    let buttons = move || {
        let l = lang.0.get();
        let list = chips.get().into_iter().enumerate().map(|(k, chip)| {
            let text = chip.label(l);
            let name = format!("{}：{text}", l.texts().remove_filter);
            view! {
                <button type="button" class="chip" aria-label=name on:click=move |_| remove(k)>
                    <span>{text}</span>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>
                </button>
            }
        });
        list.collect_view()
    };
    move || {
        chips.with(|c| !c.is_empty()).then(|| {
            view! {
                <div class="chips" role="group" aria-label=tr(|t| t.chosen_filters) node_ref=group>
                    {buttons}
                    <button type="button" class="link-button" on:click=move |_| nav.push(|v| v.filter = v.filter.cleared())>{tr(|t| t.clear_all)}</button>
                </div>
            }
        })
    }
}
