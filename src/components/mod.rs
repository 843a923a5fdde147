//! The Leptos components. They only wire signals to the [`crate::domain`] core and to the views
//! drawn as HTML text in [`crate::html`] (decision 0019).
//!
//! Start at [`app::App`]; each component is named after what is on screen.

mod app;
mod details;
mod document;
mod export;
mod filters;
mod finder;
mod first_view;
mod load;
mod map;
mod nav;
mod near;
mod overview;
mod results;

pub use app::App;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::boundaries::Boundaries;
use crate::domain::config::Config;
use crate::domain::filter::Catalog;
use crate::domain::hours::CstTime;
use crate::domain::i18n::{Lang, Texts};

/// The finder's spaces: a catalog that grows when parts of a split dataset arrive.
pub type Spaces = ReadSignal<Arc<Catalog>>;

/// The runtime configuration, once loaded.
#[derive(Clone)]
pub struct AppConfig(pub Config);

/// The interface language in force.
#[derive(Clone, Copy)]
pub struct UiLang(pub Memo<Lang>);

impl UiLang {
    pub fn texts(self) -> &'static Texts {
        self.0.get().texts()
    }
}

/// The district boundaries, once loaded (the map and "near me" use them; the list does not wait).
#[derive(Clone, Copy)]
pub struct Shapes(pub ReadSignal<Option<Boundaries>>);

/// The current time in China Standard Time, refreshed every minute, with the kinds of its
/// week's days once the holiday calendar is in.
#[derive(Clone, Copy)]
pub struct Now(pub Memo<CstTime>);

/// Large text, larger controls, higher contrast (适老化), remembered on this device.
#[derive(Clone, Copy)]
pub struct Elderly(pub RwSignal<bool>);

/// A text of the interface in the current language, as a view or an attribute value that follows
/// the language: one closure type for all of them, so that Leptos' code to render and update it is
/// compiled once rather than once per text.
pub fn tr(pick: fn(&'static Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = expect_context::<UiLang>();
    move || pick(lang.texts())
}

/// The element an event happened in, or its nearest ancestor, that matches `selector`: how the
/// one listener of a view drawn as HTML text finds what was clicked.
pub fn target_closest(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// A click with the primary button and no modifier key: with one, the browser's own handling of
/// a link (a new tab or window) is left alone.
pub fn plain_click(ev: &web_sys::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0)
}

/// Moves the keyboard focus to an element, once the page has been redrawn.
pub fn focus_later(find: impl FnOnce() -> Option<web_sys::Element> + 'static) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(el) = find().and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Copies text to the clipboard, then reports whether the browser allowed it.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move { done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()) });
}

/// `Effect::new` for a closure that keeps no value. Boxed, so that the effect's machinery (an
/// asynchronous task each) is compiled once for all of them, not once per closure (decision 0012).
pub fn effect(f: impl FnMut() + 'static) {
    effect_boxed(Box::new(f));
}

fn effect_boxed(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}

/// Runs `work` once the browser has painted the current frame, for work the person does not
/// wait for (the address bar, the map): the list shows its new state first.
pub fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}
