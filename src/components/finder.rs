//! The finder proper: search, near me, filters, the list, the map, the overview and the details,
//! all over one filter outcome that follows the view and the catalog.

use std::sync::Arc;

use leptos::prelude::*;

use super::details::Details;
use super::export::{ExportBar, PrintTable};
use super::filters::{FilterPanel, SearchBox};
use super::load::Loaded;
use super::map::{MapPanel, MapPick};
use super::nav::Nav;
use super::near::NearMe;
use super::overview::Overview;
use super::results::{Results, ViewToggle};
use super::{effect, tr, AppConfig, Now, UiLang};
use crate::domain::filter::{run, Outcome};
use crate::domain::model::Meta;
use crate::domain::page::data_line;
use crate::domain::url_state::Pane;

#[component]
pub fn Finder(data: ReadSignal<Loaded>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let Now(now) = expect_context();
    // Built once the data is in; what arrives later (parts of a split dataset) is followed below.
    let Some(Ok(initial)) = data.get_untracked() else { return ().into_any() };
    // The catalog grows when parts of a split dataset arrive; the districts still to load have
    // no count in the filters (it is not known yet).
    let unloaded = RwSignal::new(initial.unloaded());
    let catalog = RwSignal::new(initial.catalog.clone());
    effect(move || {
        data.with(|d| {
            if let Some(Ok(d)) = d {
                if !Arc::ptr_eq(&d.catalog, &catalog.get_untracked()) {
                    catalog.set(d.catalog.clone());
                    unloaded.set(d.unloaded());
                }
            }
        });
    });
    let outcome: Memo<Outcome> = Memo::new(move |_| catalog.with(|c| nav.with(|v| run(c, &v.filter, v.sort, now.get()))));
    provide_context(MapPick(RwSignal::new(None)));
    provide_context(AppConfig(initial.config.clone()));
    let printing = RwSignal::new(false);
    let pane_is = move |pane: Pane| nav.with(|v| v.pane == pane);
    let stats_shown = Memo::new(move |_| pane_is(Pane::Stats));
    view! {
        {initial.meta.sample.then(|| view! { <SampleNotice meta=initial.meta.clone() /> })}
        <div class="finder" class:show-map=move || pane_is(Pane::Map) class:show-stats=move || stats_shown.get()>
            <SearchBox />
            <NearMe catalog=catalog.read_only() />
            <FilterPanel outcome=outcome unloaded=unloaded.read_only() />
            <ViewToggle />
            <Results outcome=outcome total=initial.total>
                <ExportBar outcome=outcome printing=printing />
            </Results>
            <MapPanel outcome=outcome config=initial.config.clone() />
            {move || stats_shown.get().then(|| view! { <Overview outcome=outcome /> })}
            <Details outcome=outcome />
        </div>
        <PrintTable outcome=outcome printing=printing />
    }
    .into_any()
}

/// "Sample data", one line that opens to what the data is.
#[component]
fn SampleNotice(meta: Meta) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    view! {
        <div class="sample-notice" role="note">
            <details>
                <summary>{tr(|t| t.sample_notice)} " · " <span class="more">{tr(|t| t.sample_more)}</span></summary>
                <p>{move || data_line(&meta, lang.0.get())}</p>
            </details>
        </div>
    }
}
