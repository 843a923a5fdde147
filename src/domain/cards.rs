//! The result cards as HTML text: the list is rebuilt in one assignment per change, which is
//! many times faster (and far less code) than one reactive node per card field. Every piece of
//! data passes through one escaping function; the markup itself is fixed here.

use std::fmt::Write;

use super::distance::human;
use super::hours::{hhmm, OpenState};
use super::i18n::{Lang, Texts};
use super::model::{service, Space, Status};

/// Appends text escaped for an HTML text node or a double-quoted attribute value.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The open-state text and its CSS class.
pub fn state_label(state: OpenState, t: &Texts) -> (String, &'static str) {
    match state {
        OpenState::Open { closes } => (format!("{} · {}", t.open, (t.closes_at)(&hhmm(closes))), "open"),
        OpenState::ClosingSoon { closes } => ((t.closing_soon)(&hhmm(closes)), "closing"),
        OpenState::OpeningSoon { opens } => ((t.opening_soon)(&hhmm(opens)), "opening"),
        OpenState::Closed => (t.closed.to_string(), "closed"),
        OpenState::Unknown => (t.hours_unknown.to_string(), "unknown"),
    }
}

/// What one card shows besides the record itself.
pub struct Card<'a> {
    pub space: &'a Space,
    /// The link that opens the card's details (`?…&space=id`).
    pub href: &'a str,
    pub state: OpenState,
    /// Metres from the chosen position, when there is one.
    pub distance: Option<f64>,
    pub selected: bool,
}

/// Appends one `<li class="card">` to `out`.
///
/// # Examples
/// ```
/// use charity_finder::domain::{cards::{card_html, Card}, hours::OpenState, i18n::Lang, load::parse_dataset};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let space = &data.dataset.spaces[0];
/// let mut html = String::new();
/// card_html(&mut html, &Card { space, href: "?space=x", state: OpenState::Closed, distance: Some(1234.0), selected: false }, Lang::En);
/// assert!(html.starts_with(r#"<li class="card" data-id=""#));
/// assert!(html.contains(r#"<span class="distance">1.2 km away</span>"#));
/// ```
pub fn card_html(out: &mut String, card: &Card, lang: Lang) {
    let t = lang.texts();
    let s = card.space;
    out.push_str(if card.selected { r#"<li class="card selected" data-id=""# } else { r#"<li class="card" data-id=""# });
    push_escaped(out, &s.id);
    out.push_str(r#""><h3 class="card-title"><a lang="zh-CN" href=""#);
    push_escaped(out, card.href);
    out.push_str(r#"">"#);
    push_escaped(out, &s.name);
    out.push_str("</a></h3>");
    if let (Some(en), false) = (&s.name_en, lang == Lang::ZhCn) {
        out.push_str(r#"<p class="name-en" lang="en">"#);
        push_escaped(out, en);
        out.push_str("</p>");
    }
    out.push_str(r#"<p class="card-place">"#);
    push_escaped(out, s.district().map(|d| lang.district(d)).unwrap_or_default());
    out.push_str(r#" · <span lang="zh-CN">"#);
    push_escaped(out, &s.street);
    out.push_str(r#"</span></p><p class="card-meta">"#);
    if s.status == Status::Certified {
        out.push_str(r#"<span class="badge certified"><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7"></path></svg>"#);
        push_escaped(out, t.certified);
    } else {
        out.push_str(r#"<span class="badge registered">"#);
        push_escaped(out, t.registered);
    }
    let (state, class) = state_label(card.state, t);
    let _ = write!(out, r#"</span><span class="state {class}">"#);
    push_escaped(out, &state);
    out.push_str("</span>");
    if let Some(d) = card.distance {
        out.push_str(r#"<span class="distance">"#);
        push_escaped(out, &(t.away)(&human(d, t.metre, t.kilometre)));
        out.push_str("</span>");
    }
    out.push_str("</p>");
    services_html(out, s, lang);
    out.push_str("</li>");
}

/// Appends a space's services as a `<ul class="services">` of labels (unknown ids left out).
pub(crate) fn services_html(out: &mut String, s: &Space, lang: Lang) {
    out.push_str(r#"<ul class="services" role="list">"#);
    for svc in s.services.iter().filter_map(|id| service(id)) {
        let _ = write!(out, r#"<li class="service svc-{}">"#, svc.id);
        push_escaped(out, lang.service(svc));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Space {
        Space {
            id: r#"x" onclick="alert(1)"#.into(),
            name: "<script>alert(1)</script>".into(),
            name_en: Some("<img src=x onerror=alert(1)>".into()),
            street: "</span><b>".into(),
            services: vec!["elderly".into(), "<nope>".into()],
            ..Space::example()
        }
    }

    #[test]
    fn escapes_the_five_characters() {
        let mut out = String::new();
        push_escaped(&mut out, r#"<b a="1">&'"#);
        assert_eq!(out, "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn data_never_becomes_markup() {
        let s = hostile();
        let mut html = String::new();
        card_html(
            &mut html,
            &Card { space: &s, href: r#"?space="><script>"#, state: OpenState::Unknown, distance: None, selected: true },
            Lang::En,
        );
        for bad in ["<script", "<img", "<b>", r#"" onclick"#, r#""><script"#] {
            assert!(!html.contains(bad), "{bad} leaked into {html}");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.starts_with(r#"<li class="card selected""#));
        // The tags the template writes are balanced.
        for tag in ["li", "h3", "a", "p", "span", "ul"] {
            let open = html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
    }

    #[test]
    fn language_picks_names_and_labels() {
        let mut s = hostile();
        s.name_en = Some("Shawan".into());
        let (mut zh, mut en) = (String::new(), String::new());
        let card = Card { space: &s, href: "?", state: OpenState::Closed, distance: Some(420.0), selected: false };
        card_html(&mut zh, &card, Lang::ZhCn);
        card_html(&mut en, &card, Lang::En);
        assert!(!zh.contains("name-en") && zh.contains("番禺区") && zh.contains("长者关爱"));
        assert!(en.contains(r#"<p class="name-en" lang="en">Shawan</p>"#) && en.contains("Panyu") && en.contains("Elderly care"));
        assert!(en.contains("420 m"));
    }
}
