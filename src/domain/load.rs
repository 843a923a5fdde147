//! Loading `spaces.json`: strict about structure, forgiving about records.
//!
//! A file that is not the format fails with one [`LoadError`]; a record with a bad field is
//! skipped and reported as a [`Problem`] while every good record loads. Unknown fields are ignored.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::decimal::short;
use super::model::{district, language, service, Dataset, District, Meta, Space, LANGUAGES, SCHEMA_VERSION};

/// Rough bounding box of Guangzhou (WGS-84), used to reject coordinates far outside the city
/// (swapped latitude/longitude, a missing minus sign, another city). The validator checks the
/// district polygons precisely.
pub const GUANGZHOU_BBOX: BBox = BBox { south: 22.5, west: 112.9, north: 23.95, east: 114.1 };

/// A latitude/longitude box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BBox {
    /// Whether a WGS-84 point lies inside the box (edges included).
    pub fn contains(&self, lat: f64, lng: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lng)
    }
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("the file is not valid JSON: {0}")]
    NotJson(String),
    #[error("the file is not a charity-space dataset: {0}")]
    NotDataset(String),
    #[error("schema version {found} is newer than this app understands ({supported})")]
    UnsupportedVersion { found: u32, supported: u32 },
}

/// One problem with one record or field: `record id / field / reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record's id, or `#N` (1-based position) when it has none.
    pub record: String,
    pub field: String,
    pub reason: String,
}

impl Problem {
    pub fn new(record: impl Into<String>, field: impl Into<String>, reason: impl Into<String>) -> Self {
        Problem { record: record.into(), field: field.into(), reason: reason.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {} / {}", self.record, self.field, self.reason)
    }
}

/// A loaded dataset and the records that were skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub skipped: Vec<Problem>,
}

#[derive(Deserialize)]
struct RawFile<'a> {
    meta: Box<RawValue>,
    #[serde(borrow)]
    spaces: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

/// Parses a dataset from JSON text.
///
/// # Examples
/// ```
/// use charity_finder::domain::load::parse_dataset;
/// let json = r#"{"meta":{"schema_version":1,"as_of":"2026-01-01","source":"s","licence":"l","sample":true},
///   "spaces":[{"id":"a","name":"沙湾街慈善空间","district":"440113","street":"沙湾街","address":"x",
///              "location":{"lat":22.9,"lng":113.33},"status":"registered","services":["elderly"]},
///             {"id":"b","name":"坏记录","district":"999999","street":"x","address":"x",
///              "location":{"lat":22.9,"lng":113.33},"status":"registered","services":["elderly"]}]}"#;
/// let loaded = parse_dataset(json).unwrap();
/// assert_eq!(loaded.dataset.spaces.len(), 1);
/// assert_eq!(loaded.skipped[0].to_string(), "b / district / unknown district code 999999");
/// ```
pub fn parse_dataset(text: &str) -> Result<Loaded, LoadError> {
    // The common case, a file whose every record reads, takes one pass (a third less time at
    // 100 000 records); otherwise each record is read on its own, so that a bad one costs only
    // itself.
    if let Ok(mut dataset) = WholeFile::read(text) {
        check_version(&dataset.meta)?;
        let mut seen = HashSet::with_capacity(dataset.spaces.len());
        let mut skipped = Vec::new();
        let kept: Vec<bool> = dataset.spaces.iter().map(|space| keep(space, &mut seen).map_err(|p| skipped.push(p)).is_ok()).collect();
        drop(seen);
        let mut kept = kept.into_iter();
        dataset.spaces.retain(|_| kept.next().unwrap_or(false));
        return Ok(Loaded { dataset, skipped });
    }
    let raw: RawFile = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            LoadError::NotJson(e.to_string())
        } else {
            LoadError::NotDataset(e.to_string())
        }
    })?;
    let meta: Meta = serde_json::from_str(raw.meta.get()).map_err(|e| LoadError::NotDataset(format!("meta: {}", reason(&e))))?;
    check_version(&meta)?;
    Ok(accept(meta, raw.spaces.iter().enumerate().map(|(index, record)| parse_space(record.get(), index))))
}

fn check_version(meta: &Meta) -> Result<(), LoadError> {
    match meta.schema_version {
        v if v > SCHEMA_VERSION => Err(LoadError::UnsupportedVersion { found: v, supported: SCHEMA_VERSION }),
        _ => Ok(()),
    }
}

/// Keeps the records that read and pass [`keep`]; the others become problems, in record order.
fn accept(meta: Meta, records: impl Iterator<Item = Result<Space, Problem>>) -> Loaded {
    let read: Vec<Result<Space, Problem>> = records.collect();
    let mut seen = HashSet::with_capacity(read.len());
    let rejected: Vec<Option<Problem>> = read.iter().map(|r| r.as_ref().ok().and_then(|space| keep(space, &mut seen).err())).collect();
    drop(seen);
    let mut spaces = Vec::with_capacity(read.len());
    let mut skipped = Vec::new();
    for (record, rejected) in read.into_iter().zip(rejected) {
        match (record, rejected) {
            (Ok(space), None) => spaces.push(space),
            (Ok(_), Some(problem)) | (Err(problem), _) => skipped.push(problem),
        }
    }
    Loaded { dataset: Dataset { meta, spaces }, skipped }
}

/// Whether a record that reads is kept: it passes [`check_space`] and is the first with its id.
/// The ids seen are borrowed from the records, not copied (100 000 strings at scale).
fn keep<'a>(space: &'a Space, seen: &mut HashSet<&'a str>) -> Result<(), Problem> {
    check_space(space)?;
    if seen.insert(&space.id) {
        Ok(())
    } else {
        Err(Problem::new(&space.id, "id", "duplicate id; the first record with it is kept"))
    }
}

/// The one-pass reading of a whole file. The records go straight into a vector sized from a
/// count of their `"id":` keys: a vector grown by doubling would, at 100 000 records of ~400
/// bytes, briefly hold three times the records' size.
struct WholeFile {
    records: usize,
}

impl WholeFile {
    fn read(text: &str) -> Result<Dataset, serde_json::Error> {
        let records = memchr::memmem::find_iter(text.as_bytes(), b"\"id\":").count();
        let mut de = serde_json::Deserializer::from_str(text);
        let dataset = serde::de::DeserializeSeed::deserialize(WholeFile { records }, &mut de)?;
        de.end()?;
        Ok(dataset)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for WholeFile {
    type Value = Dataset;
    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Dataset, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for WholeFile {
    type Value = Dataset;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a dataset")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Dataset, A::Error> {
        // Any failure here only sends the file down the record-by-record path, which explains
        // it: no message of its own, and a key written with escapes counts as a failure too.
        let (mut meta, mut spaces) = (None, None);
        while let Some(key) = map.next_key::<&'de str>()? {
            match key {
                "meta" if meta.is_none() => meta = Some(map.next_value()?),
                "spaces" if spaces.is_none() => spaces = Some(map.next_value_seed(Records(self.records))?),
                "meta" | "spaces" => return Err(serde::de::Error::custom("")),
                _ => drop(map.next_value::<serde::de::IgnoredAny>()?),
            }
        }
        meta.zip(spaces).map(|(meta, spaces)| Dataset { meta, spaces }).ok_or_else(|| serde::de::Error::custom(""))
    }
}

/// The records of a [`WholeFile`], into a vector of the expected length.
struct Records(usize);

impl<'de> serde::de::DeserializeSeed<'de> for Records {
    type Value = Vec<Space>;
    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Vec<Space>, D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Records {
    type Value = Vec<Space>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of records")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Space>, A::Error> {
        let mut spaces = Vec::with_capacity(self.0);
        while let Some(space) = seq.next_element()? {
            spaces.push(space);
        }
        Ok(spaces)
    }
}

fn record_label(text: &str, index: usize) -> String {
    // A record whose id is missing, blank or not text is named by its position.
    match serde_json::from_str::<IdOnly>(text) {
        Ok(r) if !r.id.trim().is_empty() => r.id,
        _ => format!("#{}", index + 1),
    }
}

fn parse_space(text: &str, index: usize) -> Result<Space, Problem> {
    // The common case, a good record, is read directly; a bad one is looked at field by field
    // to name the field.
    serde_json::from_str::<Space>(text).map_err(|e| explain(text, index, &e))
}

/// A JSON object read field by field, each value left as text: how lenient readers look into
/// a file without a type of their own for it.
pub type Fields<'a> = HashMap<&'a str, &'a RawValue>;

/// Finds the field that made a record fail, as `field` or `object.field`.
fn explain(text: &str, index: usize, error: &serde_json::Error) -> Problem {
    let problem = |field: &str, reason: String| Problem::new(record_label(text, index), field, reason);
    let Ok(fields) = serde_json::from_str::<Fields>(text) else { return problem(".", reason(error)) };
    for (name, required, check) in SPACE_FIELDS {
        let Some(value) = fields.get(name) else {
            if *required {
                return problem(name, format!("missing field `{name}`"));
            }
            continue;
        };
        if let Err(e) = check(value.get()) {
            // Inside an object: name its field.
            let inner = serde_json::from_str::<Fields>(value.get()).ok().and_then(|obj| {
                NESTED.iter().filter(|(parent, ..)| parent == name).find_map(|(_, field, required, check)| match obj.get(field) {
                    None if *required => Some(problem(&format!("{name}.{field}"), format!("missing field `{field}`"))),
                    Some(v) => check(v.get()).err().map(|e| problem(&format!("{name}.{field}"), reason(&e))),
                    None => None,
                })
            });
            return inner.unwrap_or_else(|| problem(name, reason(&e)));
        }
    }
    problem(".", reason(error))
}

/// serde's message without its position in the record's text.
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_string()
}

type Check = fn(&str) -> Result<(), serde_json::Error>;

fn is<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<T>(text).map(drop)
}

/// The fields of a [`Space`]: name, required, type check.
const SPACE_FIELDS: &[(&str, bool, Check)] = &[
    ("id", true, is::<String>),
    ("name", true, is::<String>),
    ("name_en", false, is::<Option<String>>),
    ("district", true, is::<String>),
    ("street", true, is::<String>),
    ("address", true, is::<String>),
    ("location", true, is::<super::model::LatLng>),
    ("status", true, is::<super::model::Status>),
    ("certified_on", false, is::<Option<String>>),
    ("services", true, is::<Vec<String>>),
    ("opening_hours", false, is::<String>),
    ("hours_text", false, is::<String>),
    ("phone", false, is::<String>),
    ("organization", false, is::<String>),
    ("accessibility", false, is::<String>),
    ("eligibility_description", false, is::<String>),
    ("fees_description", false, is::<String>),
    ("required_documents", false, is::<Vec<String>>),
    ("languages", false, is::<Vec<String>>),
    ("last_verified", false, is::<String>),
    ("keys", false, is::<super::model::SearchKeys>),
];

/// The fields of the objects inside a space: object, name, required, type check.
const NESTED: &[(&str, &str, bool, Check)] = &[
    ("location", "lat", true, is::<f64>),
    ("location", "lng", true, is::<f64>),
    ("keys", "py", false, is::<String>),
    ("keys", "ini", false, is::<String>),
];

/// The record-level rules every loader applies (the validator adds more).
pub fn check_space(space: &Space) -> Result<(), Problem> {
    let fail = |field: &str, reason: String| Err(Problem::new(&space.id, field, reason));
    if space.id.trim().is_empty() {
        return fail("id", "empty id".into());
    }
    if space.name.trim().is_empty() {
        return fail("name", "empty name".into());
    }
    if district(&space.district).is_none() {
        return fail("district", format!("unknown district code {}", space.district));
    }
    let (lat, lng) = (space.location.lat, space.location.lng);
    if !lat.is_finite() || !lng.is_finite() || !GUANGZHOU_BBOX.contains(lat, lng) {
        return fail("location", format!("{}, {} is outside Guangzhou (WGS-84 lat, lng expected)", short(lat, 6), short(lng, 6)));
    }
    if let Some(unknown) = space.services.iter().find(|s| service(s).is_none()) {
        return fail("services", format!("unknown service {unknown:?}"));
    }
    if let Some(unknown) = space.languages.iter().find(|l| language(l).is_none()) {
        let known = LANGUAGES.map(|l| l.code).join(", ");
        return fail("languages", format!("unknown language code {unknown:?} (one of {known})"));
    }
    Ok(())
}

/// One file of a split dataset: the spaces of one district.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// GB/T 2260 district code.
    pub district: String,
    /// The part's dataset file, relative to the index (or absolute).
    pub url: String,
    /// How many spaces it holds.
    pub count: usize,
}

/// The index of a dataset split by district (`index.json`): the dataset's meta and its parts.
/// Each part is an ordinary dataset file, so every tool reads it as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub meta: Meta,
    pub parts: Vec<Part>,
}

impl Index {
    /// Reads an index, with the same refusal of newer schemas as [`parse_dataset`].
    pub fn parse(text: &str) -> Result<Index, LoadError> {
        let index: Index = serde_json::from_str(text).map_err(|e| LoadError::NotDataset(format!("index: {e}")))?;
        if index.meta.schema_version > SCHEMA_VERSION {
            return Err(LoadError::UnsupportedVersion { found: index.meta.schema_version, supported: SCHEMA_VERSION });
        }
        Ok(index)
    }
}

/// The parts a choice of districts needs (all of them when none is chosen).
///
/// # Examples
/// ```
/// use charity_finder::domain::{load::{needed, Index}, model::district};
/// let index = Index::parse(r#"{"meta":{"schema_version":1,"as_of":"2026-01-01","source":"s","licence":"l","sample":true},
///   "parts":[{"district":"440106","url":"parts/440106.json","count":30},{"district":"440113","url":"parts/440113.json","count":100}]}"#).unwrap();
/// assert_eq!(needed(&index.parts, &[district("440113").unwrap()]).len(), 1);
/// assert_eq!(needed(&index.parts, &[]).len(), 2);
/// ```
pub fn needed(parts: &[Part], districts: &[&District]) -> Vec<Part> {
    parts.iter().filter(|p| districts.is_empty() || districts.iter().any(|d| d.code == p.district)).cloned().collect()
}

/// A part's URL as the browser should fetch it: relative URLs are taken from the index's folder.
///
/// # Examples
/// ```
/// use charity_finder::domain::load::resolve;
/// assert_eq!(resolve("data/index.json", "parts/440113.json"), "data/parts/440113.json");
/// assert_eq!(resolve("index.json", "parts/a.json"), "parts/a.json");
/// assert_eq!(resolve("data/index.json", "https://cdn.example/a.json"), "https://cdn.example/a.json");
/// ```
pub fn resolve(index_url: &str, part_url: &str) -> String {
    if part_url.starts_with('/') || part_url.contains("://") {
        return part_url.to_string();
    }
    let folder = index_url.rfind('/').map_or("", |i| &index_url[..=i]);
    format!("{folder}{part_url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = r#"{"schema_version":1,"as_of":"2026-01-01","source":"s","licence":"l","sample":true}"#;

    fn record(id: &str, extra: &str) -> String {
        format!(
            r#"{{"id":"{id}","name":"n","district":"440113","street":"沙湾街","address":"a",
               "location":{{"lat":22.9,"lng":113.33}},"status":"certified","services":["elderly"]{extra}}}"#
        )
    }

    fn file(records: &[String]) -> String {
        format!(r#"{{"meta":{META},"spaces":[{}]}}"#, records.join(","))
    }

    #[test]
    fn one_pass_and_record_by_record_keep_the_same_records_and_problems() {
        let good = [
            record("a", ""),
            record("b", "").replace("440113", "999999"),
            record("a", "").replace(r#""n""#, r#""again""#),
            record("c", ""),
        ];
        let one_pass = parse_dataset(&file(&good)).expect("loads");
        // One record that does not read sends the whole file down the record-by-record path.
        let mut with_bad = good.to_vec();
        with_bad.insert(2, record("d", "").replace(r#"{"lat":22.9,"lng":113.33}"#, r#""here""#));
        let by_record = parse_dataset(&file(&with_bad)).expect("loads");
        assert!(WholeFile::read(&file(&good)).is_ok() && WholeFile::read(&file(&with_bad)).is_err());
        assert_eq!(by_record.dataset.spaces, one_pass.dataset.spaces);
        let ids = |l: &Loaded| l.dataset.spaces.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&one_pass), ["a", "c"]);
        let problems = |l: &Loaded| l.skipped.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            problems(&one_pass),
            ["b / district / unknown district code 999999", "a / id / duplicate id; the first record with it is kept"]
        );
        assert_eq!(problems(&by_record)[1], "d / location / invalid type: string \"here\", expected struct LatLng");
        assert_eq!(problems(&by_record).len(), 3);
        // Keys in any order, unknown fields ignored, a repeated top-level field refused.
        let reordered = format!(r#"{{"spaces":[{}],"extra":[1],"meta":{META}}}"#, good.join(","));
        assert_eq!(parse_dataset(&reordered).expect("loads").dataset, one_pass.dataset);
        assert!(parse_dataset(&format!(r#"{{"meta":{META},"meta":{META},"spaces":[]}}"#)).is_err());
    }

    #[test]
    fn not_json_is_one_clear_error() {
        assert!(matches!(parse_dataset("{oops"), Err(LoadError::NotJson(_))));
        assert!(matches!(parse_dataset(""), Err(LoadError::NotJson(_))));
    }

    #[test]
    fn wrong_shape_is_not_a_dataset() {
        assert!(matches!(parse_dataset("[1,2]"), Err(LoadError::NotDataset(_))));
        assert!(matches!(parse_dataset(r#"{"meta":{}, "spaces":[]}"#), Err(LoadError::NotDataset(m)) if m.contains("meta")));
        assert!(matches!(parse_dataset(&format!(r#"{{"meta":{META}}}"#)), Err(LoadError::NotDataset(_))));
    }

    #[test]
    fn newer_schema_is_refused() {
        let text = file(&[]).replace("\"schema_version\":1", "\"schema_version\":9");
        assert_eq!(parse_dataset(&text), Err(LoadError::UnsupportedVersion { found: 9, supported: 1 }));
    }

    #[test]
    fn good_records_load_and_bad_ones_are_reported() {
        let text = file(&[
            record("ok", ""),
            record("badloc", "").replace("22.9", "\"north\""),
            record("far", "").replace("22.9", "39.9"),
            record("svc", "").replace("\"elderly\"", "\"spa\""),
            record("ok", ""),
            r#"{"name":"no id"}"#.to_string(),
            record("extra", r#","unknown_field":[1,2]"#),
            record("lang", r#","languages":["yue","Cantonese"]"#),
            record("docs", r#","required_documents":"身份证""#),
            record("more", r#","languages":["yue","csl"],"required_documents":["身份证"],"fees_description":"免费""#),
        ]);
        let loaded = parse_dataset(&text).expect("structure is fine");
        let ids: Vec<_> = loaded.dataset.spaces.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ok", "extra", "more"]);
        assert_eq!(loaded.dataset.spaces[2].languages, ["yue", "csl"]);
        let problems: Vec<_> = loaded.skipped.iter().map(|p| (p.record.as_str(), p.field.as_str())).collect();
        assert_eq!(
            problems,
            [
                ("badloc", "location.lat"),
                ("far", "location"),
                ("svc", "services"),
                ("ok", "id"),
                ("#6", "id"),
                ("lang", "languages"),
                ("docs", "required_documents")
            ]
        );
        assert_eq!(loaded.skipped[5].reason, r#"unknown language code "Cantonese" (one of zh-cmn, yue, hak, en, csl)"#);
    }

    #[test]
    fn missing_nested_field_is_named() {
        let text = file(&[record("x", "").replace(r#","lng":113.33"#, "")]);
        let loaded = parse_dataset(&text).expect("structure is fine");
        assert_eq!(loaded.skipped[0].field, "location.lng");
    }
}
