//! The data model shared by the browser app and the native data tools.
//!
//! Field names follow the Open Referral HSDS vocabulary where it fits (`organization`,
//! `opening_hours` ≈ schedule, `phone`, `accessibility`, `last_verified` ≈ `assured_date`).
//! Coordinates are WGS-84, stored as `{lat, lng}`.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A Guangzhou district (区), identified by its GB/T 2260 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct District {
    /// Six-digit GB/T 2260 code, e.g. `"440113"`.
    pub code: &'static str,
    /// Simplified Chinese name, e.g. `"番禺区"`.
    pub zh: &'static str,
    /// Traditional Chinese name.
    pub zh_hant: &'static str,
    /// Pinyin as used locally (番禺 reads *Panyu*).
    pub en: &'static str,
}

/// The 11 districts of Guangzhou, in code order.
pub const DISTRICTS: [District; 11] = [
    District { code: "440103", zh: "荔湾区", zh_hant: "荔灣區", en: "Liwan" },
    District { code: "440104", zh: "越秀区", zh_hant: "越秀區", en: "Yuexiu" },
    District { code: "440105", zh: "海珠区", zh_hant: "海珠區", en: "Haizhu" },
    District { code: "440106", zh: "天河区", zh_hant: "天河區", en: "Tianhe" },
    District { code: "440111", zh: "白云区", zh_hant: "白雲區", en: "Baiyun" },
    District { code: "440112", zh: "黄埔区", zh_hant: "黃埔區", en: "Huangpu" },
    District { code: "440113", zh: "番禺区", zh_hant: "番禺區", en: "Panyu" },
    District { code: "440114", zh: "花都区", zh_hant: "花都區", en: "Huadu" },
    District { code: "440115", zh: "南沙区", zh_hant: "南沙區", en: "Nansha" },
    District { code: "440117", zh: "从化区", zh_hant: "從化區", en: "Conghua" },
    District { code: "440118", zh: "增城区", zh_hant: "增城區", en: "Zengcheng" },
];

/// Looks a district up by its GB/T 2260 code.
///
/// # Examples
/// ```
/// use charity_finder::domain::model::district;
/// assert_eq!(district("440113").map(|d| d.en), Some("Panyu"));
/// assert!(district("110101").is_none());
/// ```
pub fn district(code: &str) -> Option<&'static District> {
    district_index(code).map(|i| &DISTRICTS[i])
}

/// The position of a district in [`DISTRICTS`].
pub fn district_index(code: &str) -> Option<usize> {
    // Compared as numbers, not strings: loading a large dataset looks this up for every record.
    let key = |code: &str| -> Option<u64> { (code.len() == 6).then(|| code.bytes().fold(0, |k, b| k << 8 | u64::from(b))) };
    let wanted = key(code)?;
    DISTRICTS.iter().position(|d| key(d.code) == Some(wanted))
}

/// One entry of the fixed service taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Service {
    /// Stable id used in the data and in URLs, e.g. `"elderly"`.
    pub id: &'static str,
    pub zh: &'static str,
    pub zh_hant: &'static str,
    pub en: &'static str,
}

/// The service taxonomy, in display order.
pub const SERVICES: [Service; 11] = [
    Service { id: "elderly", zh: "长者关爱", zh_hant: "長者關愛", en: "Elderly care" },
    Service { id: "children", zh: "困境儿童帮扶", zh_hant: "困境兒童幫扶", en: "Children in difficulty" },
    Service { id: "disability", zh: "助残服务", zh_hant: "助殘服務", en: "Disability support" },
    Service { id: "donation", zh: "捐赠站点", zh_hant: "捐贈站點", en: "Donation point" },
    Service { id: "volunteer", zh: "志愿服务", zh_hant: "志願服務", en: "Volunteering" },
    Service { id: "food", zh: "食物援助", zh_hant: "食物援助", en: "Food aid" },
    Service { id: "education", zh: "助学支持", zh_hant: "助學支持", en: "Education aid" },
    Service { id: "medical", zh: "医疗救助", zh_hant: "醫療救助", en: "Medical aid" },
    Service { id: "fund", zh: "社区慈善基金", zh_hant: "社區慈善基金", en: "Community charity fund" },
    Service { id: "rural", zh: "乡村振兴", zh_hant: "鄉村振興", en: "Rural revitalisation" },
    Service { id: "timebank", zh: "时间银行", zh_hant: "時間銀行", en: "Time bank" },
];

/// Looks a service up by its id.
///
/// # Examples
/// ```
/// use charity_finder::domain::model::service;
/// assert_eq!(service("timebank").map(|s| s.zh), Some("时间银行"));
/// ```
pub fn service(id: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.id == id)
}

/// A language a space's staff speak, named by its BCP 47 code (the codes HSDS `languages` uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Language {
    /// BCP 47 code, e.g. `"yue"`.
    pub code: &'static str,
    pub zh: &'static str,
    pub zh_hant: &'static str,
    pub en: &'static str,
}

/// The languages a record may list, in display order: the two spoken in every Guangzhou
/// district, Hakka (spoken in Conghua and Zengcheng), English and Chinese Sign Language.
pub const LANGUAGES: [Language; 5] = [
    Language { code: "zh-cmn", zh: "普通话", zh_hant: "普通話", en: "Mandarin" },
    Language { code: "yue", zh: "粤语", zh_hant: "粵語", en: "Cantonese" },
    Language { code: "hak", zh: "客家话", zh_hant: "客家話", en: "Hakka" },
    Language { code: "en", zh: "英语", zh_hant: "英語", en: "English" },
    Language { code: "csl", zh: "中国手语", zh_hant: "中國手語", en: "Chinese Sign Language" },
];

/// Looks a language up by its BCP 47 code.
///
/// # Examples
/// ```
/// use charity_finder::domain::model::language;
/// assert_eq!(language("yue").map(|l| l.zh), Some("粤语"));
/// assert!(language("Cantonese").is_none());
/// ```
pub fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// A code from one of the fixed lists above: a district code, a service id. One that is on its
/// list is borrowed from it, so that loading 100 000 records copies none of them (a quarter of
/// the strings a record holds); any other text is kept as read, for the loader to report it.
pub type Code = Cow<'static, str>;

/// Reads a [`Code`]: the function finds a text on its list and gives the list's own copy.
#[derive(Clone, Copy)]
struct CodeIn(fn(&str) -> Option<&'static str>);

impl<'de> Visitor<'de> for CodeIn {
    type Value = Code;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Code, E> {
        Ok(self.0(text).map_or_else(|| Cow::Owned(text.to_owned()), Cow::Borrowed))
    }
    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Code, E> {
        Ok(self.0(&text).map_or(Cow::Owned(text), Cow::Borrowed))
    }
}

impl<'de> DeserializeSeed<'de> for CodeIn {
    type Value = Code;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Code, D::Error> {
        de.deserialize_str(self)
    }
}

/// Reads a list of [`Code`]s.
struct CodesIn(CodeIn);

impl<'de> Visitor<'de> for CodesIn {
    type Value = Vec<Code>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Code>, A::Error> {
        let mut codes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(SERVICES.len()));
        while let Some(code) = seq.next_element_seed(self.0)? {
            codes.push(code);
        }
        Ok(codes)
    }
}

fn read_district_code<'de, D: Deserializer<'de>>(de: D) -> Result<Code, D::Error> {
    de.deserialize_str(CodeIn(|code| district(code).map(|d| d.code)))
}

fn read_service_ids<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Code>, D::Error> {
    de.deserialize_seq(CodesIn(CodeIn(|id| service(id).map(|s| s.id))))
}

fn read_language_codes<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Code>, D::Error> {
    de.deserialize_seq(CodesIn(CodeIn(|code| language(code).map(|l| l.code))))
}

/// A WGS-84 position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLng {
    /// Latitude in degrees north.
    pub lat: f64,
    /// Longitude in degrees east.
    pub lng: f64,
}

/// Whether a space is only registered (申报挂牌) or also certified (认证通过挂牌).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Registered,
    Certified,
}

/// Search keys computed by the data tools, so the browser ships no pinyin dictionary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchKeys {
    /// Full toneless pinyin of name, street and district, without spaces, fields joined by `|`.
    #[serde(default)]
    pub py: String,
    /// Pinyin initials of the same fields, joined by `|`.
    #[serde(default)]
    pub ini: String,
}

/// One charity space as stored in `spaces.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Space {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// GB/T 2260 district code.
    #[serde(deserialize_with = "read_district_code")]
    pub district: Code,
    /// Street or town (街道/镇) name.
    pub street: String,
    pub address: String,
    pub location: LatLng,
    pub status: Status,
    /// ISO date of certification; present only when certified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_on: Option<String>,
    /// Service ids ([`SERVICES`]).
    #[serde(deserialize_with = "read_service_ids")]
    pub services: Vec<Code>,
    /// OpenStreetMap `opening_hours` syntax (the subset in [`crate::domain::hours`]).
    #[serde(default)]
    pub opening_hours: String,
    /// The opening hours as the editor wrote them (`周一至周五 9:00-17:00`), kept beside
    /// `opening_hours` when they were converted or could not be read; empty otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hours_text: String,
    #[serde(default)]
    pub phone: String,
    /// Host organisation.
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub accessibility: String,
    /// Who the space serves (适用对象), e.g. `本街道困难群众、独居长者`; HSDS `eligibility_description`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub eligibility_description: String,
    /// What it costs (收费): `免费`, or a text; HSDS `fees_description`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fees_description: String,
    /// What to bring (所需材料), one document each, e.g. `["身份证", "低保证"]`; HSDS `required_documents`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_documents: Vec<String>,
    /// Languages spoken, as BCP 47 codes ([`LANGUAGES`]); HSDS `languages`.
    #[serde(default, deserialize_with = "read_language_codes", skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Code>,
    /// ISO date the record was last checked.
    #[serde(default)]
    pub last_verified: String,
    #[serde(default)]
    pub keys: SearchKeys,
}

#[cfg(test)]
impl Space {
    /// A minimal valid record for tests to override field by field.
    pub fn example() -> Space {
        Space {
            id: "example".into(),
            name: "示例慈善空间".into(),
            name_en: None,
            district: "440113".into(),
            street: "沙湾街".into(),
            address: "沙湾街1号".into(),
            location: LatLng { lat: 22.9, lng: 113.33 },
            status: Status::Registered,
            certified_on: None,
            services: vec!["elderly".into()],
            opening_hours: String::new(),
            hours_text: String::new(),
            phone: String::new(),
            organization: String::new(),
            accessibility: String::new(),
            eligibility_description: String::new(),
            fees_description: String::new(),
            required_documents: Vec::new(),
            languages: Vec::new(),
            last_verified: String::new(),
            keys: SearchKeys::default(),
        }
    }
}

impl Space {
    /// The district record of this space; loading guarantees it exists.
    pub fn district(&self) -> Option<&'static District> {
        district(&self.district)
    }
}

/// Published totals that a dataset claims; the validator checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub registered: usize,
    pub certified: usize,
}

/// Dataset-wide facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: u32,
    /// ISO date the data describes.
    pub as_of: String,
    pub source: String,
    pub licence: String,
    /// `true` while the records are illustrative samples, not the official list.
    pub sample: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
}

/// A whole dataset: `{ "meta": {...}, "spaces": [...] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: Meta,
    pub spaces: Vec<Space>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_on_their_list_are_borrowed_and_others_kept() {
        let json = r#"{"id":"a","name":"n","district":"44011\u0033","street":"s","address":"a",
            "location":{"lat":22.9,"lng":113.33},"status":"registered","services":["elderly","nope"]}"#;
        let s: Space = serde_json::from_str(json).expect("reads");
        assert!(matches!(s.district, Cow::Borrowed("440113")));
        assert!(matches!(s.services[0], Cow::Borrowed("elderly")));
        assert!(matches!(&s.services[1], Cow::Owned(id) if id == "nope"));
        let wrong = json.replace(r#""services":["elderly","nope"]"#, r#""services":"elderly""#);
        let e = serde_json::from_str::<Space>(&wrong).expect_err("a list is expected");
        assert!(e.to_string().starts_with("invalid type: string \"elderly\", expected a sequence"), "{e}");
        assert_eq!(
            serde_json::to_string(&s).expect("writes"),
            serde_json::to_string(&serde_json::from_str::<Space>(&serde_json::to_string(&s).expect("writes")).expect("reads"))
                .expect("writes")
        );
    }
}
