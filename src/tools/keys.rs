//! Pinyin search keys, computed by the data tools into the JSON so that the browser ships no
//! pinyin dictionary. The `pinyin` crate reads some place names wrongly (番禺 → "fan yu"), so
//! place names and a few common words go through an override table first.

use pinyin::ToPinyin;

use crate::domain::model::{district, SearchKeys, Space};

/// Words whose reading differs from the crate's default, longest first where they overlap.
const OVERRIDES: &[(&str, &[&str])] = &[
    ("番禺", &["pan", "yu"]),
    ("长洲", &["chang", "zhou"]),
    ("长者", &["zhang", "zhe"]),
    ("厦滘", &["xia", "jiao"]),
    ("石碁", &["shi", "qi"]),
    ("黄埔", &["huang", "pu"]),
    ("花都", &["hua", "du"]),
    ("银行", &["yin", "hang"]),
    ("区", &["qu"]),
    ("行", &["xing"]),
    ("乐", &["le"]),
    ("会", &["hui"]),
];

/// The toneless pinyin syllables of a text; non-Chinese characters pass through lower-cased as
/// their own "syllables" (digits, Latin letters), punctuation and spaces are dropped.
///
/// # Examples
/// ```
/// use charity_finder::tools::keys::syllables;
/// assert_eq!(syllables("番禺区沙湾街道"), ["pan", "yu", "qu", "sha", "wan", "jie", "dao"]);
/// assert_eq!(syllables("长洲街道"), ["chang", "zhou", "jie", "dao"]);
/// ```
pub fn syllables(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (word, reading) in OVERRIDES {
            if let Some(tail) = rest.strip_prefix(word) {
                out.extend(reading.iter().map(|s| s.to_string()));
                rest = tail;
                continue 'outer;
            }
        }
        match c.to_pinyin() {
            Some(p) => out.push(p.plain().replace('ü', "v")),
            None if c.is_alphanumeric() => out.push(c.to_lowercase().collect()),
            None => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Full pinyin (no spaces) and initials of a text.
pub fn pinyin_key(text: &str) -> (String, String) {
    let s = syllables(text);
    let initials = s.iter().filter_map(|x| x.chars().next()).collect();
    (s.concat(), initials)
}

/// Removes administrative suffixes, so that 「番禺区沙湾街道」 also reads as 「番禺沙湾」.
fn without_admin_words(text: &str) -> String {
    text.replace("街道", "").replace(['区', '街', '镇'], "")
}

/// The search keys of a space: name, name without admin words, street, district.
pub fn search_keys(space: &Space) -> SearchKeys {
    let district_name = district(&space.district).map(|d| d.zh).unwrap_or_default();
    let fields = [
        space.name.clone(),
        without_admin_words(&space.name),
        space.street.clone(),
        without_admin_words(&format!("{district_name}{}", space.street)),
        district_name.to_string(),
    ];
    let (py, ini): (Vec<String>, Vec<String>) = fields.iter().map(|f| pinyin_key(f)).unzip();
    SearchKeys { py: py.join("|"), ini: ini.join("|") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_names_read_locally() {
        let names: Vec<String> = crate::domain::model::DISTRICTS.iter().map(|d| pinyin_key(d.zh).0).collect();
        assert_eq!(
            names,
            [
                "liwanqu",
                "yuexiuqu",
                "haizhuqu",
                "tianhequ",
                "baiyunqu",
                "huangpuqu",
                "panyuqu",
                "huaduqu",
                "nanshaqu",
                "conghuaqu",
                "zengchengqu"
            ]
        );
    }

    #[test]
    fn every_street_reads_without_unknown_characters() {
        let streets: serde_json::Value = serde_json::from_str(include_str!("../../public/data/streets.json")).expect("json");
        for s in streets["streets"].as_array().expect("array") {
            let name = s["name"].as_str().expect("name");
            let syl = syllables(name);
            assert_eq!(syl.len(), name.chars().count(), "{name}: {syl:?}");
            assert!(syl.iter().all(|x| x.chars().all(|c| c.is_ascii_lowercase())), "{name}: {syl:?}");
        }
    }

    #[test]
    fn initials() {
        assert_eq!(pinyin_key("番禺沙湾").1, "pysw");
    }
}
