//! The page's fixed texts as HTML text: the brand in the header and the footer's lines. They
//! change only with the language (and the footer with the dataset), so they are written whole.

use std::fmt::Write;

use super::cards::push_escaped;
use super::i18n::Lang;
use super::model::Meta;

/// The header's brand: mark, title and tagline.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, page::brand_html};
/// assert!(brand_html(Lang::ZhCn).contains("<h1>广州慈善空间地图</h1>"));
/// ```
pub fn brand_html(lang: Lang) -> String {
    let t = lang.texts();
    let mut o = String::from(
        r#"<svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 21s-7-4.6-7-10.2A4.8 4.8 0 0 1 12 7a4.8 4.8 0 0 1 7 3.8C19 16.4 12 21 12 21z"></path></svg><div><h1>"#,
    );
    push_escaped(&mut o, t.title);
    o.push_str(r#"</h1><p class="tagline">"#);
    push_escaped(&mut o, t.tagline);
    o.push_str("</p></div>");
    o
}

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

/// The footer's lines: the data's date and source (once the data is in), where to report an
/// error, and the boundaries' credit.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, page::footer_html};
/// let html = footer_html(None, Some("https://example.org/report?a=1&b=2"), Lang::En);
/// assert!(html.contains(r#"<a href="https://example.org/report?a=1&amp;b=2">"#));
/// ```
pub fn footer_html(meta: Option<&Meta>, report: Option<&str>, lang: Lang) -> String {
    let t = lang.texts();
    let mut o = String::new();
    if let Some(m) = meta {
        o.push_str(r#"<p id="data-about">"#);
        push_escaped(&mut o, &data_line(m, lang));
        o.push_str("</p>");
    }
    let _ = write!(o, r#"<p><a href="{}">"#, list_file(lang));
    push_escaped(&mut o, t.list_link);
    o.push_str("</a></p>");
    if let Some(href) = report {
        o.push_str(r#"<p><a href=""#);
        push_escaped(&mut o, href);
        o.push_str(r#"">"#);
        push_escaped(&mut o, t.report_error);
        o.push_str("</a></p>");
    }
    o.push_str("<p>");
    push_escaped(&mut o, t.boundary_credit);
    o.push_str("</p>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_in_the_footer_is_escaped() {
        let meta = Meta {
            schema_version: 1,
            as_of: "2026-01-01".into(),
            source: "<b>局</b>".into(),
            licence: String::new(),
            sample: false,
            totals: None,
        };
        let html = footer_html(Some(&meta), None, Lang::ZhCn);
        assert!(html.starts_with("<p id=\"data-about\">数据截至 2026-01-01 · "), "{html}");
        assert!(html.contains("&lt;b&gt;局&lt;/b&gt;") && !html.contains("<b>"));
        assert_eq!(html.matches("<p").count(), 3);
        assert!(html.contains(r#"<a href="list.html">全部慈善空间的文字版列表</a>"#));
    }

    #[test]
    fn sample_data_is_explained_in_the_interface_language() {
        let meta = Meta {
            schema_version: 1,
            as_of: "2026-11-01".into(),
            source: "spaces generate --seed".into(),
            licence: String::new(),
            sample: true,
            totals: None,
        };
        for lang in Lang::ALL {
            let html = footer_html(Some(&meta), None, lang);
            assert!(!html.contains("spaces generate") && html.contains("2026-11-01") && html.contains("2021"), "{html}");
        }
        assert!(footer_html(Some(&meta), None, Lang::ZhCn).contains("示例数据"));
    }
}
