//! The result cards: the list is rebuilt in one assignment per change, which is many times faster
//! (and far less code) than one reactive node per card field.

use super::Html;
use crate::domain::distance::human;
use crate::domain::hours::{hhmm, DayNote, OpenState};
use crate::domain::i18n::{Lang, Texts};
use crate::domain::model::{service, Space, Status};

/// The open-state text and its CSS class.
pub fn state_label(state: OpenState, t: &Texts) -> (String, &'static str) {
    match state {
        OpenState::Open { closes } => (format!("{} · {}", t.open, (t.closes_at)(&hhmm(closes))), "state open"),
        OpenState::ClosingSoon { closes } => ((t.closing_soon)(&hhmm(closes)), "state closing"),
        OpenState::OpeningSoon { opens } => ((t.opening_soon)(&hhmm(opens)), "state opening"),
        OpenState::Closed => (t.closed.to_string(), "state closed"),
        OpenState::Unknown => (t.hours_unknown.to_string(), "state unknown"),
    }
}

/// What a holiday or an adjusted working day changes today, in words.
pub fn day_note(note: DayNote, lang: Lang) -> String {
    let t = lang.texts();
    match note {
        DayNote::HolidayHours(f) => (t.holiday_hours)(f.name(lang)),
        DayNote::HolidayMayDiffer(f) => (t.holiday_may_differ)(f.name(lang)),
        DayNote::AdjustedWorkday => t.adjusted_workday.to_string(),
    }
}

/// What one card shows besides the record itself.
pub struct Card<'a> {
    pub space: &'a Space,
    /// The link that opens the card's details (`?…&space=id`).
    pub href: &'a str,
    pub state: OpenState,
    /// What today's holiday or adjusted working day changes.
    pub note: Option<DayNote>,
    /// Metres from the chosen position, when there is one.
    pub distance: Option<f64>,
    pub selected: bool,
}

/// Writes one `<li class="card">`.
///
/// # Examples
/// ```
/// use charity_finder::domain::{hours::OpenState, i18n::Lang, load::parse_dataset};
/// use charity_finder::html::{cards::{card, Card}, Html};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let space = &data.dataset.spaces[0];
/// let mut h = Html::default();
/// card(&mut h, &Card { space, href: "?space=x", state: OpenState::Closed, note: None, distance: Some(1234.0), selected: false }, Lang::En);
/// let html = h.finish();
/// assert!(html.starts_with(r#"<li class="card" data-id=""#));
/// assert!(html.contains(r#"<span class="distance">1.2 km away</span>"#));
/// ```
pub fn card(h: &mut Html, card: &Card, lang: Lang) {
    let t = lang.texts();
    let s = card.space;
    h.el("li", &[("class", if card.selected { "card selected" } else { "card" }), ("data-id", &s.id)], |h| {
        h.el("h3", &[("class", "card-title")], |h| {
            h.el_text("a", &[("lang", "zh-CN"), ("href", card.href)], &s.name);
        });
        if let (Some(en), false) = (&s.name_en, lang == Lang::ZhCn) {
            h.el_text("p", &[("class", "name-en"), ("lang", "en")], en);
        }
        h.el("p", &[("class", "card-place")], |h| {
            h.text(s.district().map(|d| lang.district(d)).unwrap_or_default()).raw(" · ");
            h.el_text("span", &[("lang", "zh-CN")], &s.street);
        });
        h.el("p", &[("class", "card-meta")], |h| {
            badge(h, s.status, t);
            let (state, class) = state_label(card.state, t);
            h.el_text("span", &[("class", class)], &state);
            if let Some(note) = card.note {
                h.el_text("span", &[("class", "day-note")], &day_note(note, lang));
            }
            if let Some(d) = card.distance {
                h.el_text("span", &[("class", "distance")], &(t.away)(&human(d, t.metre, t.kilometre)));
            }
        });
        services(h, s, lang);
    });
}

/// The certified or registered badge.
pub(super) fn badge(h: &mut Html, status: Status, t: &Texts) {
    if status == Status::Certified {
        h.el("span", &[("class", "badge certified")], |h| {
            h.raw(r#"<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3 3 7-7"></path></svg>"#)
                .text(t.certified);
        });
    } else {
        h.el_text("span", &[("class", "badge registered")], t.registered);
    }
}

/// A space's services as a `<ul class="services">` of labels (unknown ids left out).
pub(super) fn services(h: &mut Html, s: &Space, lang: Lang) {
    h.el("ul", &[("class", "services"), ("role", "list")], |h| {
        for svc in s.services.iter().filter_map(|id| service(id)) {
            h.el_text("li", &[("class", &format!("service svc-{}", svc.id))], lang.service(svc));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::tests::assert_balanced;

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

    fn html(c: &Card, lang: Lang) -> String {
        let mut h = Html::default();
        card(&mut h, c, lang);
        h.finish()
    }

    #[test]
    fn data_never_becomes_markup() {
        let s = hostile();
        let html = html(
            &Card { space: &s, href: r#"?space="><script>"#, state: OpenState::Unknown, note: None, distance: None, selected: true },
            Lang::En,
        );
        for bad in ["<script", "<img", "<b>", r#"" onclick"#, r#""><script"#] {
            assert!(!html.contains(bad), "{bad} leaked into {html}");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.starts_with(r#"<li class="card selected""#));
        assert_balanced(&html, &["li", "h3", "a", "p", "span", "ul"]);
    }

    #[test]
    fn language_picks_names_and_labels() {
        let mut s = hostile();
        s.name_en = Some("Shawan".into());
        let card = Card {
            space: &s,
            href: "?",
            state: OpenState::Closed,
            note: Some(DayNote::AdjustedWorkday),
            distance: Some(420.0),
            selected: false,
        };
        let (zh, en) = (html(&card, Lang::ZhCn), html(&card, Lang::En));
        assert!(!zh.contains("name-en") && zh.contains("番禺区") && zh.contains("长者关爱"));
        assert!(en.contains(r#"<p class="name-en" lang="en">Shawan</p>"#) && en.contains("Panyu") && en.contains("Elderly care"));
        assert!(en.contains("420 m") && en.contains(r#"<span class="state closed">"#));
        assert!(zh.contains(r#"<span class="day-note">调休上班日</span>"#) && en.contains("Adjusted working day"), "{zh}");
    }
}
