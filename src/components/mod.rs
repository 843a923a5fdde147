//! The Leptos components. They only wire signals to the [`crate::domain`] core.

mod details;
mod export;
mod filters;
mod map;
mod near;
mod results;
mod stats;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::boundaries::Boundaries;
use crate::domain::config::Config;
use crate::domain::filter::{run, Catalog, Outcome};
use crate::domain::hours::CstTime;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::load::{parse_dataset, resolve, Index, LoadError, Part};
use crate::domain::model::{district_index, Dataset, Meta, Space};
use crate::domain::page::{brand_html, footer_html};
use crate::domain::url_state::{Pane, ViewState};

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("network: {0}")]
    Network(String),
    #[error("HTTP status {0}")]
    Http(u16),
    #[error(transparent)]
    Format(#[from] LoadError),
}

/// The dataset as loaded, with the runtime configuration it was loaded under.
#[derive(Clone)]
pub struct Data {
    pub config: Config,
    pub meta: Meta,
    pub catalog: Arc<Catalog>,
    /// Spaces in the whole dataset, including parts not loaded yet.
    pub total: usize,
    /// Parts of a split dataset not loaded (yet), with their URLs resolved.
    pub pending: Vec<Part>,
}

/// The same data: the same catalog (the finder follows a new one in place) and the same parts to load.
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.catalog, &other.catalog) && self.pending == other.pending
    }
}

/// Reads `config.json`; a missing or bad file means the defaults, with a console warning.
async fn fetch_config() -> Config {
    let text = match fetch_text("config.json").await {
        Ok(text) => text,
        Err(e) => {
            leptos::logging::warn!("config.json: {e}; using defaults");
            return Config::default();
        }
    };
    let (config, warnings) = Config::parse(&text);
    for w in warnings {
        leptos::logging::warn!("{w}");
    }
    config
}

async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| FetchError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    // Bytes, not text: passing a JS string into wasm reserves up to three bytes per character
    // before trimming (200 MB for a 64 MB dataset); the bytes arrive at their size.
    let bytes = response.binary().await.map_err(|e| FetchError::Network(e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| FetchError::Format(LoadError::NotJson("the file is not UTF-8 text".into())))
}

/// Reads one dataset file (a whole dataset, or a part of a split one).
async fn fetch_dataset_file(url: &str) -> Result<Dataset, FetchError> {
    let loaded = parse_dataset(&fetch_text(url).await?)?;
    // Skipped records are for the editors: the console names each one.
    for p in &loaded.skipped {
        leptos::logging::warn!("{url}: skipped record {p}");
    }
    Ok(loaded.dataset)
}

/// The spaces of the parts of a split dataset, read in parallel.
async fn fetch_parts(urls: &[String]) -> Result<Vec<Space>, FetchError> {
    let parts = futures::future::try_join_all(urls.iter().map(|u| fetch_dataset_file(u))).await?;
    Ok(parts.into_iter().flat_map(|d| d.spaces).collect())
}

/// The configuration, then the dataset. A split dataset loads the parts for the districts in
/// the link (all when none is chosen); the others are left in `Data::pending` until the view
/// needs them ([`Data::needs`]).
async fn fetch_dataset() -> Result<Data, FetchError> {
    let config = fetch_config().await;
    let Some(index_url) = config.dataset_index_url.clone() else {
        let Dataset { meta, spaces } = fetch_dataset_file(&config.dataset_url).await?;
        let total = spaces.len();
        return Ok(Data { config, meta, catalog: Arc::new(Catalog::new(spaces)), total, pending: Vec::new() });
    };
    let index = Index::parse(&fetch_text(&index_url).await?)?;
    let chosen = ViewState::parse(&location_search()).0.filter.districts;
    let (first, rest) = index.split_for(&chosen);
    let spaces = fetch_parts(&first.iter().map(|p| resolve(&index_url, &p.url)).collect::<Vec<_>>()).await?;
    let pending = rest.iter().map(|p| Part { url: resolve(&index_url, &p.url), ..(*p).clone() }).collect();
    let total = index.parts.iter().map(|p| p.count).sum();
    Ok(Data { config, meta: index.meta, catalog: Arc::new(Catalog::new(spaces)), total, pending })
}

impl Data {
    /// The parts not loaded that a choice of districts needs (all of them when none is chosen).
    fn needs(&self, districts: &[String]) -> Vec<Part> {
        self.pending.iter().filter(|p| districts.is_empty() || districts.contains(&p.district)).cloned().collect()
    }

    /// The districts whose part is not loaded, one bit each (bit `k`: `DISTRICTS[k]`).
    fn unloaded(&self) -> u16 {
        self.pending.iter().filter_map(|p| district_index(&p.district)).fold(0, |bits, k| bits | 1 << k)
    }

    /// The data with some parts' spaces added to it.
    fn with_parts(&self, parts: &[Part], spaces: Vec<Space>) -> Data {
        let mut all = self.catalog.spaces.clone();
        all.extend(spaces);
        let pending = self.pending.iter().filter(|p| !parts.contains(p)).cloned().collect();
        Data { catalog: Arc::new(Catalog::new(all)), pending, ..self.clone() }
    }
}

/// The finder's spaces: a catalog that grows when parts of a split dataset arrive.
pub type Spaces = ReadSignal<Arc<Catalog>>;

/// The runtime configuration, once loaded.
#[derive(Clone)]
pub struct AppConfig(pub Config);

/// The view state, the single source of truth mirrored in the URL.
#[derive(Clone, Copy)]
pub struct View(pub RwSignal<ViewState>);

/// Set before a change that should replace the history entry instead of pushing one
/// (typing in the search box).
#[derive(Clone, Copy)]
pub struct ReplaceHistory(pub StoredValue<bool>);

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
pub struct Shapes(pub RwSignal<Option<Boundaries>>);

async fn fetch_boundaries(url: String) -> Result<Boundaries, String> {
    Boundaries::from_geojson(&fetch_text(&url).await.map_err(|e| e.to_string())?)
}

/// The current time in China Standard Time, refreshed every minute.
#[derive(Clone, Copy)]
pub struct Now(pub RwSignal<CstTime>);

fn now_cst() -> CstTime {
    CstTime::from_unix_ms(js_sys::Date::now())
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

fn browser_lang() -> Option<Lang> {
    window().navigator().language().and_then(|l| Lang::from_tag(&l))
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/components/embed.js")]
extern "C" {
    #[wasm_bindgen::prelude::wasm_bindgen(js_name = startHeightMessages)]
    fn start_height_messages(origins: &str);
}

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

/// Copies text to the clipboard, then reports whether the browser allowed it.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move { done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()) });
}

/// Also read by `public/first-view.js`, before the app runs: keep the two in step.
const ELDERLY_KEY: &str = "gz-charity-finder:elderly";

fn stored_elderly() -> bool {
    window().local_storage().ok().flatten().and_then(|s| s.get_item(ELDERLY_KEY).ok().flatten()).is_some_and(|v| v == "1")
}

fn store_elderly(on: bool) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = if on { storage.set_item(ELDERLY_KEY, "1") } else { storage.remove_item(ELDERLY_KEY) };
    }
}

/// Large text, larger controls, higher contrast (适老化), remembered on this device.
#[derive(Clone, Copy)]
pub struct Elderly(pub RwSignal<bool>);

/// Writes the view to the address bar: a push for discrete changes, a replace while typing
/// (and for the first, canonicalising write).
fn sync_url(view: RwSignal<ViewState>, replace: StoredValue<bool>) {
    effect(move || {
        let current = location_search();
        let query = view.with(|v| v.to_query_keeping(&current));
        let replace_now = replace.get_value();
        replace.set_value(false);
        if query == current {
            return;
        }
        let location = window().location();
        let url = format!("{}{}{}", location.pathname().unwrap_or_default(), query, location.hash().unwrap_or_default());
        // Writing history costs several milliseconds: the new list is painted first.
        after_paint(move || {
            let Ok(history) = window().history() else { return };
            let result = if replace_now {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
            if result.is_err() {
                leptos::logging::warn!("could not update the address bar");
            }
        });
    });
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

/// The whole app: header, the finder (once the data is in), footer. With `?embed=1` a compact
/// view for an `<iframe>`: no header or footer, and the height posted to the host page.
#[component]
pub fn App() -> impl IntoView {
    let search = location_search();
    let embed = crate::domain::url_state::flag(&search, "embed");
    let (initial, ignored) = ViewState::parse(&search);
    let view = RwSignal::new(initial);
    let replace = StoredValue::new(true);
    provide_context(View(view));
    provide_context(ReplaceHistory(replace));
    let now = RwSignal::new(now_cst());
    provide_context(Now(now));
    let tick = set_interval_with_handle(move || now.set(now_cst()), std::time::Duration::from_secs(60));
    on_cleanup(move || {
        if let Ok(handle) = tick {
            handle.clear();
        }
    });
    let elderly = RwSignal::new(crate::domain::url_state::flag(&search, "elderly") || stored_elderly());
    provide_context(Elderly(elderly));

    // Loaded by tasks that fill signals: `LocalResource`s here brought Leptos' asynchronous
    // machinery into the wasm, 15 KB of gzip (decision 0012).
    let first = RwSignal::new(None::<Result<Data, FetchError>>);
    let load = move || leptos::task::spawn_local(async move { first.set(Some(fetch_dataset().await)) });
    load();
    // A split dataset: the parts of the districts chosen are loaded when they are chosen (all of
    // them once none is), never before; a district embed reads its own part only.
    let fetching = StoredValue::new(Vec::<Part>::new());
    // A part that could not be read: the spaces shown stay, an alert offers to try again.
    let part_failed = RwSignal::new(false);
    effect(move || {
        if part_failed.get() {
            return;
        }
        let districts = view.with(|v| v.filter.districts.clone());
        let needed = first.with(|f| f.as_ref().and_then(|r| r.as_ref().ok()).map(|d| d.needs(&districts)).unwrap_or_default());
        let parts: Vec<Part> = needed.into_iter().filter(|p| !fetching.with_value(|f| f.contains(p))).collect();
        if parts.is_empty() {
            return;
        }
        fetching.update_value(|f| f.extend(parts.iter().cloned()));
        leptos::task::spawn_local(async move {
            let urls: Vec<String> = parts.iter().map(|p| p.url.clone()).collect();
            match fetch_parts(&urls).await {
                Ok(spaces) => first.update(|f| {
                    if let Some(Ok(d)) = f {
                        *d = d.with_parts(&parts, spaces);
                    }
                }),
                Err(e) => {
                    leptos::logging::warn!("dataset parts: {e}");
                    part_failed.set(true);
                }
            }
            fetching.update_value(|f| f.retain(|p| !parts.contains(p)));
        });
    });
    let data = Memo::new(move |_| first.get());
    let ready = Memo::new(move |_| data.with(|d| matches!(d, Some(Ok(_)))));
    // The prerendered first view (scripts/prerender.mjs) gives way once the finder, or the
    // reason it cannot load, is built: before the frame is painted, so the two never both show.
    effect(move || {
        if data.with(Option::is_some) {
            if let Some(first) = document().get_element_by_id("first-view") {
                first.remove();
            }
        }
    });
    let config = move || data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|d| d.config.clone()));
    // The district boundaries (the map, "near me"): fetched once the configuration is known, and
    // kept when more parts of a split dataset arrive.
    let shapes = RwSignal::new(None);
    provide_context(Shapes(shapes));
    let boundaries_url = Memo::new(move |_| config().map(|c| c.boundaries_url));
    effect(move || {
        if let Some(url) = boundaries_url.get() {
            leptos::task::spawn_local(async move {
                match fetch_boundaries(url).await {
                    Ok(b) => shapes.set(Some(b)),
                    Err(e) => leptos::logging::warn!("district boundaries: {e}"),
                }
            });
        }
    });
    // ?lang= or the switcher, else the browser's language, else the configured default.
    let browser = browser_lang();
    let lang = Memo::new(move |_| view.with(|v| v.lang).or(browser).or_else(|| config().and_then(|c| c.default_lang)).unwrap_or_default());
    provide_context(UiLang(lang));

    sync_url(view, replace);
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        replace.set_value(true);
        view.set(ViewState::parse(&location_search()).0);
    });
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
        let Some(config) = config() else { return };
        if let (Some(colour), Some(root)) = (&config.theme_color, document().document_element()) {
            use wasm_bindgen::JsCast;
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
    // Offline support: the service worker is registered once the finder is up, so it never slows
    // the first paint.
    let online = RwSignal::new(window().navigator().on_line());
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let sw_registered = StoredValue::new(false);
    effect(move || {
        if ready.get() && !sw_registered.get_value() {
            sw_registered.set_value(true);
            let _ = window().navigator().service_worker().register("sw.js");
        }
    });
    let t = move || lang.get().texts();

    view! {
        <a class="skip-link" href="#results">{tr(|t| t.skip_to_results)}</a>
        {(!embed).then(|| view! {
            <header class="site-header">
                <div class="header-inner">
                    <div class="brand" inner_html=move || brand_html(lang.get())></div>
                    <Preferences />
                </div>
            </header>
        })}
        <main id="main">
            {embed.then(|| view! {
                <div class="embed-bar">
                    <h1 class="visually-hidden">{tr(|t| t.title)}</h1>
                    <Preferences />
                </div>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <p class="notice" role="note">{tr(|t| t.ignored_params)} " " {ignored.join(", ")}</p>
            })}
            {move || (!online.get()).then(|| view! { <p class="notice" role="status">{tr(|t| t.offline)}</p> })}
            {move || part_failed.get().then(|| view! {
                <div class="error" role="alert">
                    <p>{tr(|t| t.load_failed)}</p>
                    <button type="button" class="button" on:click=move |_| part_failed.set(false)>{tr(|t| t.retry)}</button>
                </div>
            })}
            {move || match data.get() {
                None => view! { <p class="loading" role="status">{t().loading}</p> }.into_any(),
                Some(Err(e)) => {
                    leptos::logging::error!("dataset: {e}");
                    view! {
                        <div class="error" role="alert">
                            <p>{t().load_failed}</p>
                            <p class="error-detail">{e.to_string()}</p>
                            <button type="button" class="button" on:click=move |_| {
                                first.set(None);
                                load();
                            }>{t().retry}</button>
                        </div>
                    }.into_any()
                }
                Some(Ok(_)) => ().into_any(),
            }}
            // Built once the data is in (again after a retry); parts of a split dataset that
            // arrive later reach it through `data`, so nothing is rebuilt under the person's hands.
            {move || ready.get().then(|| data.get_untracked()).flatten().and_then(Result::ok).map(|d| view! { <Finder data=d loaded=data /> })}
        </main>
        {(!embed).then(|| view! {
            <footer class="site-footer">
                <div inner_html=move || data.with(|d| {
                    let d = d.as_ref().and_then(|r| r.as_ref().ok());
                    footer_html(d.map(|d| &d.meta), d.and_then(|d| d.config.report_link("")).as_deref(), lang.get())
                })></div>
                <EmbedCode />
            </footer>
        })}
    }
}

/// The language switcher and the elderly-mode toggle.
#[component]
fn Preferences() -> impl IntoView {
    let Elderly(elderly) = expect_context();
    view! {
        <div class="preferences">
            <button
                type="button"
                class="pref-toggle"
                aria-pressed=move || elderly.get().to_string()
                on:click=move |_| elderly.update(|e| *e = !*e)
            >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 18l5-12 5 12M6 14h6M15 18l3-8 3 8M16 15.5h4" /></svg>
                {tr(|t| t.elderly_mode)}
            </button>
            <LanguageSwitcher />
        </div>
    }
}

/// "Embed this view": the iframe snippet for the current filters.
#[component]
fn EmbedCode() -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let copied = RwSignal::new(false);
    let snippet = move || {
        let location = window().location();
        let page = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
        let origin = location.origin().unwrap_or_default();
        view.with(|v| crate::domain::url_state::embed_snippet(&page, &origin, &ViewState { space: None, ..v.clone() }, lang.texts().title))
    };
    let copy = move |_| copy_to_clipboard(&snippet(), move |ok| copied.set(ok));
    view! {
        <details class="embed-code">
            <summary>{tr(|t| t.embed_title)}</summary>
            <p id="embed-help">{tr(|t| t.embed_help)}</p>
            <textarea readonly rows="7" aria-describedby="embed-help" aria-label=tr(|t| t.embed_title) prop:value=snippet></textarea>
            <button type="button" class="button small" on:click=copy>{tr(|t| t.copy_code)}</button>
            <span role="status">{move || copied.get().then(|| lang.texts().code_copied)}</span>
        </details>
    }
}

/// Chooses the interface language; the choice goes into the URL (`?lang=`).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    view! {
        <label class="lang-switch">
            <span>{tr(|t| t.language)}</span>
            <select on:change=move |ev| {
                let chosen = Lang::from_tag(&event_target_value(&ev));
                view.update(|v| v.lang = chosen);
            }>
                {Lang::ALL.iter().map(|l| {
                    let l = *l;
                    let label = match l { Lang::ZhCn => "简体中文", Lang::En => "English", Lang::ZhTw => "繁體中文" };
                    view! { <option value=l.tag() selected=move || lang.0.get() == l lang=l.tag()>{label}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// The finder proper: filters, results and details over a loaded catalog.
#[component]
fn Finder(data: Data, loaded: Memo<Option<Result<Data, FetchError>>>) -> impl IntoView {
    let View(view) = expect_context();
    let Now(now) = expect_context();
    let lang = expect_context::<UiLang>();
    // The catalog grows when parts of a split dataset arrive; the districts still to load have
    // no count in the filters (it is not known yet).
    let catalog = RwSignal::new(data.catalog.clone());
    let unloaded = RwSignal::new(data.unloaded());
    effect(move || {
        loaded.with(|d| {
            if let Some(Ok(d)) = d {
                if !Arc::ptr_eq(&d.catalog, &catalog.get_untracked()) {
                    catalog.set(d.catalog.clone());
                    unloaded.set(d.unloaded());
                }
            }
        });
    });
    let catalog = catalog.read_only();
    let outcome: Memo<Outcome> = Memo::new(move |_| catalog.with(|c| view.with(|v| run(c, &v.filter, v.sort, now.get()))));
    let total = data.total;
    provide_context(map::MapPick(RwSignal::new(None)));
    provide_context(AppConfig(data.config.clone()));
    let printing = RwSignal::new(false);
    let stats_shown = Memo::new(move |_| view.with(|v| v.pane == Pane::Stats));
    view! {
        {data.meta.sample.then(|| {
            let meta = data.meta.clone();
            view! {
                <div class="sample-notice" role="note">
                    <details>
                        <summary>{tr(|t| t.sample_notice)} " · " <span class="more">{tr(|t| t.sample_more)}</span></summary>
                        <p>{move || crate::domain::page::data_line(&meta, lang.0.get())}</p>
                    </details>
                </div>
            }
        })}
        <div class="finder" class:show-map=move || view.with(|v| v.pane == Pane::Map) class:show-stats=move || view.with(|v| v.pane == Pane::Stats)>
            <filters::SearchBox />
            <near::NearMe catalog=catalog />
            <filters::FilterPanel outcome=outcome unloaded=unloaded.read_only() />
            <map::ViewToggle />
            <results::Results catalog=catalog outcome=outcome total=total>
                <export::ExportBar catalog=catalog outcome=outcome printing=printing />
            </results::Results>
            <map::MapPanel catalog=catalog outcome=outcome config=data.config.clone() />
            {move || stats_shown.get().then(|| view! { <stats::Overview catalog=catalog outcome=outcome /> })}
            <details::Details catalog=catalog />
        </div>
        <export::PrintTable catalog=catalog outcome=outcome printing=printing />
    }
}
