//! The text list of every space: a static page per language, written by the build, that needs no
//! script. It is what a browser without script, an app that cannot start, a screen-reader user who
//! prefers a plain page and a search engine get, and it prints well. It links to the app and back.

use crate::domain::i18n::Lang;
use crate::domain::links::tel;
use crate::domain::model::{service, Dataset, Space, Status, DISTRICTS};
use crate::domain::page::{data_line, hours_in_words};
use crate::domain::url_state::encode;
use crate::html::details::before_you_go;
use crate::html::Html;

pub use crate::domain::page::list_file as file_name;

/// The whole page for `lang`: every space of the dataset, grouped by district in code order,
/// each in name order as the file holds them.
pub fn render(dataset: &Dataset, lang: Lang) -> String {
    let t = lang.texts();
    let app = match lang {
        Lang::ZhCn => "./".to_string(),
        other => format!("./?lang={}", other.tag()),
    };
    let mut h = Html::with_capacity(dataset.spaces.len() * 700 + 4096);
    h.raw("<!doctype html>").el("html", &[("lang", lang.tag())], |h| {
        h.el("head", &[], |h| {
            h.raw(r#"<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">"#);
            h.el_text("title", &[], t.list_title).raw(r#"<link rel="stylesheet" href="list.css">"#);
        });
        h.el("body", &[], |h| {
            header(h, dataset, &app, lang);
            h.el("main", &[], |h| districts(h, dataset, &app, lang));
            h.el("footer", &[], |h| {
                h.el_text("p", &[], &if dataset.meta.sample { t.sample_notice.to_string() } else { data_line(&dataset.meta, lang) });
            });
        });
    });
    let mut page = h.finish();
    page.push('\n');
    page
}

/// The title, what the page is, the way to the app and to the other languages.
fn header(h: &mut Html, dataset: &Dataset, app: &str, lang: Lang) {
    let t = lang.texts();
    h.el("header", &[], |h| {
        h.el_text("h1", &[], t.list_title).el_text("p", &[], &(t.list_intro)(dataset.spaces.len()));
        h.el("p", &[], |h| {
            h.el_text("a", &[("href", app)], t.list_open_app);
        });
        h.el("p", &[], |h| {
            for (k, other) in Lang::ALL.iter().filter(|l| **l != lang).enumerate() {
                if k > 0 {
                    h.raw(" · ");
                }
                h.el_text("a", &[("href", file_name(*other)), ("lang", other.tag()), ("hreflang", other.tag())], other.name());
            }
        });
        if dataset.meta.sample {
            h.el_text("p", &[("class", "note")], &data_line(&dataset.meta, lang));
        }
    });
}

/// The districts' index, then a section per district with its spaces.
fn districts(h: &mut Html, dataset: &Dataset, app: &str, lang: Lang) {
    let t = lang.texts();
    let groups: Vec<(&'static str, &'static str, Vec<&Space>)> = DISTRICTS
        .iter()
        .map(|d| (d.code, lang.district(d), dataset.spaces.iter().filter(|s| &*s.district == d.code).collect::<Vec<_>>()))
        .filter(|(_, _, spaces)| !spaces.is_empty())
        .collect();
    h.el("nav", &[("aria-labelledby", "districts")], |h| {
        h.el_text("h2", &[("id", "districts")], t.list_districts);
        h.el("ul", &[], |h| {
            for (code, name, spaces) in &groups {
                h.el("li", &[], |h| {
                    h.el_text("a", &[("href", &format!("#d{code}"))], name).text(&format!(" ({})", spaces.len()));
                });
            }
        });
    });
    for (code, name, spaces) in &groups {
        let (section, heading) = (format!("d{code}"), format!("h{code}"));
        h.el("section", &[("id", &section), ("aria-labelledby", &heading)], |h| {
            h.el_text("h2", &[("id", &heading)], &format!("{name} ({})", spaces.len()));
            h.el("ul", &[("class", "spaces")], |h| {
                for s in spaces {
                    space(h, s, app, lang);
                }
            });
        });
    }
}

fn space(h: &mut Html, s: &Space, app: &str, lang: Lang) {
    let t = lang.texts();
    let sep = if app.contains('?') { '&' } else { '?' };
    h.el("li", &[], |h| {
        h.el("h3", &[("lang", "zh-CN")], |h| {
            h.el_text("a", &[("href", &format!("{app}{sep}space={}", encode(&s.id)))], &s.name);
        });
        h.el("dl", &[], |h| {
            h.el_text("dt", &[], t.status).el_text("dd", &[], if s.status == Status::Certified { t.certified } else { t.registered });
            h.el_text("dt", &[], t.address).el("dd", &[], |h| {
                h.el_text("span", &[("lang", "zh-CN")], &s.address);
            });
            if !s.phone.is_empty() {
                h.el_text("dt", &[], t.phone).el("dd", &[], |h| {
                    h.el_text("a", &[("href", &tel(&s.phone))], &s.phone);
                });
            }
            h.el_text("dt", &[], t.hours).el_text("dd", &[], &hours_in_words(s, lang));
            let labels: Vec<&str> = s.services.iter().filter_map(|id| service(id)).map(|svc| lang.service(svc)).collect();
            if !labels.is_empty() {
                h.el_text("dt", &[], t.services).el_text("dd", &[], &lang.join(&labels));
            }
            before_you_go(h, s, lang);
        });
    });
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
        d.spaces[0].required_documents = vec!["<u>证</u>".into()];
        let html = render(&d, Lang::ZhCn);
        assert!(html.contains("<dt>所需材料</dt>"), "{html}");
        for bad in ["<script>", "<b>", "<i>", "<u>"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }
}
