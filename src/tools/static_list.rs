//! The text list of every space: a static page per language, written by the build, that needs no
//! script. It is what a browser without script, an app that cannot start, a screen-reader user who
//! prefers a plain page and a search engine get, and it prints well. It links to the app and back.

use std::fmt::Write;

use crate::domain::cards::push_escaped;
use crate::domain::hours::{self, hhmm};
use crate::domain::i18n::Lang;
use crate::domain::model::{service, Dataset, Space, Status, DISTRICTS};
use crate::domain::page::data_line;

pub use crate::domain::page::list_file as file_name;

/// The whole page for `lang`: every space of the dataset, grouped by district in code order,
/// each in name order as the file holds them.
pub fn render(dataset: &Dataset, lang: Lang) -> String {
    let t = lang.texts();
    let mut o = String::with_capacity(dataset.spaces.len() * 700 + 4096);
    let _ = write!(
        o,
        r#"<!doctype html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>"#,
        lang.tag()
    );
    push_escaped(&mut o, t.list_title);
    o.push_str(r#"</title><link rel="stylesheet" href="list.css"></head><body><header><h1>"#);
    push_escaped(&mut o, t.list_title);
    o.push_str("</h1><p>");
    push_escaped(&mut o, &(t.list_intro)(dataset.spaces.len()));
    let app = match lang {
        Lang::ZhCn => "./".to_string(),
        other => format!("./?lang={}", other.tag()),
    };
    let _ = write!(o, r#"</p><p><a href="{app}">"#);
    push_escaped(&mut o, t.list_open_app);
    o.push_str("</a></p><p>");
    for (k, other) in Lang::ALL.iter().filter(|l| **l != lang).enumerate() {
        let name = match other {
            Lang::ZhCn => "简体中文",
            Lang::En => "English",
            Lang::ZhTw => "繁體中文",
        };
        let _ = write!(
            o,
            r#"{}<a href="{}" lang="{}" hreflang="{}">{name}</a>"#,
            if k > 0 { " · " } else { "" },
            file_name(*other),
            other.tag(),
            other.tag()
        );
    }
    o.push_str("</p>");
    if dataset.meta.sample {
        o.push_str(r#"<p class="note">"#);
        push_escaped(&mut o, &data_line(&dataset.meta, lang));
        o.push_str("</p>");
    }
    o.push_str(r#"</header><main><nav aria-labelledby="districts"><h2 id="districts">"#);
    push_escaped(&mut o, t.list_districts);
    o.push_str("</h2><ul>");
    let groups: Vec<(&'static str, &'static str, Vec<&Space>)> = DISTRICTS
        .iter()
        .map(|d| (d.code, lang.district(d), dataset.spaces.iter().filter(|s| &*s.district == d.code).collect::<Vec<_>>()))
        .filter(|(_, _, spaces)| !spaces.is_empty())
        .collect();
    for (code, name, spaces) in &groups {
        let _ = write!(o, r##"<li><a href="#d{code}">"##);
        push_escaped(&mut o, name);
        let _ = write!(o, "</a> ({})</li>", spaces.len());
    }
    o.push_str("</ul></nav>");
    for (code, name, spaces) in &groups {
        let _ = write!(o, r#"<section id="d{code}" aria-labelledby="h{code}"><h2 id="h{code}">"#);
        push_escaped(&mut o, &format!("{name} ({})", spaces.len()));
        o.push_str(r#"</h2><ul class="spaces">"#);
        for s in spaces {
            space_html(&mut o, s, &app, lang);
        }
        o.push_str("</ul></section>");
    }
    o.push_str("</main><footer><p>");
    push_escaped(&mut o, &if dataset.meta.sample { t.sample_notice.to_string() } else { data_line(&dataset.meta, lang) });
    o.push_str("</p></footer></body></html>\n");
    o
}

fn space_html(o: &mut String, s: &Space, app: &str, lang: Lang) {
    let t = lang.texts();
    let sep = if app.contains('?') { '&' } else { '?' };
    o.push_str(r#"<li><h3 lang="zh-CN"><a href=""#);
    push_escaped(o, &format!("{app}{sep}space={}", crate::domain::url_state::encode(&s.id)));
    o.push_str(r#"">"#);
    push_escaped(o, &s.name);
    o.push_str("</a></h3><dl>");
    let fact = |o: &mut String, label: &str| {
        o.push_str("<dt>");
        push_escaped(o, label);
        o.push_str("</dt><dd>");
    };
    fact(o, t.status);
    push_escaped(o, if s.status == Status::Certified { t.certified } else { t.registered });
    o.push_str("</dd>");
    fact(o, t.address);
    o.push_str(r#"<span lang="zh-CN">"#);
    push_escaped(o, &s.address);
    o.push_str("</span></dd>");
    if !s.phone.is_empty() {
        fact(o, t.phone);
        o.push_str(r#"<a href=""#);
        push_escaped(o, &crate::domain::details::tel(&s.phone));
        o.push_str(r#"">"#);
        push_escaped(o, &s.phone);
        o.push_str("</a></dd>");
    }
    fact(o, t.hours);
    push_escaped(o, &hours_text(s, lang));
    o.push_str("</dd>");
    let labels: Vec<&str> = s.services.iter().filter_map(|id| service(id)).map(|svc| lang.service(svc)).collect();
    if !labels.is_empty() {
        fact(o, t.services);
        push_escaped(o, &labels.join(if lang == Lang::En { ", " } else { "、" }));
        o.push_str("</dd>");
    }
    o.push_str("</dl></li>");
}

/// The opening hours in words: days with the same hours together (`星期一至星期五 09:00–17:00`),
/// then the office's own words where it wrote them differently; unknown hours say so.
///
/// # Examples
/// ```
/// use charity_finder::{domain::{i18n::Lang, model::Space}, tools::static_list::hours_text};
/// let mut s: Space = serde_json::from_str(r#"{"id":"a","name":"n","district":"440113","street":"沙湾街道","address":"x",
///     "location":{"lat":22.9,"lng":113.35},"status":"registered","services":[],"opening_hours":"Mo-Fr 09:00-17:00; Sa 09:00-12:00"}"#).unwrap();
/// assert_eq!(hours_text(&s, Lang::ZhCn), "星期一至星期五 09:00–17:00；星期六 09:00–12:00；星期日 不开放");
/// s.opening_hours.clear();
/// assert_eq!(hours_text(&s, Lang::En), "Hours unknown");
/// ```
pub fn hours_text(s: &Space, lang: Lang) -> String {
    let t = lang.texts();
    let (to, sep) = if lang == Lang::En { ("–", "; ") } else { ("至", "；") };
    let mut parts: Vec<String> = Vec::new();
    match hours::parse(&s.opening_hours).ok().flatten() {
        None => parts.push(t.hours_unknown.to_string()),
        Some(h) => {
            let mut day = 0;
            while day < 7 {
                let mut last = day;
                while last + 1 < 7 && h.week[last + 1] == h.week[day] {
                    last += 1;
                }
                let days = if last == day { t.weekdays[day].to_string() } else { format!("{}{to}{}", t.weekdays[day], t.weekdays[last]) };
                let ranges: Vec<String> = h.week[day].iter().map(|r| format!("{}–{}", hhmm(r.start), hhmm(r.end))).collect();
                parts.push(format!("{days} {}", if ranges.is_empty() { t.closed_all_day.to_string() } else { ranges.join(", ") }));
                day = last + 1;
            }
        }
    }
    if !s.hours_text.is_empty() {
        parts.push(format!("{}{}", t.hours_as_written, s.hours_text));
    }
    parts.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::parse_dataset;

    fn bundled() -> Dataset {
        parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset
    }

    #[test]
    fn every_space_once_in_every_language() {
        let d = bundled();
        for lang in Lang::ALL {
            let html = render(&d, lang);
            assert_eq!(html.matches("<li><h3").count(), 358, "{lang:?}");
            assert!(html.contains(&format!(r#"<html lang="{}">"#, lang.tag())));
            for s in d.spaces.iter().take(20) {
                assert!(html.contains(&format!("space={}", s.id)), "{}", s.id);
            }
        }
        assert!(render(&d, Lang::En).contains(r#"href="./?lang=en&amp;space="#));
    }

    #[test]
    fn data_never_becomes_markup() {
        let mut d = bundled();
        d.spaces.truncate(1);
        d.spaces[0].name = "<script>alert(1)</script>".into();
        d.spaces[0].address = "<b>x</b>".into();
        d.spaces[0].hours_text = "<i>9点</i>".into();
        let html = render(&d, Lang::ZhCn);
        for bad in ["<script>", "<b>", "<i>"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }
}
