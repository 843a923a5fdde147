//! The overview (`?view=stats`): totals and bar charts by district and by service for the current
//! filters, drawn as SVG in Rust, each bar a link that applies its filter, with a data table for
//! screen readers and for anyone who prefers numbers. Bars are SVG; the links around them are
//! HTML, so they are focusable and named like any other link.

use std::sync::Arc;

use leptos::prelude::*;

use super::{UiLang, View};
use crate::domain::decimal::{fixed, short};
use crate::domain::filter::{toggle, Catalog, Outcome};
use crate::domain::model::{DISTRICTS, SERVICES};
use crate::domain::stats::stats;
use crate::domain::url_state::ViewState;

/// The drawing width of the longest bar (each bar's SVG scales to its column).
const BAR_MAX: f64 = 400.0;

/// One bar: label, total, certified part, and what clicking it does to the view.
struct Bar {
    label: String,
    total: usize,
    certified: Option<usize>,
    href: String,
    apply: Box<dyn Fn(&mut ViewState) + Send + Sync>,
}

#[component]
fn Chart(id: &'static str, title: String, heading: &'static str, bars: Vec<Bar>, legend: bool) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let t = lang.texts();
    let max = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1) as f64;
    let rows: Vec<(String, usize, Option<usize>)> = bars.iter().map(|b| (b.label.clone(), b.total, b.certified)).collect();
    view! {
        <figure class="chart">
            <figcaption id=format!("{id}-title")>{title.clone()}</figcaption>
            {legend.then(|| view! {
                <p class="legend">
                    <span class="swatch certified" aria-hidden="true"></span>{t.certified}
                    <span class="swatch registered" aria-hidden="true"></span>{t.registered}
                </p>
            })}
            <ul class="bars" role="list" aria-labelledby=format!("{id}-title")>
                {bars.into_iter().map(|bar| {
                    let w = bar.total as f64 / max * BAR_MAX;
                    let cw = bar.certified.map_or(0.0, |c| c as f64 / max * BAR_MAX);
                    let number = match bar.certified {
                        Some(c) => format!("{}（{} {}）", bar.total, t.certified, c),
                        None => bar.total.to_string(),
                    };
                    let aria = format!("{}：{}", bar.label, number);
                    let apply = bar.apply;
                    view! {
                        <li>
                            <a class="bar-row" href=bar.href aria-label=aria on:click=move |ev| {
                                ev.prevent_default();
                                view.update(|v| apply(v));
                            }>
                                <span class="bar-label">{bar.label.clone()}</span>
                                <svg viewBox=format!("0 0 {} 24", BAR_MAX as u32) preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                    <rect x="0" y="2" width=short(w.max(1.0), 1) height="20" class="bar registered" rx="3" />
                                    {bar.certified.map(|_| view! { <rect x="0" y="2" width=short(cw, 1) height="20" class="bar certified" rx="3" /> })}
                                </svg>
                                <span class="bar-value">{number}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details class="chart-table">
                <summary>{t.count}</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr><th scope="col">{heading}</th><th scope="col">{t.count}</th>{legend.then(|| view! { <th scope="col">{t.certified}</th> })}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(label, total, certified)| view! {
                            <tr><th scope="row">{label}</th><td>{total}</td>{certified.map(|c| view! { <td>{c}</td> })}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// Totals and charts for the spaces the current filters yield.
#[component]
pub fn Overview(catalog: Arc<Catalog>, outcome: Memo<Outcome>) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    view! {
        <section class="overview" aria-labelledby="overview-heading">
            {move || {
                let l = lang.0.get();
                let t = l.texts();
                let s = outcome.with(|o| stats(o.indices.iter().map(|&i| &catalog.spaces[i])));
                let share = if s.total == 0 { 0.0 } else { 100.0 * s.certified as f64 / s.total as f64 };
                let here = view.get_untracked();
                let districts: Vec<Bar> = DISTRICTS
                    .iter()
                    .zip(s.districts)
                    .map(|(d, (all, cert))| {
                        let mut next = here.clone();
                        toggle(&mut next.filter.districts, d.code);
                        Bar {
                            label: l.district(d).to_string(),
                            total: all,
                            certified: Some(cert),
                            href: next.to_query(),
                            apply: Box::new(move |v: &mut ViewState| toggle(&mut v.filter.districts, d.code)),
                        }
                    })
                    .collect();
                let services: Vec<Bar> = SERVICES
                    .iter()
                    .zip(s.services)
                    .map(|(x, n)| {
                        let mut next = here.clone();
                        toggle(&mut next.filter.services, x.id);
                        Bar {
                            label: l.service(x).to_string(),
                            total: n,
                            certified: None,
                            href: next.to_query(),
                            apply: Box::new(move |v: &mut ViewState| toggle(&mut v.filter.services, x.id)),
                        }
                    })
                    .collect();
                view! {
                    <h2 id="overview-heading">{t.overview}</h2>
                    <dl class="totals">
                        <div><dt>{t.total_registered}</dt><dd>{s.total}</dd></div>
                        <div><dt>{t.total_certified}</dt><dd>{s.certified}</dd></div>
                        <div><dt>{t.certified_share}</dt><dd>{format!("{}%", fixed(share, 0))}</dd></div>
                    </dl>
                    <Chart id="chart-district" title=t.by_district.to_string() heading=t.district bars=districts legend=true />
                    <Chart id="chart-service" title=t.by_service.to_string() heading=t.service bars=services legend=false />
                }
            }}
        </section>
    }
}
