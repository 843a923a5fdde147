//! Text search over name, street, address, host organisation, district, who may come, fees, the
//! documents to bring and the languages spoken: Chinese substrings,
//! full pinyin (`panyu shawan`, `panyushawan`) and initials (`pysw`), case- and tone-insensitive.
//!
//! The pinyin keys come precomputed in the dataset ([`crate::domain::model::SearchKeys`]); the
//! browser only compares strings.

use super::model::{language, Space};

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

/// The searched fields of a space, in record order: each language by its Chinese and English name.
fn fields(space: &Space) -> impl Iterator<Item = &str> {
    [
        space.name.as_str(),
        space.street.as_str(),
        space.address.as_str(),
        space.organization.as_str(),
        space.district().map(|d| d.zh).unwrap_or_default(),
        space.name_en.as_deref().unwrap_or_default(),
        space.keys.py.as_str(),
        space.keys.ini.as_str(),
        space.eligibility_description.as_str(),
        space.fees_description.as_str(),
    ]
    .into_iter()
    .chain(space.required_documents.iter().map(String::as_str))
    .chain(space.languages.iter().filter_map(|code| language(code)).flat_map(|l| [l.zh, l.en]))
}

fn push_record(out: &mut String, space: &Space) {
    for (k, field) in fields(space).enumerate() {
        if k > 0 {
            out.push(SEPARATOR);
        }
        push_normalized(out, field);
    }
}

/// Between fields of a record, so that no token matches across two fields.
const SEPARATOR: char = '\u{1}';
/// Between records in a [`SearchIndex`].
const END: u8 = 0;

/// Every space's searchable text, searched once per token rather than once per space, in two
/// parts by script: a token made only of ASCII (pinyin, initials, English, house numbers) can
/// only match inside a run of ASCII, and any other token only inside a field holding something
/// else. Each token therefore reads about half of the text.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every folded field that holds a non-ASCII character, in full.
    wide: Corpus,
    /// The ASCII runs of every folded field, each non-ASCII stretch replaced by a separator.
    ascii: Corpus,
}

/// The texts of all records, each record ending with `END`.
#[derive(Debug, Clone, Default)]
struct Corpus {
    text: Vec<u8>,
    /// Where each record ends in `text` (the position of its `END`).
    ends: Vec<u32>,
}

impl SearchIndex {
    pub fn new(spaces: &[Space]) -> SearchIndex {
        // Reserved once from the raw fields: folding never lengthens a text, and each
        // non-ASCII character leaves at most one byte (its folded form or a separator) in the
        // ASCII runs. Growing large texts by doubling would briefly hold up to twice their size.
        let (mut wide, mut ascii) = (0, 0);
        for space in spaces {
            for field in fields(space) {
                wide += if field.is_ascii() { 0 } else { field.len() + 1 };
                ascii += field.chars().count() + 1;
            }
        }
        let mut index = SearchIndex {
            wide: Corpus::with_capacity(wide + spaces.len(), spaces.len()),
            ascii: Corpus::with_capacity(ascii + spaces.len(), spaces.len()),
        };
        let mut scratch = String::new();
        for space in spaces {
            for field in fields(space) {
                let folded = folded(field, &mut scratch).as_bytes();
                if folded.is_ascii() {
                    index.ascii.push_field(folded);
                } else {
                    index.wide.push_field(folded);
                    ascii_runs(folded).for_each(|run| index.ascii.push_field(run));
                }
            }
            index.wide.end_record();
            index.ascii.end_record();
        }
        index.wide.text.shrink_to_fit();
        index.ascii.text.shrink_to_fit();
        index
    }

    /// Puts the records in another order: record `k` becomes the one that was `order[k]`.
    pub fn reorder(&mut self, order: &[usize]) {
        self.wide.reorder(order);
        self.ascii.reorder(order);
    }

    /// The spaces matching every token, one bit per space (in the order given to `new`); `None`
    /// when there are no tokens, meaning all.
    pub fn matching(&self, tokens: &[String]) -> Option<Vec<u64>> {
        // The longest token first: usually the rarest, so the others have fewer records to check.
        let longest = (0..tokens.len()).max_by_key(|&t| tokens[t].len());
        let mut all: Option<Vec<u64>> = None;
        for token in longest.into_iter().chain((0..tokens.len()).filter(|&t| Some(t) != longest)).map(|t| &tokens[t]) {
            let corpus = if token.is_ascii() { &self.ascii } else { &self.wide };
            let finder = memchr::memmem::Finder::new(token.as_bytes());
            all = Some(match all {
                None => corpus.find(&finder),
                Some(mut acc) => {
                    let left: usize = acc.iter().map(|w| w.count_ones() as usize).sum();
                    // Few records left: look into each of them; many: one pass over the text.
                    if left * 8 < corpus.ends.len() {
                        corpus.keep_matching(&finder, &mut acc);
                    } else {
                        acc.iter_mut().zip(corpus.find(&finder)).for_each(|(a, f)| *a &= f);
                    }
                    acc
                }
            });
        }
        all
    }
}

/// A field folded for comparison, borrowed when folding leaves it as it is.
fn folded<'a>(field: &'a str, scratch: &'a mut String) -> &'a str {
    if is_folded(field) {
        return field;
    }
    scratch.clear();
    push_normalized(scratch, field);
    scratch
}

/// The non-empty stretches of ASCII in a text. A non-ASCII character is made of bytes from 0x80
/// up only, so the stretches are found by byte.
fn ascii_runs(mut text: &[u8]) -> impl Iterator<Item = &[u8]> {
    std::iter::from_fn(move || {
        let start = text.iter().position(u8::is_ascii)?;
        let len = text[start..].iter().position(|b| !b.is_ascii()).unwrap_or(text.len() - start);
        let run = &text[start..start + len];
        text = &text[start + len..];
        Some(run)
    })
}

impl Corpus {
    fn with_capacity(bytes: usize, records: usize) -> Corpus {
        Corpus { text: Vec::with_capacity(bytes), ends: Vec::with_capacity(records) }
    }

    fn push_field(&mut self, field: &[u8]) {
        self.text.extend_from_slice(field);
        self.text.push(SEPARATOR as u8);
    }

    fn end_record(&mut self) {
        self.ends.push(self.text.len() as u32);
        self.text.push(END);
    }

    fn reorder(&mut self, order: &[usize]) {
        let mut reordered = Corpus::with_capacity(self.text.len(), order.len());
        for &r in order {
            reordered.text.extend_from_slice(self.record(r));
            reordered.end_record();
        }
        *self = reordered;
    }

    /// The text of record `r`.
    fn record(&self, r: usize) -> &[u8] {
        let start = if r == 0 { 0 } else { self.ends[r - 1] as usize + 1 };
        &self.text[start..self.ends[r] as usize]
    }

    /// The records holding the token, one bit each.
    fn find(&self, finder: &memchr::memmem::Finder) -> Vec<u64> {
        let mut bits = vec![0u64; self.ends.len().div_ceil(64)];
        let (mut from, mut record) = (0, 0);
        while let Some(at) = finder.find(&self.text[from..]) {
            let at = from + at;
            // Records and hits are both in text order: step forward to the record holding this
            // hit (often the current one), mark it, and go on after its end.
            while self.ends[record] as usize <= at {
                record += 1;
            }
            bits[record / 64] |= 1 << (record % 64);
            from = self.ends[record] as usize + 1;
            record += 1;
            if from >= self.text.len() {
                break;
            }
        }
        bits
    }

    /// Clears the bits of the records not holding the token.
    fn keep_matching(&self, finder: &memchr::memmem::Finder, bits: &mut [u64]) {
        for (w, word) in bits.iter_mut().enumerate() {
            let mut left = *word;
            while left != 0 {
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                if finder.find(self.record(w * 64 + bit)).is_none() {
                    *word &= !(1 << bit);
                }
            }
        }
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
    // Only the characters starting with a byte that may fold are looked at; the stretches
    // between them are copied in one piece.
    let bytes = text.as_bytes();
    let (mut kept, mut from) = (0, 0);
    while let Some(at) = first_may_fold(&bytes[from..]).map(|i| from + i) {
        let c = text[at..].chars().next().unwrap_or_default();
        from = at + c.len_utf8();
        let f = fold(c);
        if f != c {
            out.push_str(&text[kept..at]);
            out.push(f);
            kept = from;
        }
    }
    out.push_str(&text[kept..]);
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

/// Whether folding may change the character that starts with this byte of UTF-8: an ASCII
/// capital, a Latin-1 or Latin Extended letter (lead bytes C3–C9), the ideographic space (E3 80
/// 80, among others from E3), a full-width form (lead byte EF). Each is the first byte of its
/// character, so text is scanned by byte, and Chinese text and pinyin keys are copied whole.
fn may_fold(b: u8) -> bool {
    // `|`, not `||`: without branches, [`first_may_fold`] tests 16 bytes at once.
    (b.wrapping_sub(b'A') < 26) | (b.wrapping_sub(0xC3) < 7) | (b == 0xE3) | (b == 0xEF)
}

/// Whether folding would leave `text` as it is.
fn is_folded(text: &str) -> bool {
    first_may_fold(text.as_bytes()).is_none()
}

/// The position of the first byte that [`may_fold`]. The bytes are tested 16 at a time, a whole
/// block in one go where the processor can, and the block holding a hit byte by byte: the
/// index's texts are large, and most blocks hold no hit.
fn first_may_fold(bytes: &[u8]) -> Option<usize> {
    let blocks = bytes.chunks_exact(16);
    let rest = blocks.remainder();
    let block = blocks.take_while(|block| !block.iter().fold(false, |any, &b| any | may_fold(b))).count();
    let from = block * 16;
    let tail = if from + rest.len() == bytes.len() { rest } else { &bytes[from..from + 16] };
    tail.iter().position(|&b| may_fold(b)).map(|i| from + i)
}

/// Lower case for the scripts a Guangzhou dataset and its searches use: ASCII, Latin-1 and the
/// Latin letters of pinyin. Other scripts are left as they are, which keeps Unicode's full case
/// tables out of the browser build.
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
    use proptest::prelude::*;

    fn space() -> Space {
        Space {
            id: "a".into(),
            name: "番禺区沙湾街慈善空间".into(),
            name_en: Some("Shawan Charity Space".into()),
            address: "番禺区沙湾街青萝路12号".into(),
            status: Status::Certified,
            organization: "沙湾街社工服务站".into(),
            eligibility_description: "本街道独居长者".into(),
            fees_description: "免费".into(),
            required_documents: vec!["身份证".into(), "低保证".into()],
            languages: vec!["yue".into(), "csl".into()],
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
    fn who_may_come_what_it_costs_what_to_bring_and_languages() {
        assert!(finds("独居长者"));
        assert!(finds("免费"));
        assert!(finds("低保证"));
        assert!(finds("粤语") && finds("cantonese") && finds("手语"));
        assert!(!finds("普通话") && !finds("身份证低保证"), "no match across two documents");
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
    fn the_first_byte_that_may_fold_is_found_in_any_block() {
        for len in 0..40 {
            assert_eq!(first_may_fold(&vec![b'a'; len]), None);
            for hit in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[hit] = b'X';
                bytes[len - 1] = 0xEF;
                assert_eq!(first_may_fold(&bytes), Some(hit), "{len} {hit}");
            }
        }
        let long = "番禺区沙湾街慈善空间（二号楼）Shawan Ｓｔｒｅｅｔ　Pān Yú";
        assert_eq!(normalize(long), long.chars().map(fold).collect::<String>());
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

    /// Short texts mixing the scripts and forms the folding treats differently.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec!["a", "b", "ab", "B", "1", "沙", "湾", "沙湾", "Ａ", "ｂ", "Ā", "é", "中b", " ", "，", "ü"]);
        proptest::collection::vec(pieces, 0..6).prop_map(|p| p.concat())
    }

    fn random_space() -> impl Strategy<Value = Space> {
        (text(), text(), text(), proptest::option::of(text()), text()).prop_map(|(name, street, address, name_en, py)| Space {
            name,
            street,
            address,
            name_en,
            keys: SearchKeys { py, ini: String::new() },
            ..Space::example()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The index (two texts by script, longest token first, few records checked one by
        /// one) finds exactly what matching each space on its own finds.
        #[test]
        fn index_finds_what_each_haystack_finds(spaces in proptest::collection::vec(random_space(), 0..150), query in text()) {
            let index = SearchIndex::new(&spaces);
            let tokens = tokens(&query);
            match index.matching(&tokens) {
                None => prop_assert!(tokens.is_empty()),
                Some(bits) => {
                    for (i, space) in spaces.iter().enumerate() {
                        let found = bits[i / 64] >> (i % 64) & 1 == 1;
                        prop_assert_eq!(found, Haystack::new(space).matches(&tokens), "space {} {:?}", i, space);
                    }
                }
            }
        }
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(finds(""));
    }
}
