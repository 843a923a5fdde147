//! The details of one space: everything in the record, with copy, call and navigate.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::{effect, Now, UiLang, View};
use crate::domain::cards::state_label;
use crate::domain::filter::Catalog;
use crate::domain::hours::hhmm;
use crate::domain::links::map_links;
use crate::domain::model::{service, Status};

/// The details panel, open while `?space=` names a space.
#[component]
pub fn Details(catalog: Arc<Catalog>) -> impl IntoView {
    let View(view) = expect_context();
    let lang = expect_context::<UiLang>();
    let selected = Memo::new(move |_| view.with(|v| v.space.clone()));
    let close = move || view.update(|v| v.space = None);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    view! {
        {move || selected.get().map(|id| {
            let t = lang.texts();
            match catalog.find(&id) {
                None => view! {
                    <aside class="details" role="alert">
                        <p>{t.not_found}</p>
                        <button type="button" class="button" on:click=move |_| close()>{t.close}</button>
                    </aside>
                }.into_any(),
                Some(index) => view! {
                    <aside class="details" aria-labelledby="details-title" on:keydown=on_key>
                        <Body catalog=catalog.clone() index=index on_close=Callback::new(move |()| close()) />
                    </aside>
                }.into_any(),
            }
        })}
    }
}

#[component]
fn Body(catalog: Arc<Catalog>, index: usize, on_close: Callback<()>) -> impl IntoView {
    let lang = expect_context::<UiLang>();
    let Now(now) = expect_context();
    let heading = NodeRef::<html::H2>::new();
    // Move focus to the heading so screen readers announce the details and keyboard users
    // continue from here.
    effect(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let copied = RwSignal::new(None::<bool>);
    let super::AppConfig(config) = expect_context();
    let report = config.report_link(&catalog.spaces[index].id);
    let s = catalog.spaces[index].clone();
    let hours = catalog.hours(index).cloned();
    let state = move || state_label(catalog.state(index, now.get()), lang.texts());
    let address = s.address.clone();
    let copy = move |_| super::copy_to_clipboard(&address, move |ok| copied.set(Some(ok)));
    let tel = format!(
        "tel:{}",
        s.phone.split(['/', '、']).next().unwrap_or_default().chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()
    );

    view! {
        {move || {
            let t = lang.texts();
            let l = lang.0.get();
            let s = s.clone();
            let hours = hours.clone();
            let state = state.clone();
            let links = map_links(&s);
            let today = now.get().weekday as usize;
            view! {
                <div class="details-head">
                    <h2 id="details-title" tabindex="-1" node_ref=heading lang="zh-CN">{s.name.clone()}</h2>
                    <button type="button" class="icon-button" aria-label=t.close on:click=move |_| on_close.run(())>
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8" /></svg>
                    </button>
                </div>
                {s.name_en.clone().map(|n| view! { <p class="name-en" lang="en">{n}</p> })}
                <p class="card-meta">
                    {if s.status == Status::Certified {
                        view! { <span class="badge certified">{t.certified}</span> }.into_any()
                    } else {
                        view! { <span class="badge registered">{t.registered}</span> }.into_any()
                    }}
                    {move || { let (text, class) = state(); view! { <span class=format!("state {class}")>{text}</span> } }}
                </p>
                <dl class="facts">
                    <dt>{t.address}</dt>
                    <dd>
                        <span class="address" lang="zh-CN">{s.address.clone()}</span>
                        <button type="button" class="button small" on:click=copy.clone()>{t.copy}</button>
                        <span class="copy-result" role="status">
                            {move || copied.get().map(|ok| if ok { t.copied } else { t.copy_failed })}
                        </span>
                    </dd>
                    {(!s.phone.is_empty()).then(|| view! {
                        <dt>{t.phone}</dt>
                        <dd><a class="phone" href=tel.clone() lang="zh-CN">{s.phone.clone()}</a></dd>
                    })}
                    <dt>{t.hours}</dt>
                    <dd>
                        {match &hours {
                            None => view! { <p>{t.hours_unknown}</p> }.into_any(),
                            Some(h) => view! {
                                <table class="hours">
                                    <caption class="visually-hidden">{t.hours}</caption>
                                    <tbody>
                                        {(0..7).map(|d| {
                                            let ranges = &h.week[d];
                                            let text = if ranges.is_empty() {
                                                t.closed_all_day.to_string()
                                            } else {
                                                ranges.iter().map(|r| format!("{}–{}", hhmm(r.start), hhmm(r.end))).collect::<Vec<_>>().join(", ")
                                            };
                                            let is_today = d == today;
                                            view! {
                                                <tr class:today=is_today aria-current=is_today.then_some("date")>
                                                    <th scope="row">{t.weekdays[d]} {is_today.then(|| format!("（{}）", t.today))}</th>
                                                    <td>{text}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <p class="hint">{t.holiday_note}</p>
                            }.into_any(),
                        }}
                    </dd>
                    <dt>{t.services}</dt>
                    <dd>
                        <ul class="services" role="list">
                            {s.services.iter().filter_map(|x| service(x)).map(|x| view! { <li class=format!("service svc-{}", x.id)>{l.service(x)}</li> }).collect_view()}
                        </ul>
                    </dd>
                    {(!s.organization.is_empty()).then(|| view! { <dt>{t.host}</dt><dd lang="zh-CN">{s.organization.clone()}</dd> })}
                    {(!s.accessibility.is_empty()).then(|| view! { <dt>{t.accessibility}</dt><dd lang="zh-CN">{s.accessibility.clone()}</dd> })}
                    {s.certified_on.clone().map(|d| view! { <dt>{t.certified_on}</dt><dd>{d}</dd> })}
                    {(!s.last_verified.is_empty()).then(|| view! { <dt>{t.last_verified}</dt><dd>{s.last_verified.clone()}</dd> })}
                </dl>
                {report.clone().map(|href| view! { <p><a class="report" href=href>{t.report_error}</a></p> })}
                <h3>{t.navigate}</h3>
                <ul class="map-links" role="list">
                    {links.into_iter().zip(t.map_services).map(|(link, label)| view! {
                        <li>
                            <a class=format!("button map-link {}", link.service) href=link.url target="_blank" rel="noopener noreferrer">
                                {label}<span class="visually-hidden">{t.opens_new_window}</span>
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        }}
    }
}
