//! Keeping the document in step with the app: its language, title, theme colour, the elderly and
//! embed classes, the height an embedding page is told; and what the page learns from the browser
//! (the time, being online, the stored elderly choice).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::effect;
use crate::domain::config::Config;
use crate::domain::hours::CstTime;
use crate::domain::i18n::Lang;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/components/embed.js")]
extern "C" {
    #[wasm_bindgen::prelude::wasm_bindgen(js_name = startHeightMessages)]
    fn start_height_messages(origins: &str);
}

/// What the document follows.
#[derive(Clone, Copy)]
pub struct DocumentState {
    pub lang: Memo<Lang>,
    pub elderly: RwSignal<bool>,
    pub embed: bool,
    pub config: Memo<Option<Config>>,
}

/// Keeps `<html lang>`, the title, the classes, the theme colour and the embed height in step.
pub fn use_document(state: DocumentState) {
    let DocumentState { lang, elderly, embed, config } = state;
    effect(move || {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        document().set_title(lang.texts().title);
    });
    effect(move || {
        let on = elderly.get();
        store_elderly(on);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("elderly", on);
            let _ = root.class_list().toggle_with_force("embed", embed);
        }
    });
    let height_started = StoredValue::new(false);
    effect(move || {
        config.with(|config| {
            let Some(config) = config else { return };
            if let (Some(colour), Some(root)) = (&config.theme_color, document().document_element()) {
                if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
                    let _ = root.style().set_property("--brand", colour);
                    let _ = root.style().set_property("--brand-dark", colour);
                }
            }
            if embed && !height_started.get_value() {
                height_started.set_value(true);
                start_height_messages(&serde_json::to_string(&config.allowed_origins).unwrap_or_else(|_| "[]".into()));
            }
        });
    });
}

/// The current time in China Standard Time, refreshed every minute.
pub fn use_clock() -> RwSignal<CstTime> {
    let now = RwSignal::new(now_cst());
    let tick = set_interval_with_handle(move || now.set(now_cst()), std::time::Duration::from_secs(60));
    on_cleanup(move || {
        if let Ok(handle) = tick {
            handle.clear();
        }
    });
    now
}

fn now_cst() -> CstTime {
    CstTime::from_unix_ms(js_sys::Date::now())
}

/// Whether the browser is online, as it says.
pub fn use_online() -> ReadSignal<bool> {
    let online = RwSignal::new(window().navigator().on_line());
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    online.read_only()
}

/// Registers the service worker (offline support) once `ready` is first true: never before the
/// finder is up, so it does not slow the first paint.
pub fn register_service_worker_when(ready: Memo<bool>) {
    let registered = StoredValue::new(false);
    effect(move || {
        if ready.get() && !registered.get_value() {
            registered.set_value(true);
            let _ = window().navigator().service_worker().register("sw.js");
        }
    });
}

/// The browser's language, when the interface has it.
pub fn browser_lang() -> Option<Lang> {
    window().navigator().language().and_then(|l| Lang::from_tag(&l))
}

/// Also read by `public/first-view.js`, before the app runs: keep the two in step.
const ELDERLY_KEY: &str = "gz-charity-finder:elderly";

/// Whether elderly mode was chosen on this device.
pub fn stored_elderly() -> bool {
    window().local_storage().ok().flatten().and_then(|s| s.get_item(ELDERLY_KEY).ok().flatten()).is_some_and(|v| v == "1")
}

fn store_elderly(on: bool) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = if on { storage.set_item(ELDERLY_KEY, "1") } else { storage.remove_item(ELDERLY_KEY) };
    }
}
