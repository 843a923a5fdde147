//! Loading: the configuration, then the dataset (a whole file, or the parts of a split one as the
//! view needs them), and the district boundaries; each with what went wrong, and a retry.

use std::sync::Arc;

use leptos::prelude::*;

use super::effect;
use super::nav::{location_search, Nav};
use crate::domain::boundaries::Boundaries;
use crate::domain::config::Config;
use crate::domain::filter::Catalog;
use crate::domain::holidays::Calendar;
use crate::domain::load::{needed, parse_dataset, resolve, Index, LoadError, Part};
use crate::domain::model::{district_index, Dataset, District, Meta, Space, DISTRICTS};
use crate::domain::url_state::ViewState;

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

impl Data {
    /// The parts not loaded that a choice of districts needs (all of them when none is chosen).
    fn needs(&self, districts: &[&District]) -> Vec<Part> {
        needed(&self.pending, districts)
    }

    /// Whether the part of each district (in the order of [`DISTRICTS`]) is still to load.
    pub fn unloaded(&self) -> [bool; DISTRICTS.len()] {
        let mut out = [false; DISTRICTS.len()];
        for k in self.pending.iter().filter_map(|p| district_index(&p.district)) {
            out[k] = true;
        }
        out
    }

    /// The data with some parts' spaces added to it.
    fn with_parts(&self, parts: &[Part], spaces: Vec<Space>) -> Data {
        let mut all = self.catalog.spaces.clone();
        all.extend(spaces);
        let pending = self.pending.iter().filter(|p| !parts.contains(p)).cloned().collect();
        Data { catalog: Arc::new(Catalog::new(all)), pending, ..self.clone() }
    }
}

/// The load: nothing yet, the data, or why there is none.
pub type Loaded = Option<Result<Data, FetchError>>;

/// The dataset's load and what can be done about it.
#[derive(Clone, Copy)]
pub struct DatasetLoad {
    pub data: ReadSignal<Loaded>,
    /// A part of a split dataset could not be read: the spaces shown stay.
    pub part_failed: RwSignal<bool>,
    /// Loads the whole dataset again (after it failed).
    pub retry: Callback<()>,
}

/// Loads the dataset, then the parts of a split one as the view's districts need them (all of
/// them once none is chosen), never before; a district embed reads its own part only.
/// `before_shown` runs once the dataset is read (or has failed), before the finder is built on it.
pub fn use_dataset(nav: Nav, before_shown: Callback<()>) -> DatasetLoad {
    // Tasks that fill signals rather than `LocalResource`s: decision 0012.
    let data = RwSignal::new(None::<Result<Data, FetchError>>);
    let retry = Callback::new(move |()| {
        data.set(None);
        leptos::task::spawn_local(async move {
            let read = fetch_dataset().await;
            before_shown.run(());
            data.set(Some(read));
        });
    });
    retry.run(());
    let fetching = StoredValue::new(Vec::<Part>::new());
    let part_failed = RwSignal::new(false);
    effect(move || {
        if part_failed.get() {
            return;
        }
        let needed = nav.with(|v| data.with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).map(|d| d.needs(&v.filter.districts))));
        let parts: Vec<Part> = needed.unwrap_or_default().into_iter().filter(|p| !fetching.with_value(|f| f.contains(p))).collect();
        if parts.is_empty() {
            return;
        }
        fetching.update_value(|f| f.extend(parts.iter().cloned()));
        leptos::task::spawn_local(async move {
            match fetch_parts(&parts).await {
                Ok(spaces) => data.update(|d| {
                    if let Some(Ok(d)) = d {
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
    DatasetLoad { data: data.read_only(), part_failed, retry }
}

/// The district boundaries (the map, "near me"), fetched once the configuration is known.
pub fn use_boundaries(config: Memo<Option<Config>>) -> ReadSignal<Option<Boundaries>> {
    let shapes = RwSignal::new(None);
    let url = Memo::new(move |_| config.with(|c| c.as_ref().map(|c| c.boundaries_url.clone())));
    effect(move || {
        let Some(url) = url.get() else { return };
        leptos::task::spawn_local(fetch_into(url, Boundaries::from_geojson, shapes, "district boundaries"));
    });
    shapes.read_only()
}

/// China's holiday calendar (`data/holidays.json`, beside the default dataset), for "open now":
/// without it (not read yet, or unreadable) holidays are not known and the details say so.
pub fn use_holidays() -> ReadSignal<Option<Calendar>> {
    let calendar = RwSignal::new(None);
    leptos::task::spawn_local(fetch_into("data/holidays.json".into(), Calendar::parse, calendar, "holiday calendar"));
    calendar.read_only()
}

/// Reads a file the finder can do without: parsed into `into`, or a console warning naming `what`.
async fn fetch_into<T: Send + Sync + 'static>(url: String, parse: fn(&str) -> Result<T, String>, into: RwSignal<Option<T>>, what: &str) {
    match fetch_text(&url).await.map_err(|e| e.to_string()).and_then(|text| parse(&text)) {
        Ok(value) => into.set(Some(value)),
        Err(e) => leptos::logging::warn!("{what}: {e}"),
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
    // Bytes, not text: a JS string passed into wasm reserves up to three bytes per character
    // before it is trimmed; the bytes arrive at their size.
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

/// The spaces of some parts of a split dataset, read in parallel.
async fn fetch_parts(parts: &[Part]) -> Result<Vec<Space>, FetchError> {
    let files = futures::future::try_join_all(parts.iter().map(|p| fetch_dataset_file(&p.url))).await?;
    Ok(files.into_iter().flat_map(|d| d.spaces).collect())
}

/// The configuration, then the dataset; of a split dataset, the parts of the districts in the
/// link (all when none is chosen), the others left in [`Data::pending`].
async fn fetch_dataset() -> Result<Data, FetchError> {
    let config = fetch_config().await;
    let Some(index_url) = config.dataset_index_url.clone() else {
        let Dataset { meta, spaces } = fetch_dataset_file(&config.dataset_url).await?;
        let total = spaces.len();
        return Ok(Data { config, meta, catalog: Arc::new(Catalog::new(spaces)), total, pending: Vec::new() });
    };
    let index = Index::parse(&fetch_text(&index_url).await?)?;
    let parts: Vec<Part> = index.parts.iter().map(|p| Part { url: resolve(&index_url, &p.url), ..p.clone() }).collect();
    let chosen = ViewState::parse(&location_search()).0.filter.districts;
    let total = parts.iter().map(|p| p.count).sum();
    let all = Data { config, meta: index.meta, catalog: Arc::new(Catalog::new(Vec::new())), total, pending: parts };
    let first = all.needs(&chosen);
    Ok(all.with_parts(&first, fetch_parts(&first).await?))
}
