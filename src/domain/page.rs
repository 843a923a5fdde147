//! What the page says about itself and its data in words: where the text lists are, what the
//! data is, a space's hours.

use super::hours::{self, hhmm};
use super::i18n::Lang;
use super::model::{Meta, Space};

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

/// A space's opening hours in words (the printed list, the text lists): days with the same hours
/// together (`星期一至星期五 09:00–17:00`), public holidays when the hours have a rule for them, then
/// the office's own words where it wrote them differently; unknown hours say so.
///
/// # Examples
/// ```
/// use charity_finder::{domain::{i18n::Lang, model::Space}, domain::page::hours_in_words};
/// let mut s: Space = serde_json::from_str(r#"{"id":"a","name":"n","district":"440113","street":"沙湾街道","address":"x",
///     "location":{"lat":22.9,"lng":113.35},"status":"registered","services":[],"opening_hours":"Mo-Fr 09:00-17:00; Sa 09:00-12:00"}"#).unwrap();
/// assert_eq!(hours_in_words(&s, Lang::ZhCn), "星期一至星期五 09:00–17:00；星期六 09:00–12:00；星期日 不开放");
/// s.opening_hours = "Tu-Su 09:00-17:00; PH off".into();
/// assert_eq!(hours_in_words(&s, Lang::En), "Monday Closed; Tuesday–Sunday 09:00–17:00; Public holidays Closed");
/// s.opening_hours.clear();
/// assert_eq!(hours_in_words(&s, Lang::En), "Hours unknown");
/// ```
pub fn hours_in_words(s: &Space, lang: Lang) -> String {
    let t = lang.texts();
    let (to, sep) = if lang == Lang::En { ("–", "; ") } else { ("至", "；") };
    let mut parts: Vec<String> = Vec::new();
    match hours::parse(&s.opening_hours).ok().flatten() {
        None => parts.push(t.hours_unknown.to_string()),
        Some(h) => {
            let in_words = |ranges: &[hours::Range]| {
                if ranges.is_empty() {
                    t.closed_all_day.to_string()
                } else {
                    ranges.iter().map(|r| format!("{}–{}", hhmm(r.start), hhmm(r.end))).collect::<Vec<_>>().join(", ")
                }
            };
            let mut day = 0;
            while day < 7 {
                let mut last = day;
                while last + 1 < 7 && h.week[last + 1] == h.week[day] {
                    last += 1;
                }
                let days = if last == day { t.weekdays[day].to_string() } else { format!("{}{to}{}", t.weekdays[day], t.weekdays[last]) };
                parts.push(format!("{days} {}", in_words(&h.week[day])));
                day = last + 1;
            }
            if let Some(holiday) = &h.holiday {
                parts.push(format!("{} {}", t.public_holidays, in_words(holiday)));
            }
        }
    }
    if !s.hours_text.is_empty() {
        parts.push(format!("{}{}", t.hours_as_written, s.hours_text));
    }
    parts.join(sep)
}
