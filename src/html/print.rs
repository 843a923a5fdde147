//! The printable list: what was chosen, how many were found, then one table row per space.

use super::qr::qr_figure;
use super::Html;
use crate::domain::filter::Chip;
use crate::domain::i18n::Lang;
use crate::domain::model::{service, Space};
use crate::domain::page::hours_in_words;

/// The printed view of `spaces` (found under `chips` out of `total`) on `date`, with a QR code of
/// `link`, this view's address.
///
/// # Examples
/// ```
/// use charity_finder::{domain::{filter::Chip, i18n::Lang, load::parse_dataset}, html::print::print_html};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let html = print_html(&[&data.dataset.spaces[0]], &[Chip::Certified], 358, "2026-11-27", "https://example.org/?status=certified", Lang::En);
/// assert!(html.contains("Printed on 2026-11-27"));
/// assert_eq!(html.matches("<tr>").count(), 2);
/// ```
pub fn print_html(spaces: &[&Space], chips: &[Chip], total: usize, date: &str, link: &str, lang: Lang) -> String {
    let t = lang.texts();
    let labels: Vec<String> = chips.iter().map(|c| c.label(lang)).collect();
    let summary = if chips.is_empty() { t.chosen_none.to_string() } else { lang.join(&labels) };
    let mut h = Html::with_capacity(256 + 200 * spaces.len());
    h.el_text("h2", &[], t.print_heading);
    h.el_text(
        "p",
        &[],
        &format!("{}{summary} · {} · {} {date}", lang.label(t.chosen_filters), (t.found)(spaces.len(), total), t.printed_on),
    );
    qr_figure(&mut h, link, t.qr_list, &format!("{}{link}", t.qr_list_caption));
    h.el("table", &[("class", "print-table")], |h| {
        h.el("thead", &[], |h| {
            h.el("tr", &[], |h| {
                for heading in [t.name, t.address, t.phone, t.hours, t.services] {
                    h.el_text("th", &[], heading);
                }
            });
        });
        h.el("tbody", &[], |h| {
            for s in spaces {
                let services = lang.join(&s.services.iter().filter_map(|x| service(x)).map(|x| lang.service(x)).collect::<Vec<_>>());
                let hours = hours_in_words(s, lang);
                h.el("tr", &[], |h| {
                    // What to bring goes on paper too, under the name: the visit a printout prepares.
                    h.el("td", &[("lang", "zh-CN")], |h| {
                        h.text(&s.name);
                        if !s.required_documents.is_empty() {
                            h.el("span", &[("class", "print-note")], |h| {
                                h.el_text("span", &[("lang", lang.tag())], &lang.label(t.documents))
                                    .text(&lang.join(&s.required_documents));
                            });
                        }
                    });
                    h.el_text("td", &[("lang", "zh-CN")], &s.address);
                    h.el_text("td", &[], &s.phone).el_text("td", &[], &hours).el_text("td", &[], &services);
                });
            }
        });
    });
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_rows_escape_their_data() {
        let s = Space { name: "<b>x</b>".into(), address: "a&b".into(), opening_hours: String::new(), ..Space::example() };
        let html = print_html(&[&s], &[Chip::Query("<i>".into())], 1, "2026-11-27", "https://example.org/", Lang::ZhCn);
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains(r#"<tr><td lang="zh-CN">&lt;b&gt;x&lt;/b&gt;</td><td lang="zh-CN">a&amp;b</td>"#), "{html}");
        assert!(html.contains("“&lt;i&gt;”"), "{html}");
        assert!(html.contains(&format!("<td>{}</td>", Lang::ZhCn.texts().hours_unknown)), "{html}");
        let with_documents = Space { required_documents: vec!["身份证".into(), "<u>".into()], ..Space::example() };
        let html = print_html(&[&with_documents], &[], 1, "2026-11-27", "https://example.org/", Lang::En);
        assert!(html.contains(r#"<span class="print-note"><span lang="en">What to bring: </span>身份证, &lt;u&gt;</span>"#), "{html}");
    }
}
