//! The whole app: header, the finder (once the data is in), footer; and the page-wide controls
//! (language, elderly mode, the embed code). With `?embed=1` a compact view for an `<iframe>`:
//! no header or footer, and the height posted to the host page.

use leptos::prelude::*;

use super::document::{browser_lang, register_service_worker_when, stored_elderly, use_clock, use_document, use_online, DocumentState};
use super::finder::Finder;
use super::first_view::{take_over, Early, EarlyInput};
use super::load::{use_boundaries, use_dataset, use_holidays, DatasetLoad, Loaded};
use super::nav::{location_search, page_address, use_nav, Nav};
use super::{copy_to_clipboard, tr, Elderly, Now, Shapes, UiLang};
use crate::domain::i18n::Lang;
use crate::domain::url_state::{flag, ViewState};
use crate::html::embed::embed_snippet;
use crate::html::page::{brand_html, footer_html};

#[component]
pub fn App() -> impl IntoView {
    let search = location_search();
    let embed = flag(&search, "embed");
    let (initial, ignored) = ViewState::parse(&search);
    let nav = use_nav(initial);
    provide_context(nav);
    let (clock, calendar) = (use_clock(), use_holidays());
    provide_context(Now(Memo::new(move |_| calendar.with(|c| c.as_ref().map_or(clock.get(), |c| clock.get().with_calendar(c))))));
    let elderly = RwSignal::new(flag(&search, "elderly") || stored_elderly());
    provide_context(Elderly(elderly));
    // What a person did on the prerendered first view is taken over as the data arrives.
    let early = StoredValue::new(Early::default());
    provide_context(EarlyInput(early));
    let load = use_dataset(nav, Callback::new(move |()| early.set_value(take_over(nav))));
    let config = Memo::new(move |_| load.data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|d| d.config.clone())));
    provide_context(Shapes(use_boundaries(config)));
    // ?lang= or the switcher, else the browser's language, else the configured default.
    let browser = browser_lang();
    let lang = Memo::new(move |_| {
        nav.with(|v| v.lang).or(browser).or_else(|| config.with(|c| c.as_ref().and_then(|c| c.default_lang))).unwrap_or_default()
    });
    provide_context(UiLang(lang));
    use_document(DocumentState { lang, elderly, embed, config });
    let data_in = Memo::new(move |_| load.data.with(|d| matches!(d, Some(Ok(_)))));
    register_service_worker_when(data_in);
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
            <Notices ignored=ignored load=load />
            // Built once the data is in (again after a retry); parts of a split dataset that
            // arrive later reach it through `load.data`, so nothing is rebuilt under the person's hands.
            {move || data_in.get().then(|| view! { <Finder data=load.data /> })}
        </main>
        {(!embed).then(|| view! { <Footer data=load.data /> })}
    }
}

/// What the page says about itself above the finder: ignored link parameters, being offline,
/// the load in progress or why it failed (with a retry), a part that could not be read.
#[component]
fn Notices(ignored: Vec<String>, load: DatasetLoad) -> impl IntoView {
    let online = use_online();
    let DatasetLoad { data, part_failed, retry } = load;
    let failure = move || data.with(|d| d.as_ref().and_then(|r| r.as_ref().err()).map(ToString::to_string));
    view! {
        {(!ignored.is_empty()).then(|| view! {
            <p class="notice" role="note">{tr(|t| t.ignored_params)} " " {ignored.join(", ")}</p>
        })}
        {move || (!online.get()).then(|| view! { <p class="notice" role="status">{tr(|t| t.offline)}</p> })}
        {move || data.with(Option::is_none).then(|| view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> })}
        {move || failure().map(|detail| {
            leptos::logging::error!("dataset: {detail}");
            view! {
                <div class="error" role="alert">
                    <p>{tr(|t| t.load_failed)}</p>
                    <p class="error-detail">{detail}</p>
                    <button type="button" class="button" on:click=move |_| retry.run(())>{tr(|t| t.retry)}</button>
                </div>
            }
        })}
        {move || part_failed.get().then(|| view! {
            <div class="error" role="alert">
                <p>{tr(|t| t.load_failed)}</p>
                <button type="button" class="button" on:click=move |_| part_failed.set(false)>{tr(|t| t.retry)}</button>
            </div>
        })}
    }
}

/// The footer: the data's date and source, the text list, where to report an error, the credits,
/// and the embed code.
#[component]
fn Footer(data: ReadSignal<Loaded>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let lines = move || {
        data.with(|d| {
            let d = d.as_ref().and_then(|r| r.as_ref().ok());
            footer_html(d.map(|d| &d.meta), d.and_then(|d| d.config.report_link("")).as_deref(), lang.0.get())
        })
    };
    view! {
        <footer class="site-footer">
            <div inner_html=lines></div>
            <EmbedCode />
        </footer>
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
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let copied = RwSignal::new(false);
    let snippet = move || {
        let origin = window().location().origin().unwrap_or_default();
        nav.with(|v| embed_snippet(&page_address(), &origin, &ViewState { space: None, ..v.clone() }, lang.texts().title))
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
    let nav = expect_context::<Nav>();
    let lang = expect_context::<UiLang>();
    let options = Lang::ALL.iter().map(|&l| {
        view! { <option value=l.tag() selected=move || lang.0.get() == l lang=l.tag()>{l.name()}</option> }
    });
    view! {
        <label class="lang-switch">
            <span>{tr(|t| t.language)}</span>
            <select on:change=move |ev| {
                let chosen = Lang::from_tag(&event_target_value(&ev));
                nav.push(|v| v.lang = chosen);
            }>{options.collect_view()}</select>
        </label>
    }
}
