//! The URL query is the source of truth for the view, and a public contract for links and
//! embeds: `?district=440113,440106&service=elderly,children&status=certified&q=沙湾&open=1&sort=name&space=<id>`.
//! Every parameter name lives in [`param`]. Unknown or malformed parameters are ignored and
//! reported back, never fatal.

use super::decimal;
use super::filter::{Filter, Sort};
use super::i18n::Lang;
use super::load::GUANGZHOU_BBOX;
use super::model::{district, service, LatLng};

/// The names of the URL parameters.
pub mod param {
    pub const DISTRICT: &str = "district";
    pub const SERVICE: &str = "service";
    pub const STATUS: &str = "status";
    pub const QUERY: &str = "q";
    pub const OPEN: &str = "open";
    pub const SORT: &str = "sort";
    pub const SPACE: &str = "space";
    pub const NEAR: &str = "near";
    pub const RADIUS: &str = "radius";
    pub const LANG: &str = "lang";
    pub const VIEW: &str = "view";
}

/// Everything about the view that a URL carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    pub filter: Filter,
    pub sort: Sort,
    /// The id of the space whose details are open.
    pub space: Option<String>,
    /// The interface language chosen by link or switcher; `None` follows the browser.
    pub lang: Option<Lang>,
    /// What the results area shows (`view=map`, `view=stats`).
    pub pane: Pane,
    /// `filter.near` is the device's own position: it stays in the page's memory and is never
    /// written into a URL (the address bar, history, links, the embed snippet). A place the
    /// person chose (a district, a street, a map point) is public and is.
    pub near_is_private: bool,
}

/// The results area: the list (with the map beside it on wide screens), the map alone (on narrow
/// screens), or the overview statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    List,
    Map,
    Stats,
}

/// The most ignored parameter names the notice shows, and the longest.
pub const MAX_IGNORED_SHOWN: usize = 5;
/// See [`MAX_IGNORED_SHOWN`].
pub const MAX_IGNORED_NAME: usize = 30;

/// Parameters that other parts of the page own; they pass through untouched.
const PASS_THROUGH: [&str; 2] = ["embed", "elderly"];

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Returns the state and the names
    /// of the parameters that were ignored: never their values, at most [`MAX_IGNORED_SHOWN`],
    /// each at most [`MAX_IGNORED_NAME`] characters, so that a crafted link cannot make the page
    /// display a message of its own.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::url_state::ViewState;
    /// let (v, ignored) = ViewState::parse("?district=440113,zzz&q=%E6%B2%99%E6%B9%BE&open=1&x=1");
    /// assert_eq!(v.filter.districts.iter().map(|d| d.code).collect::<Vec<_>>(), ["440113"]);
    /// assert_eq!(v.filter.query, "沙湾");
    /// assert!(v.filter.open_now);
    /// assert_eq!(ignored, ["district", "x"]);
    /// ```
    pub fn parse(query: &str) -> (ViewState, Vec<String>) {
        let mut v = ViewState::default();
        let mut ignored = Vec::new();
        let mut sort = None;
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(k).unwrap_or_default();
            let Some(value) = decode(raw) else {
                ignored.push(key);
                continue;
            };
            let mut ignore = |_: &str| ignored.push(key.clone());
            match key.as_str() {
                param::DISTRICT => list(&value, &mut v.filter.districts, district, &mut ignore),
                param::SERVICE => list(&value, &mut v.filter.services, service, &mut ignore),
                param::STATUS => match value.as_str() {
                    "certified" => v.filter.certified_only = true,
                    "all" | "" => {}
                    other => ignore(other),
                },
                param::QUERY => v.filter.query = value.chars().take(100).collect(),
                param::OPEN => match value.as_str() {
                    "1" | "true" => v.filter.open_now = true,
                    "0" | "false" | "" => {}
                    other => ignore(other),
                },
                param::SORT => match value.as_str() {
                    "name" => sort = Some(Sort::Name),
                    "distance" => sort = Some(Sort::Distance),
                    other => ignore(other),
                },
                param::SPACE if !value.is_empty() => v.space = Some(value),
                param::NEAR => match parse_near(&value) {
                    Some(p) => v.filter.near = Some(p),
                    None => ignore(&value),
                },
                param::RADIUS => match decimal::parse(&value) {
                    Some(r) if (50.0..=100_000.0).contains(&r) => v.filter.radius_m = Some(r.round()),
                    _ => ignore(&value),
                },
                param::LANG => match Lang::from_tag(&value) {
                    Some(lang) => v.lang = Some(lang),
                    None => ignore(&value),
                },
                param::VIEW => match value.as_str() {
                    "map" => v.pane = Pane::Map,
                    "stats" => v.pane = Pane::Stats,
                    "list" | "" => v.pane = Pane::List,
                    other => ignore(other),
                },
                k if PASS_THROUGH.contains(&k) => {}
                _ => ignore(&value),
            }
        }
        // With a position the nearest come first unless the link asks otherwise.
        v.sort = sort.unwrap_or(if v.filter.near.is_some() { Sort::Distance } else { Sort::Name });
        let mut shown: Vec<String> = Vec::new();
        for name in ignored {
            let name: String = name.chars().filter(|c| !c.is_control()).take(MAX_IGNORED_NAME).collect();
            if !shown.contains(&name) && shown.len() < MAX_IGNORED_SHOWN {
                shown.push(name);
            }
        }
        (v, shown)
    }

    /// Writes the canonical query string (`?…`, or empty when the view is the default).
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::url_state::ViewState;
    /// let (v, _) = ViewState::parse("q=沙湾&district=440113");
    /// assert_eq!(v.to_query(), "?district=440113&q=%E6%B2%99%E6%B9%BE");
    /// ```
    pub fn to_query(&self) -> String {
        let f = &self.filter;
        let mut parts: Vec<String> = Vec::new();
        let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
        if !f.districts.is_empty() {
            push(param::DISTRICT, &f.districts.iter().map(|d| d.code).collect::<Vec<_>>().join(","));
        }
        if !f.services.is_empty() {
            push(param::SERVICE, &f.services.iter().map(|s| s.id).collect::<Vec<_>>().join(","));
        }
        if f.certified_only {
            push(param::STATUS, "certified");
        }
        if !f.query.is_empty() {
            push(param::QUERY, &f.query);
        }
        if f.open_now {
            push(param::OPEN, "1");
        }
        // A device position, its radius and its order stay out of every URL.
        if !self.near_is_private {
            if let Some(p) = f.near {
                push(param::NEAR, &format!("{},{}", decimal::fixed(p.lat, 5), decimal::fixed(p.lng, 5)));
            }
            if let Some(r) = f.radius_m {
                push(param::RADIUS, &decimal::fixed(r, 0));
            }
            match (self.sort, f.near) {
                (Sort::Name, Some(_)) => push(param::SORT, "name"),
                (Sort::Distance, None) => push(param::SORT, "distance"),
                _ => {}
            }
        }
        if let Some(id) = &self.space {
            push(param::SPACE, id);
        }
        match self.pane {
            Pane::List => {}
            Pane::Map => push(param::VIEW, "map"),
            Pane::Stats => push(param::VIEW, "stats"),
        }
        if let Some(lang) = self.lang {
            push(param::LANG, lang.tag());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

impl ViewState {
    /// The canonical query for this view, keeping the pass-through parameters of `current`
    /// (another part of the page owns them).
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::url_state::ViewState;
    /// let (v, _) = ViewState::parse("district=440113");
    /// assert_eq!(v.to_query_keeping("?embed=1&district=440106&elderly=1"), "?district=440113&embed=1&elderly=1");
    /// ```
    pub fn to_query_keeping(&self, current: &str) -> String {
        let own = self.to_query();
        let kept: Vec<&str> = current
            .trim_start_matches('?')
            .split('&')
            .filter(|p| PASS_THROUGH.contains(&p.split('=').next().unwrap_or_default()))
            .collect();
        match (own.is_empty(), kept.is_empty()) {
            (_, true) => own,
            (true, false) => format!("?{}", kept.join("&")),
            (false, false) => format!("{own}&{}", kept.join("&")),
        }
    }
}

/// Whether a pass-through flag such as `embed=1` is set in a query string.
///
/// # Examples
/// ```
/// use charity_finder::domain::url_state::flag;
/// assert!(flag("?district=440113&embed=1", "embed"));
/// assert!(!flag("?embed=0", "embed"));
/// ```
pub fn flag(query: &str, name: &str) -> bool {
    query.trim_start_matches('?').split('&').any(|p| p.split_once('=').is_some_and(|(k, v)| k == name && (v == "1" || v == "true")))
}

/// The embeddable URL of a view: the page's address with `embed=1`.
pub fn embed_url(page: &str, view: &ViewState) -> String {
    let query = view.to_query();
    let sep = if query.is_empty() { "?" } else { "&" };
    format!("{page}{query}{sep}embed=1")
}

fn list<T: PartialEq>(value: &str, into: &mut Vec<T>, known: impl Fn(&str) -> Option<T>, ignore: &mut impl FnMut(&str)) {
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match known(item) {
            None => ignore(item),
            Some(x) if !into.contains(&x) => into.push(x),
            Some(_) => {}
        }
    }
}

/// Parses `lat,lng` (WGS-84) inside Guangzhou.
fn parse_near(value: &str) -> Option<LatLng> {
    let (lat, lng) = value.split_once(',')?;
    let (lat, lng) = (decimal::parse(lat.trim())?, decimal::parse(lng.trim())?);
    GUANGZHOU_BBOX.contains(lat, lng).then_some(LatLng { lat, lng })
}

/// Percent-decodes a URL component (`+` is a space); `None` when the bytes are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a URL component, keeping unreserved characters and `,` readable.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_round_trip() {
        let q = "?district=440113,440106&service=elderly,children&status=certified&q=%E6%B2%99%E6%B9%BE%20a%26b&open=1&near=23.10640,113.32450&radius=1000&space=gz-1";
        let (v, ignored) = ViewState::parse(q);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(v.filter.query, "沙湾 a&b");
        assert_eq!(v.sort, Sort::Distance);
        assert_eq!(v.to_query(), q);
        assert_eq!(ViewState::parse(&v.to_query()).0, v);
    }

    #[test]
    fn default_view_has_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::parse("").0, ViewState::default());
    }

    #[test]
    fn a_device_position_never_reaches_a_url() {
        let (mut v, _) = ViewState::parse("district=440105&near=23.1064,113.3245&radius=3000&sort=name");
        assert!(v.to_query().contains("near=23.10640,113.32450"), "a chosen place is shared");
        v.near_is_private = true;
        let q = v.to_query();
        assert_eq!(q, "?district=440105");
        assert!(!embed_url("https://x.gov.cn/m/", &v).contains("23.1"));
        assert_eq!(v.to_query_keeping("?embed=1"), "?district=440105&embed=1");
    }

    #[test]
    fn the_notice_names_parameters_never_values() {
        let crafted = format!("district=请致电12345领取补贴&{}=1&a=1&b=2&c=3&d=4&e=5&a=6", "长".repeat(80));
        let (_, ignored) = ViewState::parse(&crafted);
        assert_eq!(ignored.len(), MAX_IGNORED_SHOWN);
        assert_eq!(ignored[0], "district");
        assert_eq!(ignored[1], "长".repeat(MAX_IGNORED_NAME));
        assert_eq!(ignored[2..], ["a", "b", "c"]);
        assert!(ignored.iter().all(|n| !n.contains("补贴")));
    }

    #[test]
    fn malformed_input_is_ignored_not_fatal() {
        let cases = [
            "district=zzz",
            "service=spa",
            "status=maybe",
            "open=yes",
            "sort=random",
            "near=91,200",
            "near=39.9,116.4",
            "near=abc",
            "radius=-5",
            "radius=NaN",
            "q=%ZZ%",
            "%%%&&&==",
            "space=",
        ];
        for c in cases {
            let (v, _) = ViewState::parse(c);
            assert_eq!(v.filter.districts.len() + v.filter.services.len(), 0, "{c}");
            assert!(v.filter.near.is_none() && v.filter.radius_m.is_none(), "{c}");
        }
        assert_eq!(ViewState::parse("q=%ZZ%").0.filter.query, "%ZZ%");
    }

    #[test]
    fn pass_through_parameters_are_not_reported() {
        let (v, ignored) = ViewState::parse("lang=en&embed=1&view=map");
        assert!(ignored.is_empty());
        assert_eq!(v.lang, Some(Lang::En));
        assert_eq!(v.pane, Pane::Map);
        assert_eq!(ViewState::parse("view=stats").0.pane, Pane::Stats);
        assert_eq!(v.to_query_keeping("?lang=en&embed=1&view=map"), "?view=map&lang=en&embed=1");
    }

    #[test]
    fn decoding_edge_cases() {
        assert_eq!(decode("a+b%20c").as_deref(), Some("a b c"));
        assert_eq!(decode("%E6%B2"), None);
        assert_eq!(decode("100%").as_deref(), Some("100%"));
        assert_eq!(decode("%4").as_deref(), Some("%4"));
        assert_eq!(decode("%é").as_deref(), Some("%é"));
        let (v, ignored) = ViewState::parse("q=%E0%A4&district=440113");
        assert_eq!(v.filter.query, "");
        assert_eq!(ignored, ["q"]);
    }

    #[test]
    fn embed_url_carries_the_view() {
        let (v, _) = ViewState::parse("district=440113&status=certified");
        assert_eq!(embed_url("https://x.gov.cn/csmap/", &v), "https://x.gov.cn/csmap/?district=440113&status=certified&embed=1");
        assert_eq!(embed_url("https://x/", &ViewState::default()), "https://x/?embed=1");
    }

    #[test]
    fn duplicates_collapse() {
        let (v, _) = ViewState::parse("district=440113,440113&district=440106");
        assert_eq!(v.filter.districts.iter().map(|d| d.en).collect::<Vec<_>>(), ["Panyu", "Tianhe"]);
    }
}
