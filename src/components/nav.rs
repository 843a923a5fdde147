//! Where the person is in the finder: the view state, mirrored in the address bar. Every change
//! goes through [`Nav::navigate`], which says whether it is a new history entry or replaces the
//! current one.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{after_paint, effect};
use crate::domain::url_state::ViewState;

/// How a change of view is written to the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the view before the change.
    Push,
    /// The current entry changes (typing in the search box, after its first keystroke).
    Replace,
}

/// The view state, the single source of truth mirrored in the URL.
#[derive(Clone, Copy)]
pub struct Nav {
    state: RwSignal<ViewState>,
    how: StoredValue<History>,
}

impl Nav {
    /// Reads the view state (tracked: a reactive closure reading it follows it).
    pub fn with<R>(self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.state.with(f)
    }

    pub fn with_untracked<R>(self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// Changes the view, written to the history as `how` says.
    pub fn navigate(self, how: History, edit: impl FnOnce(&mut ViewState)) {
        self.change(how, Box::new(edit));
    }

    /// `navigate(History::Push, edit)`: what a discrete change is.
    pub fn push(self, edit: impl FnOnce(&mut ViewState)) {
        self.change(History::Push, Box::new(edit));
    }

    /// One body for every change: the signal's update code is compiled once, not once per caller.
    fn change(self, how: History, edit: Box<dyn FnOnce(&mut ViewState) + '_>) {
        self.how.set_value(how);
        self.state.update(edit);
    }
}

/// The view state read from the address bar, kept in step with it both ways.
pub fn use_nav(initial: ViewState) -> Nav {
    // The first write canonicalises the address the page was opened with: it replaces it.
    let nav = Nav { state: RwSignal::new(initial), how: StoredValue::new(History::Replace) };
    effect(move || {
        let current = location_search();
        let query = nav.state.with(|v| v.to_query_keeping(&current));
        let how = nav.how.get_value();
        nav.how.set_value(History::Push);
        if query != current {
            write_history(query, how);
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        nav.navigate(History::Replace, |v| *v = ViewState::parse(&location_search()).0);
    });
    nav
}

/// Writes `query` to the address bar, once the new view is painted (the list shows first).
fn write_history(query: String, how: History) {
    let location = window().location();
    let url = format!("{}{}{}", location.pathname().unwrap_or_default(), query, location.hash().unwrap_or_default());
    after_paint(move || {
        let Ok(history) = window().history() else { return };
        let written = match how {
            History::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            History::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
        if written.is_err() {
            leptos::logging::warn!("could not update the address bar");
        }
    });
}

/// This page's address for `view` (origin, path and the view's query): what a shared link, a QR
/// code or an embed points to. The query never carries the device's position.
pub fn link_to(view: &ViewState) -> String {
    format!("{}{}", page_address(), view.to_query())
}

/// This page's address without its query: origin and path.
pub fn page_address() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// The page's query string (`?…`).
pub fn location_search() -> String {
    window().location().search().unwrap_or_default()
}
