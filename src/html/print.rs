//! The printable list: what was chosen, how many were found, then one table row per space.

use super::qr::qr_figure;
use super::Html;
use crate::domain::filter::Chip;
use crate::domain::i18n::Lang;
use crate::domain::model::{service, Space};

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
    let summary =
        if chips.is_empty() { t.chosen_none.to_string() } else { chips.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join("，") };
    let mut h = Html::with_capacity(256 + 200 * spaces.len());
    h.el_text("h2", &[], t.print_heading);
    h.el_text("p", &[], &format!("{}：{summary} · {} · {} {date}", t.chosen_filters, (t.found)(spaces.len(), total), t.printed_on));
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
                let services = s.services.iter().filter_map(|x| service(x)).map(|x| lang.service(x)).collect::<Vec<_>>().join("、");
                let hours = if s.opening_hours.is_empty() { t.hours_unknown } else { &s.opening_hours };
                h.el("tr", &[], |h| {
                    h.el_text("td", &[("lang", "zh-CN")], &s.name).el_text("td", &[("lang", "zh-CN")], &s.address);
                    h.el_text("td", &[], &s.phone).el_text("td", &[], hours).el_text("td", &[], &services);
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
    }
}
