//! The details of one space as HTML text, like the cards: everything in the record, with copy,
//! call and navigate. Data passes through one escaping function; the two buttons carry a
//! `data-action` (`close`, `copy`) for the one listener the panel has.

use std::fmt::Write;

use super::cards::{push_escaped, services_html, state_label};
use super::hours::{hhmm, Hours, OpenState};
use super::i18n::Lang;
use super::links::map_links;
use super::model::{Space, Status};

/// What the panel shows besides the record itself.
pub struct Details<'a> {
    pub space: &'a Space,
    /// The parsed opening hours, when the text parses.
    pub hours: Option<&'a Hours>,
    pub state: OpenState,
    /// 0 = Monday … 6 = Sunday: the row marked as today.
    pub today: u8,
    /// Where to report an error in this record, when the deployment has such a form.
    pub report: Option<&'a str>,
}

/// The `tel:` link for a phone text: its first number, digits and `+` only, and its extension
/// (`转123`) after a pause.
pub fn tel(phone: &str) -> String {
    let first = phone.split(['/', '、']).next().unwrap_or_default();
    let digits = |t: &str| t.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>();
    match first.split_once('转') {
        // A pause, then the extension: what phones dial for `tel:…,123`.
        Some((number, ext)) => format!("tel:{},{}", digits(number), digits(ext)),
        None => format!("tel:{}", digits(first)),
    }
}

/// The panel's content for a space.
///
/// # Examples
/// ```
/// use charity_finder::domain::{details::{details_html, Details}, hours::OpenState, i18n::Lang, load::parse_dataset};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let space = &data.dataset.spaces[0];
/// let html = details_html(&Details { space, hours: None, state: OpenState::Unknown, today: 2, report: None }, Lang::En);
/// assert!(html.starts_with(r#"<div class="details-head"><h2 id="details-title""#));
/// assert!(html.contains(r#"data-action="copy""#));
/// ```
pub fn details_html(d: &Details, lang: Lang) -> String {
    let t = lang.texts();
    let s = d.space;
    let mut out = String::with_capacity(4096);
    let o = &mut out;
    o.push_str(r#"<div class="details-head"><h2 id="details-title" tabindex="-1" lang="zh-CN">"#);
    push_escaped(o, &s.name);
    o.push_str(r#"</h2><button type="button" class="icon-button" data-action="close" aria-label=""#);
    push_escaped(o, t.close);
    o.push_str(
        r#""><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8"></path></svg></button></div>"#,
    );
    if let Some(en) = &s.name_en {
        o.push_str(r#"<p class="name-en" lang="en">"#);
        push_escaped(o, en);
        o.push_str("</p>");
    }
    let (badge, class) = if s.status == Status::Certified { (t.certified, "certified") } else { (t.registered, "registered") };
    let _ = write!(o, r#"<p class="card-meta"><span class="badge {class}">"#);
    push_escaped(o, badge);
    let (state, class) = state_label(d.state, t);
    let _ = write!(o, r#"</span><span class="state {class}">"#);
    push_escaped(o, &state);
    o.push_str(r#"</span></p><dl class="facts">"#);
    fact(o, t.address, None);
    o.push_str(r#"<span class="address" lang="zh-CN">"#);
    push_escaped(o, &s.address);
    o.push_str(r#"</span><button type="button" class="button small" data-action="copy">"#);
    push_escaped(o, t.copy);
    o.push_str(r#"</button><span class="copy-result" role="status"></span></dd>"#);
    if !s.phone.is_empty() {
        fact(o, t.phone, None);
        o.push_str(r#"<a class="phone" lang="zh-CN" href=""#);
        push_escaped(o, &tel(&s.phone));
        o.push_str(r#"">"#);
        push_escaped(o, &s.phone);
        o.push_str("</a></dd>");
    }
    fact(o, t.hours, None);
    match d.hours {
        None => {
            o.push_str("<p>");
            push_escaped(o, t.hours_unknown);
            o.push_str("</p>");
        }
        Some(h) => {
            o.push_str(r#"<table class="hours"><caption class="visually-hidden">"#);
            push_escaped(o, t.hours);
            o.push_str("</caption><tbody>");
            for (day, ranges) in h.week.iter().enumerate() {
                let today = day == usize::from(d.today);
                o.push_str(if today { r#"<tr class="today" aria-current="date"><th scope="row">"# } else { r#"<tr><th scope="row">"# });
                push_escaped(o, t.weekdays[day]);
                if today {
                    // Full-width brackets in Chinese, ASCII ones in English.
                    let marked = if lang == Lang::En { format!(" ({})", t.today) } else { format!("（{}）", t.today) };
                    push_escaped(o, &marked);
                }
                o.push_str("</th><td>");
                if ranges.is_empty() {
                    push_escaped(o, t.closed_all_day);
                }
                for (k, r) in ranges.iter().enumerate() {
                    let _ = write!(o, "{}{}–{}", if k > 0 { ", " } else { "" }, hhmm(r.start), hhmm(r.end));
                }
                o.push_str("</td></tr>");
            }
            o.push_str(r#"</tbody></table><p class="hint">"#);
            push_escaped(o, t.holiday_note);
            o.push_str("</p>");
        }
    }
    if !s.hours_text.is_empty() {
        o.push_str(r#"<p class="hint">"#);
        push_escaped(o, t.hours_as_written);
        o.push_str(r#"<span lang="zh-CN">"#);
        push_escaped(o, &s.hours_text);
        o.push_str("</span></p>");
    }
    o.push_str("</dd>");
    fact(o, t.services, None);
    services_html(o, s, lang);
    o.push_str("</dd>");
    for (label, value, data_lang) in [
        (t.host, s.organization.as_str(), Some("zh-CN")),
        (t.accessibility, s.accessibility.as_str(), Some("zh-CN")),
        (t.certified_on, s.certified_on.as_deref().unwrap_or_default(), None),
        (t.last_verified, s.last_verified.as_str(), None),
    ] {
        if !value.is_empty() {
            fact(o, label, data_lang);
            push_escaped(o, value);
            o.push_str("</dd>");
        }
    }
    o.push_str("</dl>");
    if let Some(href) = d.report {
        o.push_str(r#"<p><a class="report" href=""#);
        push_escaped(o, href);
        o.push_str(r#"">"#);
        push_escaped(o, t.report_error);
        o.push_str("</a></p>");
    }
    o.push_str("<h3>");
    push_escaped(o, t.navigate);
    o.push_str(r#"</h3><ul class="map-links" role="list">"#);
    for (link, label) in map_links(s).iter().zip(t.map_services) {
        let _ = write!(o, r#"<li><a class="button map-link {}" target="_blank" rel="noopener noreferrer" href=""#, link.service);
        push_escaped(o, &link.url);
        o.push_str(r#"">"#);
        push_escaped(o, label);
        o.push_str(r#"<span class="visually-hidden">"#);
        push_escaped(o, t.opens_new_window);
        o.push_str("</span></a></li>");
    }
    o.push_str("</ul>");
    out
}

/// Opens one fact: its `<dt>`, then a `<dd>` (in `lang`, when given) for the caller to fill and close.
fn fact(o: &mut String, label: &str, lang: Option<&str>) {
    o.push_str("<dt>");
    push_escaped(o, label);
    o.push_str("</dt>");
    match lang {
        Some(l) => {
            let _ = write!(o, r#"<dd lang="{l}">"#);
        }
        None => o.push_str("<dd>"),
    }
}

/// The panel's content when the link names a space the data does not have.
pub fn not_found_html(lang: Lang) -> String {
    let t = lang.texts();
    let mut out = String::from("<p>");
    push_escaped(&mut out, t.not_found);
    out.push_str(r#"</p><button type="button" class="button" data-action="close">"#);
    push_escaped(&mut out, t.close);
    out.push_str("</button>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hours;

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
            ..Space::example()
        }
    }

    #[test]
    fn data_never_becomes_markup() {
        let s = hostile();
        let html = details_html(
            &Details { space: &s, hours: None, state: OpenState::Unknown, today: 0, report: Some(r#"x"><script>"#) },
            Lang::En,
        );
        assert!(html.contains("Hours as registered: <span lang=\"zh-CN\">&lt;u&gt;9点"), "{html}");
        for bad in ["<script", "<img", "<b>", "<i>", "</dd><dd>", r#""><script"#, "<nope>", "<u>"] {
            assert!(!html.contains(bad), "{bad} leaked into {html}");
        }
        assert!(html.contains("&amp;lt;"), "escaped once more: {html}");
        for tag in ["div", "h2", "button", "p", "span", "dl", "dt", "dd", "a", "ul", "li", "h3"] {
            let open = html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
    }

    #[test]
    fn shows_the_week_with_today_marked() {
        let s = Space { opening_hours: "Mo-Fr 09:00-12:00,14:00-17:30".into(), ..Space::example() };
        let h = hours::parse(&s.opening_hours).ok().flatten().expect("parses");
        let html = details_html(&Details { space: &s, hours: Some(&h), state: OpenState::Closed, today: 2, report: None }, Lang::ZhCn);
        assert!(
            html.contains(
                r#"<tr class="today" aria-current="date"><th scope="row">星期三（今天）</th><td>09:00–12:00, 14:00–17:30</td></tr>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<tr><th scope="row">星期日</th><td>不开放</td></tr>"#), "{html}");
        assert_eq!(html.matches("<tr").count(), 7);
        assert!(!html.contains(r#"class="report""#));
    }

    #[test]
    fn phone_links_call_the_first_number() {
        assert_eq!(tel("020-8888 1234 / 139 0000 0000"), "tel:02088881234");
        assert_eq!(tel("+86 20 1234、5"), "tel:+86201234");
        assert_eq!(tel("020-84731234转123 / 139"), "tel:02084731234,123");
    }

    #[test]
    fn not_found_offers_to_close() {
        let html = not_found_html(Lang::En);
        assert!(html.contains("was not found") && html.contains(r#"data-action="close""#));
    }
}
