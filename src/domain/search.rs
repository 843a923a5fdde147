//! Text search over name, street, address, host organisation and district: Chinese substrings,
//! full pinyin (`panyu shawan`, `panyushawan`) and initials (`pysw`), case- and tone-insensitive.
//!
//! The pinyin keys come precomputed in the dataset ([`crate::domain::model::SearchKeys`]); the
//! browser only compares strings.

use super::model::Space;

/// The prepared, lower-cased text of one space.
#[derive(Debug, Clone, PartialEq)]
pub struct Haystack {
    text: String,
    py: String,
    ini: String,
}

impl Haystack {
    /// Prepares a space for matching.
    pub fn new(space: &Space) -> Haystack {
        let district = space.district().map(|d| d.zh).unwrap_or_default();
        let fields = [
            space.name.as_str(),
            space.street.as_str(),
            space.address.as_str(),
            space.organization.as_str(),
            district,
            space.name_en.as_deref().unwrap_or_default(),
        ];
        Haystack { text: normalize(&fields.join("\u{1}")), py: normalize(&space.keys.py), ini: normalize(&space.keys.ini) }
    }

    /// Whether every token matches somewhere (tokens from [`tokens`]).
    pub fn matches(&self, tokens: &[String]) -> bool {
        tokens
            .iter()
            .all(|t| self.text.contains(t.as_str()) || (t.is_ascii() && (self.py.contains(t.as_str()) || self.ini.contains(t.as_str()))))
    }
}

/// Splits a query into normalized tokens: full-width ASCII folded to half-width, lower case,
/// tone marks removed (`pān` → `pan`, `ü` → `v`), split on white space and punctuation.
///
/// # Examples
/// ```
/// use charity_finder::domain::search::tokens;
/// assert_eq!(tokens("  Pān Yú，沙湾 "), ["pan", "yu", "沙湾"]);
/// assert!(tokens("   ").is_empty());
/// ```
pub fn tokens(query: &str) -> Vec<String> {
    normalize(query)
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "，。、；：（）".contains(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Folds text for comparison (see [`tokens`]).
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .map(strip_tone)
        .collect()
}

fn strip_tone(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{LatLng, SearchKeys, Space, Status};

    fn space() -> Space {
        Space {
            id: "a".into(),
            name: "番禺区沙湾街慈善空间".into(),
            name_en: Some("Shawan Charity Space".into()),
            district: "440113".into(),
            street: "沙湾街".into(),
            address: "番禺区沙湾街青萝路12号".into(),
            location: LatLng { lat: 22.9, lng: 113.33 },
            status: Status::Certified,
            certified_on: None,
            services: vec!["elderly".into()],
            opening_hours: String::new(),
            phone: String::new(),
            organization: "沙湾街社工服务站".into(),
            accessibility: String::new(),
            last_verified: String::new(),
            keys: SearchKeys {
                py: "panyuqushawanjiecishankongjian|panyushawancishankongjian|shawanjie|panyuqu".into(),
                ini: "pyqswjcskj|pyswcskj|swj|pyq".into(),
            },
        }
    }

    fn finds(q: &str) -> bool {
        Haystack::new(&space()).matches(&tokens(q))
    }

    #[test]
    fn chinese_substrings() {
        assert!(finds("沙湾"));
        assert!(finds("青萝路"));
        assert!(finds("社工服务站"));
        assert!(finds("番禺 慈善"));
        assert!(!finds("天河"));
    }

    #[test]
    fn pinyin_full_and_initials() {
        assert!(finds("panyu shawan"));
        assert!(finds("PanYuShaWan"));
        assert!(finds("pysw"));
        assert!(finds("Pān Yú"));
        assert!(finds("ｐａｎｙｕ"));
        assert!(!finds("tianhe"));
        assert!(!finds("panyu tianhe"));
    }

    #[test]
    fn english_name() {
        assert!(finds("charity space"));
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(finds(""));
    }
}
