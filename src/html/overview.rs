//! The overview (`?view=stats`): totals and bar charts by district and by service for the current
//! filters, each bar a link that applies its filter (`data-district`, `data-service` name it for
//! the page's one listener), with a data table for screen readers and for anyone who prefers
//! numbers. The bars are SVG; the links around them are HTML, so they are focusable and named
//! like any other link.

use super::Html;
use crate::domain::decimal::{fixed, short};
use crate::domain::filter::toggle;
use crate::domain::i18n::Lang;
use crate::domain::model::{DISTRICTS, SERVICES};
use crate::domain::stats::Stats;
use crate::domain::url_state::ViewState;

/// The drawing width of the longest bar (each bar's SVG scales to its column).
const BAR_MAX: f64 = 400.0;

/// One bar: label, total, certified part, link, and the attribute that names its filter.
struct Bar {
    label: &'static str,
    total: usize,
    certified: Option<usize>,
    href: String,
    /// `("data-district", "440113")` or `("data-service", "elderly")`.
    data: (&'static str, &'static str),
}

/// The overview of `stats`, the counts of what the view `here` finds.
///
/// # Examples
/// ```
/// use charity_finder::domain::{i18n::Lang, load::parse_dataset, stats::stats, url_state::ViewState};
/// use charity_finder::html::overview::overview_html;
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let html = overview_html(&stats(&data.dataset.spaces), &ViewState::default(), Lang::ZhCn);
/// assert!(html.contains(r#"aria-label="番禺区：100（已认证 41）""#));
/// assert!(html.contains(r#"href="?district=440113""#));
/// ```
pub fn overview_html(s: &Stats, here: &ViewState, lang: Lang) -> String {
    let t = lang.texts();
    let share = if s.total == 0 { 0.0 } else { 100.0 * s.certified as f64 / s.total as f64 };
    let mut h = Html::with_capacity(16 * 1024);
    h.el_text("h2", &[("id", "overview-heading")], t.overview);
    h.el("dl", &[("class", "totals")], |h| {
        for (label, value) in [
            (t.total_registered, s.total.to_string()),
            (t.total_certified, s.certified.to_string()),
            (t.certified_share, format!("{}%", fixed(share, 0))),
        ] {
            h.el("div", &[], |h| {
                h.el_text("dt", &[], label).el_text("dd", &[], &value);
            });
        }
    });
    let next = |edit: &dyn Fn(&mut ViewState)| {
        let mut v = here.clone();
        edit(&mut v);
        v.to_query()
    };
    let districts = DISTRICTS.iter().zip(s.districts).map(|(d, (all, cert))| Bar {
        label: lang.district(d),
        total: all,
        certified: Some(cert),
        href: next(&|v| toggle(&mut v.filter.districts, d)),
        data: ("data-district", d.code),
    });
    chart(&mut h, "chart-district", t.by_district, t.district, districts.collect(), lang);
    let services = SERVICES.iter().zip(s.services).map(|(x, n)| Bar {
        label: lang.service(x),
        total: n,
        certified: None,
        href: next(&|v| toggle(&mut v.filter.services, x)),
        data: ("data-service", x.id),
    });
    chart(&mut h, "chart-service", t.by_service, t.service, services.collect(), lang);
    h.finish()
}

/// One chart: its bars (with a legend when they show the certified part) and the same numbers
/// as a table.
fn chart(h: &mut Html, id: &'static str, title: &str, heading: &str, bars: Vec<Bar>, lang: Lang) {
    let t = lang.texts();
    let legend = bars.iter().any(|b| b.certified.is_some());
    let title_id = format!("{id}-title");
    h.el("figure", &[("class", "chart")], |h| {
        h.el_text("figcaption", &[("id", &title_id)], title);
        if legend {
            h.el("p", &[("class", "legend")], |h| {
                h.raw(r#"<span class="swatch certified" aria-hidden="true"></span>"#).text(t.certified);
                h.raw(r#"<span class="swatch registered" aria-hidden="true"></span>"#).text(t.registered);
            });
        }
        h.el("ul", &[("class", "bars"), ("role", "list"), ("aria-labelledby", &title_id)], |h| {
            let max = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1) as f64;
            for bar in &bars {
                bar_row(h, bar, max, lang);
            }
        });
        h.el("details", &[("class", "chart-table")], |h| {
            h.el_text("summary", &[], t.count);
            h.el("table", &[], |h| {
                h.el_text("caption", &[("class", "visually-hidden")], title);
                h.el("thead", &[], |h| {
                    h.el("tr", &[], |h| {
                        h.el_text("th", &[("scope", "col")], heading).el_text("th", &[("scope", "col")], t.count);
                        if legend {
                            h.el_text("th", &[("scope", "col")], t.certified);
                        }
                    });
                });
                h.el("tbody", &[], |h| {
                    for bar in &bars {
                        h.el("tr", &[], |h| {
                            h.el_text("th", &[("scope", "row")], bar.label).el_text("td", &[], &bar.total.to_string());
                            if let Some(c) = bar.certified {
                                h.el_text("td", &[], &c.to_string());
                            }
                        });
                    }
                });
            });
        });
    });
}

/// One bar: a link with its label, the SVG bar (certified part over the total) and the number.
fn bar_row(h: &mut Html, bar: &Bar, max: f64, lang: Lang) {
    let t = lang.texts();
    let number = match bar.certified {
        Some(c) => format!("{}（{} {}）", bar.total, t.certified, c),
        None => bar.total.to_string(),
    };
    let label = format!("{}：{}", bar.label, number);
    let width = |n: usize, min: f64| short((n as f64 / max * BAR_MAX).max(min), 1);
    h.el("li", &[], |h| {
        h.el("a", &[("class", "bar-row"), ("href", &bar.href), ("aria-label", &label), bar.data], |h| {
            h.el_text("span", &[("class", "bar-label")], bar.label);
            let svg = [("viewBox", "0 0 400 24"), ("preserveAspectRatio", "none"), ("aria-hidden", "true"), ("focusable", "false")];
            h.el("svg", &svg, |h| {
                let rect = |h: &mut Html, width: &str, class: &str| {
                    let attrs = [("x", "0"), ("y", "2"), ("width", width), ("height", "20"), ("class", class), ("rx", "3")];
                    h.el("rect", &attrs, |_| {});
                };
                rect(h, &width(bar.total, 1.0), "bar registered");
                if let Some(c) = bar.certified {
                    rect(h, &width(c, 0.0), "bar certified");
                }
            });
            h.el_text("span", &[("class", "bar-value")], &number);
        });
    });
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
        assert_eq!(BAR_MAX, 400.0, "the bars' viewBox is written for this width");
    }
}
