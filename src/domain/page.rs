//! What the page says about itself: where the text lists are, and what the data is.

use super::i18n::Lang;
use super::model::Meta;

/// The file of the text list of every space in a language (written by `spaces static-list`),
/// beside the app's `index.html`.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, page::list_file};
/// assert_eq!(list_file(Lang::ZhCn), "list.html");
/// assert_eq!(list_file(Lang::En), "list-en.html");
/// ```
pub fn list_file(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "list.html",
        Lang::En => "list-en.html",
        Lang::ZhTw => "list-zh-TW.html",
    }
}

/// What the data is and how current, in words for residents and in the interface language: for
/// sample data what it was made from (the generator's provenance stays in the file's metadata
/// and in docs/), else its date and source. Text, not markup.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, model::Meta, page::data_line};
/// let meta = Meta { schema_version: 1, as_of: "2026-12-01".into(), source: "广州市民政局".into(), licence: String::new(), sample: false, totals: None };
/// assert_eq!(data_line(&meta, Lang::ZhCn), "数据截至 2026-12-01 · 数据来源: 广州市民政局");
/// ```
pub fn data_line(meta: &Meta, lang: Lang) -> String {
    let t = lang.texts();
    if meta.sample {
        t.sample_about.replace("{date}", &meta.as_of)
    } else {
        format!("{} {} · {}: {}", t.data_as_of, meta.as_of, t.data_source, meta.source)
    }
}
