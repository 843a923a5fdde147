//! The overview (`?view=stats`) as HTML text: totals and bar charts by district and by service
//! for the current filters, each bar a link that applies its filter (`data-district`,
//! `data-service` name it for the page's one listener), with a data table for screen readers and
//! for anyone who prefers numbers. The bars are SVG; the links around them are HTML, so they are
//! focusable and named like any other link.

use std::fmt::Write;

use super::cards::push_escaped;
use super::decimal::{fixed, short};
use super::filter::toggle;
use super::i18n::Lang;
use super::model::{DISTRICTS, SERVICES};
use super::stats::Stats;
use super::url_state::ViewState;

/// The drawing width of the longest bar (each bar's SVG scales to its column).
const BAR_MAX: f64 = 400.0;

/// One bar: label, total, certified part, link, and the attribute that names its filter.
struct Bar {
    label: &'static str,
    total: usize,
    certified: Option<usize>,
    href: String,
    /// `data-district="440113"` or `data-service="elderly"`.
    data: String,
}

/// The overview of `stats`, the counts of what the view `here` finds.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, load::parse_dataset, overview::overview_html, stats::stats, url_state::ViewState};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let html = overview_html(&stats(&data.dataset.spaces), &ViewState::default(), Lang::ZhCn);
/// assert!(html.contains(r#"aria-label="番禺区：100（已认证 41）""#));
/// assert!(html.contains(r#"href="?district=440113""#));
/// ```
pub fn overview_html(s: &Stats, here: &ViewState, lang: Lang) -> String {
    let t = lang.texts();
    let share = if s.total == 0 { 0.0 } else { 100.0 * s.certified as f64 / s.total as f64 };
    let mut o = String::with_capacity(16 * 1024);
    o.push_str(r#"<h2 id="overview-heading">"#);
    push_escaped(&mut o, t.overview);
    o.push_str(r#"</h2><dl class="totals">"#);
    for (label, value) in [
        (t.total_registered, s.total.to_string()),
        (t.total_certified, s.certified.to_string()),
        (t.certified_share, format!("{}%", fixed(share, 0))),
    ] {
        o.push_str("<div><dt>");
        push_escaped(&mut o, label);
        let _ = write!(o, "</dt><dd>{value}</dd></div>");
    }
    o.push_str("</dl>");
    let next = |edit: &dyn Fn(&mut ViewState)| {
        let mut v = here.clone();
        edit(&mut v);
        v.to_query()
    };
    let districts = DISTRICTS.iter().zip(s.districts).map(|(d, (all, cert))| Bar {
        label: lang.district(d),
        total: all,
        certified: Some(cert),
        href: next(&|v| toggle(&mut v.filter.districts, d.code)),
        data: format!(r#"data-district="{}""#, d.code),
    });
    chart(&mut o, "chart-district", t.by_district, t.district, districts.collect(), lang);
    let services = SERVICES.iter().zip(s.services).map(|(x, n)| Bar {
        label: lang.service(x),
        total: n,
        certified: None,
        href: next(&|v| toggle(&mut v.filter.services, x.id)),
        data: format!(r#"data-service="{}""#, x.id),
    });
    chart(&mut o, "chart-service", t.by_service, t.service, services.collect(), lang);
    o
}

/// One chart: its bars (with a legend when they show the certified part) and the same numbers
/// as a table.
fn chart(o: &mut String, id: &str, title: &str, heading: &str, bars: Vec<Bar>, lang: Lang) {
    let t = lang.texts();
    let legend = bars.iter().any(|b| b.certified.is_some());
    let max = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1) as f64;
    let _ = write!(o, r#"<figure class="chart"><figcaption id="{id}-title">"#);
    push_escaped(o, title);
    o.push_str("</figcaption>");
    if legend {
        o.push_str(r#"<p class="legend"><span class="swatch certified" aria-hidden="true"></span>"#);
        push_escaped(o, t.certified);
        o.push_str(r#"<span class="swatch registered" aria-hidden="true"></span>"#);
        push_escaped(o, t.registered);
        o.push_str("</p>");
    }
    let _ = write!(o, r#"<ul class="bars" role="list" aria-labelledby="{id}-title">"#);
    for bar in &bars {
        let number = match bar.certified {
            Some(c) => format!("{}（{} {}）", bar.total, t.certified, c),
            None => bar.total.to_string(),
        };
        o.push_str(r#"<li><a class="bar-row" href=""#);
        push_escaped(o, &bar.href);
        o.push_str(r#"" aria-label=""#);
        push_escaped(o, &format!("{}：{}", bar.label, number));
        let _ = write!(o, r#"" {}><span class="bar-label">"#, bar.data);
        push_escaped(o, bar.label);
        let width = |n: usize, min: f64| short((n as f64 / max * BAR_MAX).max(min), 1);
        let _ = write!(
            o,
            r#"</span><svg viewBox="0 0 {} 24" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect x="0" y="2" width="{}" height="20" class="bar registered" rx="3"></rect>"#,
            BAR_MAX as u32,
            width(bar.total, 1.0)
        );
        if let Some(c) = bar.certified {
            let _ = write!(o, r#"<rect x="0" y="2" width="{}" height="20" class="bar certified" rx="3"></rect>"#, width(c, 0.0));
        }
        o.push_str(r#"</svg><span class="bar-value">"#);
        push_escaped(o, &number);
        o.push_str("</span></a></li>");
    }
    o.push_str(r#"</ul><details class="chart-table"><summary>"#);
    push_escaped(o, t.count);
    o.push_str(r#"</summary><table><caption class="visually-hidden">"#);
    push_escaped(o, title);
    o.push_str(r#"</caption><thead><tr><th scope="col">"#);
    push_escaped(o, heading);
    o.push_str(r#"</th><th scope="col">"#);
    push_escaped(o, t.count);
    o.push_str("</th>");
    if legend {
        o.push_str(r#"<th scope="col">"#);
        push_escaped(o, t.certified);
        o.push_str("</th>");
    }
    o.push_str("</tr></thead><tbody>");
    for bar in &bars {
        o.push_str(r#"<tr><th scope="row">"#);
        push_escaped(o, bar.label);
        let _ = write!(o, "</th><td>{}</td>", bar.total);
        if let Some(c) = bar.certified {
            let _ = write!(o, "<td>{c}</td>");
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></details></figure>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Space, Status};
    use crate::domain::stats::stats;

    #[test]
    fn bars_follow_the_counts_and_toggle_their_filter() {
        let spaces = [Space { status: Status::Certified, ..Space::example() }, Space { id: "b".into(), ..Space::example() }];
        let s = stats(&spaces);
        let (here, _) = ViewState::parse("?district=440113&view=stats");
        let html = overview_html(&s, &here, Lang::En);
        assert!(html.contains("<dd>2</dd>"), "{html}");
        // The longest bar is full width; a bar of nothing is still visible.
        assert!(html.contains(r#"width="400" height="20" class="bar registered""#), "{html}");
        assert!(html.contains(r#"width="1" height="20" class="bar registered""#), "{html}");
        // Each bar links to the view with its filter toggled.
        assert!(html.contains(r#"href="?view=stats" aria-label="Panyu：2（Certified 1）" data-district="440113">"#), "{html}");
        assert!(html.contains(r#"href="?district=440113,440103&amp;view=stats""#), "{html}");
        assert!(html.contains(r#"data-service="elderly""#));
        assert_eq!(html.matches("<figure").count(), 2);
        assert_eq!(html.matches("<li>").count(), 22);
        assert_eq!(html.matches(r#"<tr><th scope="row">"#).count(), 22);
    }
}
