//! The page's fixed parts: the brand in the header and the footer's lines. They change only with
//! the language (and the footer with the dataset), so they are written whole.

use super::Html;
use crate::domain::i18n::Lang;
use crate::domain::model::Meta;
use crate::domain::page::{data_line, list_file};

/// The header's brand: mark, title and tagline.
///
/// # Examples
/// ```
/// use charity_finder::{domain::i18n::Lang, html::page::brand_html};
/// assert!(brand_html(Lang::ZhCn).contains("<h1>广州慈善空间地图</h1>"));
/// ```
pub fn brand_html(lang: Lang) -> String {
    let t = lang.texts();
    let mut h = Html::default();
    h.raw(r#"<svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 21s-7-4.6-7-10.2A4.8 4.8 0 0 1 12 7a4.8 4.8 0 0 1 7 3.8C19 16.4 12 21 12 21z"></path></svg>"#);
    h.el("div", &[], |h| {
        h.el_text("h1", &[], t.title).el_text("p", &[("class", "tagline")], t.tagline);
    });
    h.finish()
}

/// The footer's lines: the data's date and source (once the data is in), the text list, where to
/// report an error, and the boundaries' credit.
///
/// # Examples
/// ```
/// use charity_finder::{domain::i18n::Lang, html::page::footer_html};
/// let html = footer_html(None, Some("https://example.org/report?a=1&b=2"), Lang::En);
/// assert!(html.contains(r#"<a href="https://example.org/report?a=1&amp;b=2">"#));
/// ```
pub fn footer_html(meta: Option<&Meta>, report: Option<&str>, lang: Lang) -> String {
    let t = lang.texts();
    let mut h = Html::default();
    if let Some(m) = meta {
        h.el_text("p", &[("id", "data-about")], &data_line(m, lang));
    }
    h.el("p", &[], |h| {
        h.el_text("a", &[("href", list_file(lang))], t.list_link);
    });
    if let Some(href) = report {
        h.el("p", &[], |h| {
            h.el_text("a", &[("href", href)], t.report_error);
        });
    }
    h.el_text("p", &[], t.boundary_credit);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(source: &str, sample: bool) -> Meta {
        Meta { schema_version: 1, as_of: "2026-11-01".into(), source: source.into(), licence: String::new(), sample, totals: None }
    }

    #[test]
    fn data_in_the_footer_is_escaped() {
        let html = footer_html(Some(&meta("<b>局</b>", false)), None, Lang::ZhCn);
        assert!(html.starts_with("<p id=\"data-about\">数据截至 2026-11-01 · "), "{html}");
        assert!(html.contains("&lt;b&gt;局&lt;/b&gt;") && !html.contains("<b>"));
        assert_eq!(html.matches("<p").count(), 3);
        assert!(html.contains(r#"<a href="list.html">全部慈善空间的文字版列表</a>"#));
    }

    #[test]
    fn sample_data_is_explained_in_the_interface_language() {
        let meta = meta("spaces generate --seed", true);
        for lang in Lang::ALL {
            let html = footer_html(Some(&meta), None, lang);
            assert!(!html.contains("spaces generate") && html.contains("2026-11-01") && html.contains("2021"), "{html}");
        }
        assert!(footer_html(Some(&meta), None, Lang::ZhCn).contains("示例数据"));
    }
}
