//! The details of one space: everything in the record, with copy, call and navigate. The two
//! buttons carry a `data-action` (`close`, `copy`) for the one listener the panel has.

use super::cards::{badge, day_note, services, state_label};
use super::qr::qr_figure;
use super::{Html, CROSS};
use crate::domain::holidays::DayKind;
use crate::domain::hours::{hhmm, CstTime, Hours, OpenState};
use crate::domain::i18n::Lang;
use crate::domain::links::{map_links, route_links, tel, Travel, MAP_SERVICES};
use crate::domain::model::{language, LatLng, Space};

/// What the panel shows besides the record itself.
pub struct Details<'a> {
    pub space: &'a Space,
    /// The parsed opening hours, when the text parses.
    pub hours: Option<&'a Hours>,
    pub state: OpenState,
    /// The moment: today's row is marked, and the days of its week are known holidays or not.
    pub now: CstTime,
    /// Where to report an error in this record, when the deployment has such a form.
    pub report: Option<&'a str>,
    /// Where routes start: a place the person chose on this page (never the device's position).
    pub from: Option<LatLng>,
    /// The space's own link (this page with `?space=`), drawn as a QR code.
    pub link: &'a str,
}

/// The panel's content for a space.
///
/// # Examples
/// ```
/// use charity_finder::domain::{hours::{CstTime, OpenState}, i18n::Lang, load::parse_dataset};
/// use charity_finder::html::details::{details_html, Details};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let space = &data.dataset.spaces[0];
/// let html = details_html(&Details { space, hours: None, state: OpenState::Unknown, now: CstTime::at(2, 600), report: None, from: None, link: "https://example.org/?space=x" }, Lang::En);
/// assert!(html.starts_with(r#"<div class="details-head"><h2 id="details-title""#));
/// assert!(html.contains(r#"data-action="copy""#));
/// ```
pub fn details_html(d: &Details, lang: Lang) -> String {
    let t = lang.texts();
    let s = d.space;
    let mut h = Html::with_capacity(4096);
    h.el("div", &[("class", "details-head")], |h| {
        h.el_text("h2", &[("id", "details-title"), ("tabindex", "-1"), ("lang", "zh-CN")], &s.name);
        h.el("button", &[("type", "button"), ("class", "icon-button"), ("data-action", "close"), ("aria-label", t.close)], |h| {
            h.raw(CROSS);
        });
    });
    if let Some(en) = &s.name_en {
        h.el_text("p", &[("class", "name-en"), ("lang", "en")], en);
    }
    h.el("p", &[("class", "card-meta")], |h| {
        badge(h, s.status, t);
        let (state, class) = state_label(d.state, t);
        h.el_text("span", &[("class", class)], &state);
        if let Some(note) = d.hours.and_then(|hours| hours.note(d.now.today())) {
            h.el_text("span", &[("class", "day-note")], &day_note(note, lang));
        }
    });
    h.el("p", &[("class", "share")], |h| {
        h.el_text("button", &[("type", "button"), ("class", "button small"), ("data-action", "share")], t.share);
        h.el("span", &[("class", "share-result"), ("role", "status")], |_| {});
    });
    h.el("dl", &[("class", "facts")], |h| facts(h, d, lang));
    if let Some(href) = d.report {
        h.el("p", &[], |h| {
            h.el_text("a", &[("class", "report"), ("href", href)], t.report_error);
        });
    }
    routes(&mut h, s, d.from, lang);
    h.el_text("h3", &[], t.navigate);
    h.el("ul", &[("class", "map-links"), ("role", "list")], |h| {
        for (link, label) in map_links(s).iter().zip(t.map_services) {
            let class = format!("button map-link {}", link.service);
            h.el("li", &[], |h| {
                h.el("a", &[("class", &class), ("target", "_blank"), ("rel", "noopener noreferrer"), ("href", &link.url)], |h| {
                    h.text(label).el_text("span", &[("class", "visually-hidden")], t.opens_new_window);
                });
            });
        }
    });
    qr_figure(&mut h, d.link, t.qr_space, t.qr_space_caption);
    h.finish()
}

/// Walking and public-transport routes in each map app.
fn routes(h: &mut Html, s: &Space, from: Option<LatLng>, lang: Lang) {
    let t = lang.texts();
    let links = route_links(s, from.map(|p| (p, t.route_start)));
    h.el_text("h3", &[], t.routes);
    h.el_text("p", &[("class", "hint")], if from.is_some() { t.routes_from_place } else { t.routes_from_app });
    h.el("ul", &[("class", "routes"), ("role", "list")], |h| {
        for (travel, label) in [(Travel::Walk, t.walk), (Travel::Transit, t.transit)] {
            h.el("li", &[], |h| {
                h.el_text("span", &[("class", "route-kind")], label);
                for link in links.iter().filter(|l| l.travel == travel) {
                    let class = format!("button map-link {}", link.service);
                    let service = MAP_SERVICES.iter().position(|s| *s == link.service).map_or("", |k| t.map_services[k]);
                    h.el("a", &[("class", &class), ("target", "_blank"), ("rel", "noopener noreferrer"), ("href", &link.url)], |h| {
                        h.el_text("span", &[("class", "visually-hidden")], &lang.label(label));
                        h.text(service).el_text("span", &[("class", "visually-hidden")], t.opens_new_window);
                    });
                }
            });
        }
    });
}

/// The record's facts: address (with copy), phone, hours, services, host and the rest.
fn facts(h: &mut Html, d: &Details, lang: Lang) {
    let t = lang.texts();
    let s = d.space;
    h.el_text("dt", &[], t.address).el("dd", &[], |h| {
        h.el_text("span", &[("class", "address"), ("lang", "zh-CN")], &s.address);
        h.el_text("button", &[("type", "button"), ("class", "button small"), ("data-action", "copy")], t.copy);
        h.el("span", &[("class", "copy-result"), ("role", "status")], |_| {});
    });
    if !s.phone.is_empty() {
        h.el_text("dt", &[], t.phone).el("dd", &[], |h| {
            h.el_text("a", &[("class", "phone"), ("lang", "zh-CN"), ("href", &tel(&s.phone))], &s.phone);
        });
    }
    h.el_text("dt", &[], t.hours).el("dd", &[], |h| {
        match d.hours {
            None => {
                h.el_text("p", &[], t.hours_unknown);
            }
            Some(hours) => week(h, hours, d.now, lang),
        }
        if !s.hours_text.is_empty() {
            h.el("p", &[("class", "hint")], |h| {
                h.text(t.hours_as_written).el_text("span", &[("lang", "zh-CN")], &s.hours_text);
            });
        }
    });
    h.el_text("dt", &[], t.services).el("dd", &[], |h| services(h, s, lang));
    before_you_go(h, s, lang);
    for (label, value, data_lang) in [
        (t.host, s.organization.as_str(), Some("zh-CN")),
        (t.accessibility, s.accessibility.as_str(), Some("zh-CN")),
        (t.certified_on, s.certified_on.as_deref().unwrap_or_default(), None),
        (t.last_verified, s.last_verified.as_str(), None),
    ] {
        if !value.is_empty() {
            h.el_text("dt", &[], label);
            match data_lang {
                Some(l) => h.el_text("dd", &[("lang", l)], value),
                None => h.el_text("dd", &[], value),
            };
        }
    }
}

/// Who may come, what it costs, what to bring and the languages spoken, where the record says, as
/// `dt`/`dd` pairs (the details, and the text lists `spaces static-list` writes).
pub fn before_you_go(h: &mut Html, s: &Space, lang: Lang) {
    let t = lang.texts();
    if !s.eligibility_description.is_empty() {
        h.el_text("dt", &[], t.eligibility).el_text("dd", &[("class", "eligibility"), ("lang", "zh-CN")], &s.eligibility_description);
    }
    match s.fees_description.as_str() {
        "" => {}
        "免费" => {
            h.el_text("dt", &[], t.fees).el_text("dd", &[("class", "fees")], t.free);
        }
        fees => {
            h.el_text("dt", &[], t.fees).el_text("dd", &[("class", "fees"), ("lang", "zh-CN")], fees);
        }
    }
    if !s.required_documents.is_empty() {
        h.el_text("dt", &[], t.documents).el("dd", &[], |h| {
            h.el("ul", &[("class", "documents"), ("role", "list"), ("lang", "zh-CN")], |h| {
                for document in &s.required_documents {
                    h.el_text("li", &[], document);
                }
            });
        });
    }
    let languages: Vec<&str> = s.languages.iter().filter_map(|code| language(code)).map(|l| lang.language(l)).collect();
    if !languages.is_empty() {
        h.el_text("dt", &[], t.languages).el_text("dd", &[("class", "languages")], &lang.join(&languages));
    }
}

/// The week's hours as a table, today's row marked, and the hours of a holiday or an adjusted
/// working day in this week on its own day, with its name.
fn week(h: &mut Html, hours: &Hours, now: CstTime, lang: Lang) {
    let t = lang.texts();
    h.el("table", &[("class", "hours")], |h| {
        h.el_text("caption", &[("class", "visually-hidden")], t.hours);
        h.el("tbody", &[], |h| {
            for day in 0..7 {
                let ranges = hours.on(day, now.week[day]);
                let is_today = day == usize::from(now.weekday);
                let attrs: &[(&str, &str)] = if is_today { &[("class", "today"), ("aria-current", "date")] } else { &[] };
                h.el("tr", attrs, |h| {
                    h.el("th", &[("scope", "row")], |h| {
                        h.text(t.weekdays[day]);
                        if is_today {
                            // Full-width brackets in Chinese, ASCII ones in English.
                            h.text(&if lang == Lang::En { format!(" ({})", t.today) } else { format!("（{}）", t.today) });
                        }
                        if let Some(note) = hours.note(now.week[day]) {
                            h.el_text("span", &[("class", "day-note")], &day_note(note, lang));
                        }
                    });
                    let times = ranges.iter().map(|r| format!("{}–{}", hhmm(r.start), hhmm(r.end))).collect::<Vec<_>>().join(", ");
                    h.el_text("td", &[], if ranges.is_empty() { t.closed_all_day } else { &times });
                });
            }
        });
    });
    // The calendar does not reach this week, or a holiday in it has no hours of its own.
    let unsure = now.week.iter().any(|k| match k {
        DayKind::Unknown => true,
        DayKind::Holiday(_) => hours.holiday.is_none(),
        DayKind::Ordinary | DayKind::Workday(_) => false,
    });
    if unsure {
        h.el_text("p", &[("class", "hint")], t.holiday_note);
    }
}

/// The panel's content when the link names a space the data does not have.
pub fn not_found_html(lang: Lang) -> String {
    let t = lang.texts();
    let mut h = Html::default();
    h.el_text("p", &[], t.not_found).el_text("button", &[("type", "button"), ("class", "button"), ("data-action", "close")], t.close);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hours;
    use crate::html::tests::assert_balanced;

    /// The panel of `space` on a Wednesday morning, without hours, routes' start or link.
    fn plain(space: &Space) -> Details<'_> {
        Details { space, hours: None, state: OpenState::Unknown, now: CstTime::at(2, 600), report: None, from: None, link: "" }
    }

    fn hostile() -> Space {
        Space {
            name: "<script>alert(1)</script>".into(),
            name_en: Some("<img src=x onerror=alert(1)>".into()),
            address: r#""><b>"#.into(),
            phone: "020-1234<5678".into(),
            organization: "</dd><dd>".into(),
            accessibility: "&lt;".into(),
            last_verified: "<i>".into(),
            hours_text: "<u>9点</u>".into(),
            services: vec!["elderly".into(), "<nope>".into()],
            eligibility_description: "<em>".into(),
            fees_description: "<s>".into(),
            required_documents: vec!["<ol>".into()],
            ..Space::example()
        }
    }

    #[test]
    fn data_never_becomes_markup() {
        let s = hostile();
        let panel =
            Details { now: CstTime::at(0, 600), report: Some(r#"x"><script>"#), link: "https://example.org/?space=<x>", ..plain(&s) };
        let html = details_html(&panel, Lang::En);
        assert!(html.contains("Hours as registered: <span lang=\"zh-CN\">&lt;u&gt;9点"), "{html}");
        for bad in ["<script", "<img", "<b>", "<i>", "</dd><dd>", r#""><script"#, "<nope>", "<u>", "<em>", "<s>", "<ol>"] {
            assert!(!html.contains(bad), "{bad} leaked into {html}");
        }
        assert!(html.contains("&amp;lt;"), "escaped once more: {html}");
        assert_balanced(
            &html,
            &["div", "h2", "button", "p", "span", "dl", "dt", "dd", "a", "ul", "li", "h3", "figure", "svg", "rect", "path", "figcaption"],
        );
    }

    #[test]
    fn shows_the_week_with_today_marked() {
        let s = Space { opening_hours: "Mo-Fr 09:00-12:00,14:00-17:30".into(), ..Space::example() };
        let h = hours::parse(&s.opening_hours).ok().flatten().expect("parses");
        let html = details_html(&Details { hours: Some(&h), state: OpenState::Closed, ..plain(&s) }, Lang::ZhCn);
        assert!(
            html.contains(
                r#"<tr class="today" aria-current="date"><th scope="row">星期三（今天）</th><td>09:00–12:00, 14:00–17:30</td></tr>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<tr><th scope="row">星期日</th><td>不开放</td></tr>"#), "{html}");
        assert_eq!(html.matches("<tr").count(), 7);
        assert!(!html.contains(r#"class="report""#));
        // Routes from where the map app finds the person: no Baidu (it needs a start).
        assert_eq!(html.matches("uri.amap.com/navigation").count(), 2);
        assert!(!html.contains("api.map.baidu.com/direction") && html.contains("从地图应用找到的您的当前位置出发"));
    }

    #[test]
    fn who_may_come_what_it_costs_what_to_bring_in_each_language() {
        let s = Space {
            eligibility_description: "本街道独居长者".into(),
            fees_description: "免费".into(),
            required_documents: vec!["身份证".into(), "低保证".into()],
            languages: vec!["zh-cmn".into(), "yue".into()],
            ..Space::example()
        };
        let html = |lang| details_html(&plain(&s), lang);
        let en = html(Lang::En);
        assert!(en.contains(r#"<dt>Who can use it</dt><dd class="eligibility" lang="zh-CN">本街道独居长者</dd>"#), "{en}");
        assert!(en.contains(r#"<dt>Fees</dt><dd class="fees">Free</dd>"#), "{en}");
        assert!(
            en.contains(r#"<dt>What to bring</dt><dd><ul class="documents" role="list" lang="zh-CN"><li>身份证</li><li>低保证</li></ul>"#)
        );
        assert!(en.contains(r#"<dt>Languages spoken</dt><dd class="languages">Mandarin, Cantonese</dd>"#), "{en}");
        let tw = html(Lang::ZhTw);
        assert!(tw.contains(r#"<dt>收費</dt><dd class="fees">免費</dd>"#) && tw.contains(">普通話、粵語</dd>"), "{tw}");
        let none = details_html(&plain(&Space::example()), Lang::ZhCn);
        assert!(!none.contains("适用对象") && !none.contains("所需材料"), "{none}");
    }

    #[test]
    fn not_found_offers_to_close() {
        let html = not_found_html(Lang::En);
        assert!(html.contains("was not found") && html.contains(r#"data-action="close""#));
    }
}
