//! Text search over name, street, address, host organisation and district: Chinese substrings,
//! full pinyin (`panyu shawan`, `panyushawan`) and initials (`pysw`), case- and tone-insensitive.
//!
//! The pinyin keys come precomputed in the dataset ([`crate::domain::model::SearchKeys`]); the
//! browser only compares strings.

use super::model::Space;

/// The prepared, folded text of one space: `text \u{1} pinyin \u{1} initials`.
#[derive(Debug, Clone, PartialEq)]
pub struct Haystack {
    record: String,
}

impl Haystack {
    /// Prepares a space for matching.
    pub fn new(space: &Space) -> Haystack {
        let mut record = String::new();
        push_record(&mut record, space);
        Haystack { record }
    }

    /// Whether every token matches somewhere (tokens from [`tokens`]).
    pub fn matches(&self, tokens: &[String]) -> bool {
        tokens.iter().all(|t| self.record.contains(t.as_str()))
    }
}

/// The searched fields of a space, in record order.
fn fields(space: &Space) -> [&str; 8] {
    [
        space.name.as_str(),
        space.street.as_str(),
        space.address.as_str(),
        space.organization.as_str(),
        space.district().map(|d| d.zh).unwrap_or_default(),
        space.name_en.as_deref().unwrap_or_default(),
        space.keys.py.as_str(),
        space.keys.ini.as_str(),
    ]
}

fn push_record(out: &mut String, space: &Space) {
    for (k, field) in fields(space).into_iter().enumerate() {
        if k > 0 {
            out.push(SEPARATOR);
        }
        push_normalized(out, field);
    }
}

/// Between fields of a record, so that no token matches across two fields.
const SEPARATOR: char = '\u{1}';
/// Between records in a [`SearchIndex`].
const END: char = '\u{0}';

/// Every space's [`Haystack`] in one text, searched once per token rather than once per space.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    corpus: String,
    /// Where each record ends in `corpus` (the position of its `END`).
    ends: Vec<usize>,
}

impl SearchIndex {
    pub fn new(spaces: &[Space]) -> SearchIndex {
        // Sized once: at 100 000 spaces the text is ~27 MB, and growing it by doubling would
        // briefly hold twice that.
        // Folding never lengthens text, so the fields and their separators are enough.
        let size: usize = spaces.iter().map(|s| fields(s).iter().map(|f| f.len() + 1).sum::<usize>()).sum();
        let mut index = SearchIndex { corpus: String::with_capacity(size), ends: Vec::with_capacity(spaces.len()) };
        for space in spaces {
            push_record(&mut index.corpus, space);
            index.ends.push(index.corpus.len());
            index.corpus.push(END);
        }
        index
    }

    /// The spaces matching every token, one bit per space (in the order given to `new`); `None`
    /// when there are no tokens, meaning all.
    pub fn matching(&self, tokens: &[String]) -> Option<Vec<u64>> {
        let mut all: Option<Vec<u64>> = None;
        for token in tokens {
            let found = self.find(token);
            all = Some(match all {
                None => found,
                Some(mut acc) => {
                    acc.iter_mut().zip(&found).for_each(|(a, f)| *a &= f);
                    acc
                }
            });
        }
        all
    }

    fn find(&self, token: &str) -> Vec<u64> {
        let mut bits = vec![0u64; self.ends.len().div_ceil(64)];
        let finder = memchr::memmem::Finder::new(token.as_bytes());
        let corpus = self.corpus.as_bytes();
        let (mut from, mut record) = (0, 0);
        while let Some(at) = finder.find(&corpus[from..]) {
            let at = from + at;
            // Records are in corpus order, and so are the hits: move forward to the record
            // holding this hit, mark it, and go on from its end.
            record += self.ends[record..].partition_point(|&end| end <= at);
            bits[record / 64] |= 1 << (record % 64);
            from = self.ends[record] + 1;
            record += 1;
            if from >= corpus.len() {
                break;
            }
        }
        bits
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
        .split(|c: char| c.is_whitespace() || c.is_control() || c.is_ascii_punctuation() || "，。、；：（）".contains(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Folds text for comparison (see [`tokens`]).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalized(&mut out, text);
    out
}

fn push_normalized(out: &mut String, text: &str) {
    if is_folded(text) {
        out.push_str(text);
        return;
    }
    out.extend(text.chars().map(fold));
}

/// One character folded: ideographic space to space, full-width ASCII to ASCII, lower case,
/// tone marks removed.
fn fold(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    strip_tone(fold_case(c))
}

/// Whether folding would leave `text` as it is, judged on its UTF-8 bytes: no ASCII capital,
/// no Latin-1 or Latin Extended letter (lead bytes C3–C9), no ideographic space (E3 80 80), no
/// full-width form (lead byte EF). Chinese text and pinyin keys take this fast path.
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.iter().enumerate().any(|(i, &b)| {
        b.is_ascii_uppercase() || (0xC3..=0xC9).contains(&b) || b == 0xEF || (b == 0xE3 && bytes[i + 1..].starts_with(&[0x80, 0x80]))
    })
}

/// Lower case for the scripts a Guangzhou dataset and its searches use: ASCII, Latin-1 and the
/// Latin letters of pinyin. Other scripts are left as they are, which keeps Unicode's full case
/// tables (17 KB) out of the browser build.
fn fold_case(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x178 => 0xFF,
        // Latin Extended-A pairs (Ā ā, Ē ē, Ě ě, Ī ī, Ō ō, Ū ū …): upper case even, lower case odd.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        // Latin Extended-B pinyin (Ǎ ǎ, Ǐ ǐ, Ǒ ǒ, Ǔ ǔ, Ǖ ǖ …): upper case odd, lower case even.
        0x1CD..=0x1DC if code % 2 == 1 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
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
    use crate::domain::model::{SearchKeys, Space, Status};

    fn space() -> Space {
        Space {
            id: "a".into(),
            name: "番禺区沙湾街慈善空间".into(),
            name_en: Some("Shawan Charity Space".into()),
            address: "番禺区沙湾街青萝路12号".into(),
            status: Status::Certified,
            organization: "沙湾街社工服务站".into(),
            keys: SearchKeys {
                py: "panyuqushawanjiecishankongjian|panyushawancishankongjian|shawanjie|panyuqu".into(),
                ini: "pyqswjcskj|pyswcskj|swj|pyq".into(),
            },
            ..Space::example()
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
    fn case_folding_agrees_with_unicode_where_it_applies() {
        for code in (0x20..0x250).chain(0xFF01..0xFF5F) {
            let Some(c) = char::from_u32(code) else { continue };
            let unicode: Vec<char> = c.to_lowercase().collect();
            let folded = fold_case(c);
            if unicode.len() == 1 && (code < 0x180 || (0x1CD..=0x1DC).contains(&code)) && code != 0x130 {
                assert_eq!(folded, unicode[0], "{c} U+{code:04X}");
            } else {
                assert!(folded == c || unicode.contains(&folded), "{c} U+{code:04X}");
            }
        }
        assert_eq!(normalize("ǙǛ Ā Ü"), "vv a v");
    }

    #[test]
    fn fast_path_only_skips_text_that_folding_would_not_change() {
        for text in ["沙湾街", "panyu|shawan", "广州市（番禺）", "Ａｂｃ", "a\u{3000}b", "、。", "Pān", "ÄÖ", "ǚ", "x\u{E3}"]
        {
            let slow: String = text.chars().map(fold).collect();
            assert_eq!(normalize(text), slow, "{text}");
            if is_folded(text) {
                assert_eq!(slow, text, "{text} took the fast path");
            }
        }
    }

    #[test]
    fn index_agrees_with_each_haystack() {
        let mut spaces = vec![space(); 130];
        for (i, s) in spaces.iter_mut().enumerate() {
            s.name = format!("{}{}", ["沙湾", "天河", "越秀"][i % 3], i);
            s.keys.py = ["shawan", "tianhe", "yuexiu"][i % 3].into();
        }
        let index = SearchIndex::new(&spaces);
        for q in ["沙湾", "tianhe", "sha 12", "12", "青萝路", "nothing", "沙湾 tianhe"] {
            let t = tokens(q);
            let bits = index.matching(&t).expect("tokens");
            for (i, s) in spaces.iter().enumerate() {
                assert_eq!(bits[i / 64] >> (i % 64) & 1 == 1, Haystack::new(s).matches(&t), "{q} / {i}");
            }
        }
        assert!(index.matching(&[]).is_none());
        // Control characters (the record separators among them) never make a token.
        assert!(tokens("\u{1}\u{0}").is_empty());
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(finds(""));
    }
}
