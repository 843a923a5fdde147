//! The prerendered first view (decision 0008) is live to the touch before the app is: a person can
//! tick a filter, type a search, press a view tab or "show filters" there (`public/first-view.js`
//! keeps each visible). When the app takes over, it reads what the first view shows now and
//! starts from it, exactly once: the state, not a replay of events, so a box ticked and unticked
//! again leaves nothing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::focus_later;
use super::nav::Nav;
use crate::domain::i18n::Lang;
use crate::domain::model::{district, service};
use crate::domain::url_state::{Pane, ViewState};

/// What the first view holds that is not in the view state: read by the components it concerns
/// (as the context [`EarlyInput`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Early {
    /// "Show filters" was pressed: the panel starts open.
    pub filters_open: bool,
    /// "Use my location" was pressed: it is asked for once the app is live.
    pub locate: bool,
}

/// The first view's [`Early`] input, once the app has taken over.
#[derive(Clone, Copy)]
pub struct EarlyInput(pub StoredValue<Early>);

impl EarlyInput {
    /// What was asked for on the first view (nothing when there was none, or outside the app).
    pub fn get() -> Early {
        use_context::<EarlyInput>().map(|e| e.0.get_value()).unwrap_or_default()
    }
}

/// Reads the first view (when it was shown), applies what was chosen there to the view state,
/// moves the focus to the live twin of the control that has it, and removes the first view.
pub fn take_over(nav: Nav) -> Early {
    let Some(first) = document().get_element_by_id("first-view") else { return Early::default() };
    let shown = document().document_element().is_some_and(|root| root.class_list().contains("first-view"));
    if !shown {
        first.remove();
        return Early::default();
    }
    let early = Early { filters_open: has(&first, ".filters.open"), locate: has(&first, ".near-row > button[aria-busy=true]") };
    let chosen = chosen(&first, nav.with_untracked(ViewState::clone));
    if nav.with_untracked(|v| *v != chosen) {
        nav.push(|v| *v = chosen);
    }
    if let Some(twin) = document().active_element().filter(|a| first.contains(Some(a))).and_then(|a| live_twin(&a)) {
        focus_later(move || {
            let el = document().query_selector(&twin).ok().flatten()?;
            if let Some(input) = el.dyn_ref::<HtmlInputElement>().filter(|i| i.type_() == "search") {
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
            Some(el)
        });
    }
    first.remove();
    early
}

fn has(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

/// `view` with what the first view shows: its ticked boxes, its search text, the pressed view
/// tab, the space whose link was followed, the language chosen.
fn chosen(first: &Element, mut view: ViewState) -> ViewState {
    let f = &mut view.filter;
    for value in checked(first) {
        match value.as_str() {
            "certified" => f.certified_only = true,
            "open" => f.open_now = true,
            other => {
                if let Some(d) = district(other).filter(|d| !f.districts.contains(d)) {
                    f.districts.push(d);
                }
                if let Some(s) = service(other).filter(|s| !f.services.contains(s)) {
                    f.services.push(s);
                }
            }
        }
    }
    if let Some(q) = first.query_selector(".search input").ok().flatten().and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        f.query = q.value().chars().take(100).collect();
    }
    for (class, pane) in [("pane-map", Pane::Map), ("pane-stats", Pane::Stats)] {
        if has(first, &format!(".view-toggle .{class}[aria-pressed=true]")) {
            view.pane = pane;
        }
    }
    if let Some(id) = first.get_attribute("data-space") {
        view.space = Some(id);
    }
    let lang = first.query_selector(".lang-switch select").ok().flatten().and_then(|e| e.dyn_into::<HtmlSelectElement>().ok());
    if let Some(l) = lang.and_then(|s| Lang::from_tag(&s.value())).filter(|l| *l != Lang::ZhCn) {
        view.lang = Some(l);
    }
    view
}

/// The values of the filter panel's ticked boxes.
fn checked(first: &Element) -> Vec<String> {
    let Ok(boxes) = first.query_selector_all(".filter-panel input[type=checkbox]") else { return Vec::new() };
    (0..boxes.length())
        .filter_map(|k| boxes.item(k)?.dyn_into::<HtmlInputElement>().ok())
        .filter(HtmlInputElement::checked)
        .map(|b| b.value())
        .collect()
}

/// The selector of the live control that stands where `el` stands in the first view. Values are
/// checked against the fixed lists before they go into a selector.
fn live_twin(el: &Element) -> Option<String> {
    if el.matches(".search input").unwrap_or(false) {
        return Some("#q".into());
    }
    if el.matches(".filter-panel input").unwrap_or(false) {
        let v = el.dyn_ref::<HtmlInputElement>()?.value();
        let known = matches!(v.as_str(), "certified" | "open") || district(&v).is_some() || service(&v).is_some();
        return known.then(|| format!(r#"#main .filter-panel input[value="{v}"]"#));
    }
    ["filters-toggle", "pane-list", "pane-map", "pane-stats"]
        .into_iter()
        .find(|class| el.class_list().contains(class))
        .map(|class| format!("#main .{class}"))
}
