//! "Navigate there" links to the map services people in Guangzhou use, each with its own
//! coordinate order and coordinate-system parameter (see `../shared/DOMAIN.md`).

use super::coords::wgs84_to_gcj02;
use super::decimal::fixed;
use super::model::{LatLng, Space};
use super::url_state::encode;

/// The `src`/`referer` the services ask apps to identify themselves with.
pub const APP_ID: &str = "gz-charity-finder";

/// The map services the links open, in the order of [`super::i18n::Texts::map_services`].
pub const MAP_SERVICES: [&str; 4] = ["amap", "baidu", "tencent", "apple"];

/// A labelled external link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLink {
    /// Service key: `amap`, `baidu`, `tencent`, `apple`.
    pub service: &'static str,
    pub url: String,
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

/// The navigation links for a space (WGS-84 in the dataset).
///
/// # Examples
/// ```
/// use charity_finder::domain::{links::map_links, load::parse_dataset};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let links = map_links(&data.dataset.spaces[0]);
/// assert!(links[0].url.starts_with("https://uri.amap.com/marker?position="));
/// assert!(links[0].url.contains("coordinate=wgs84"));
/// ```
pub fn map_links(space: &Space) -> [MapLink; 4] {
    let p = space.location;
    let name = encode(&space.name);
    let addr = encode(&space.address);
    // Apple Maps uses GCJ-02 inside China and has no coordinate-system parameter.
    let apple = wgs84_to_gcj02(p);
    let (lat, lng) = (fixed(p.lat, 6), fixed(p.lng, 6));
    [
        MapLink {
            service: "amap",
            url: format!(
                "https://uri.amap.com/marker?position={lng},{lat}&name={name}&src={APP_ID}&coordinate=wgs84&callnative=1"
            ),
        },
        MapLink {
            service: "baidu",
            url: format!(
                "https://api.map.baidu.com/marker?location={lat},{lng}&title={name}&content={addr}&output=html&coord_type=wgs84&src={APP_ID}"
            ),
        },
        MapLink {
            service: "tencent",
            url: format!(
                "https://apis.map.qq.com/uri/v1/marker?marker=coord:{lat},{lng};title:{name};addr:{addr}&coord_type=1&referer={APP_ID}"
            ),
        },
        MapLink { service: "apple", url: format!("https://maps.apple.com/?ll={},{}&q={name}", fixed(apple.lat, 6), fixed(apple.lng, 6)) },
    ]
}

/// A way to travel a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Travel {
    Walk,
    Transit,
}

/// A route to a space in one map service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteLink {
    /// Service key: `amap`, `baidu`, `tencent`, `apple`.
    pub service: &'static str,
    pub travel: Travel,
    pub url: String,
}

/// Walking and public-transport routes to a space in each map service (each in its own
/// coordinate system, as `../shared/DOMAIN.md` lists them), from `from` — a place the person chose
/// on this page, public, with its label — or, without one, from wherever the map app finds itself.
/// The device's own position is never passed here: it stays in the page. Baidu needs a start, so
/// its routes come only with one.
///
/// # Examples
/// ```
/// use charity_finder::domain::{links::{route_links, Travel}, load::parse_dataset, model::LatLng};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let space = &data.dataset.spaces[0];
/// let own = route_links(space, None);
/// assert_eq!(own.len(), 6);
/// assert!(own[0].url.starts_with("https://uri.amap.com/navigation?to=") && own[0].url.contains("mode=walk"));
/// let from = route_links(space, Some((LatLng { lat: 23.1064, lng: 113.3245 }, "番禺区")));
/// assert_eq!(from.len(), 8);
/// assert!(from.iter().any(|l| l.service == "baidu" && l.travel == Travel::Transit && l.url.contains("mode=transit")));
/// ```
pub fn route_links(space: &Space, from: Option<(LatLng, &str)>) -> Vec<RouteLink> {
    let to = space.location;
    let name = encode(&space.name);
    let gcj = |p: LatLng| {
        let g = wgs84_to_gcj02(p);
        (fixed(g.lat, 6), fixed(g.lng, 6))
    };
    let wgs = |p: LatLng| (fixed(p.lat, 6), fixed(p.lng, 6));
    let (glat, glng) = gcj(to);
    let (lat, lng) = wgs(to);
    let mut out = Vec::with_capacity(8);
    for travel in [Travel::Walk, Travel::Transit] {
        let (amap, tencent, apple, baidu) = match travel {
            Travel::Walk => ("walk", "walk", "w", "walking"),
            Travel::Transit => ("bus", "bus", "r", "transit"),
        };
        // AMap's route link documents no coordinate parameter: GCJ-02.
        let mut url = format!("https://uri.amap.com/navigation?to={glng},{glat},{name}&mode={amap}&src={APP_ID}&callnative=1");
        if let Some((p, label)) = from {
            let (flat, flng) = gcj(p);
            url.push_str(&format!("&from={flng},{flat},{}", encode(label)));
        }
        out.push(RouteLink { service: "amap", travel, url });
        if let Some((p, label)) = from {
            let (flat, flng) = wgs(p);
            let url = format!(
                "https://api.map.baidu.com/direction?origin=latlng:{flat},{flng}|name:{}&destination=latlng:{lat},{lng}|name:{name}&mode={baidu}&region={}&output=html&coord_type=wgs84&src={APP_ID}",
                encode(label),
                encode("广州")
            );
            out.push(RouteLink { service: "baidu", travel, url });
        }
        let mut url =
            format!("https://apis.map.qq.com/uri/v1/routeplan?type={tencent}&to={name}&tocoord={lat},{lng}&coord_type=1&referer={APP_ID}");
        if let Some((p, label)) = from {
            let (flat, flng) = wgs(p);
            url.push_str(&format!("&from={}&fromcoord={flat},{flng}", encode(label)));
        }
        out.push(RouteLink { service: "tencent", travel, url });
        // Apple Maps uses GCJ-02 inside China.
        let mut url = format!("https://maps.apple.com/?daddr={glat},{glng}&dirflg={apple}");
        if let Some((p, _)) = from {
            let (flat, flng) = gcj(p);
            url.push_str(&format!("&saddr={flat},{flng}"));
        }
        out.push(RouteLink { service: "apple", travel, url });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_put_each_coordinate_in_its_system_and_order() {
        let s = Space { location: LatLng { lat: 23.1064, lng: 113.3245 }, name: "广州塔 & 旁".into(), ..Space::example() };
        let g = wgs84_to_gcj02(s.location);
        let links = route_links(&s, Some((LatLng { lat: 23.0, lng: 113.3 }, "番禺区")));
        let url = |service: &str, travel: Travel| {
            links.iter().find(|l| l.service == service && l.travel == travel).map(|l| l.url.clone()).expect("link")
        };
        // AMap and Apple: GCJ-02 (lng,lat for AMap, lat,lng for Apple); Baidu and Tencent: WGS-84, lat,lng.
        assert!(url("amap", Travel::Walk).contains(&format!("to={},{},", fixed(g.lng, 6), fixed(g.lat, 6))));
        assert!(url("apple", Travel::Transit).contains(&format!("daddr={},{}&dirflg=r", fixed(g.lat, 6), fixed(g.lng, 6))));
        assert!(url("baidu", Travel::Walk).contains("destination=latlng:23.106400,113.324500|name:"));
        assert!(url("tencent", Travel::Transit).contains("tocoord=23.106400,113.324500&coord_type=1"));
        assert!(url("tencent", Travel::Transit).contains("fromcoord=23.000000,113.300000"));
        // Names are encoded: no raw `&` splits a parameter.
        assert!(links.iter().all(|l| !l.url.contains("塔 &")));
        assert!(route_links(&s, None).iter().all(|l| l.service != "baidu" && !l.url.contains("from")));
    }

    #[test]
    fn phone_links_call_the_first_number() {
        assert_eq!(tel("020-8888 1234 / 139 0000 0000"), "tel:02088881234");
        assert_eq!(tel("+86 20 1234、5"), "tel:+86201234");
        assert_eq!(tel("020-84731234转123 / 139"), "tel:02084731234,123");
    }

    use crate::domain::model::LatLng;

    fn tower() -> Space {
        Space {
            id: "t".into(),
            name: "广州塔 & <b>".into(),
            district: "440105".into(),
            street: "赤岗街道".into(),
            address: "阅江西路222号".into(),
            location: LatLng { lat: 23.1064, lng: 113.3245 },
            services: vec!["volunteer".into()],
            ..Space::example()
        }
    }

    #[test]
    fn coordinate_order_and_systems() {
        let [amap, baidu, tencent, apple] = map_links(&tower());
        assert!(amap.url.contains("position=113.324500,23.106400") && amap.url.contains("coordinate=wgs84"));
        assert!(baidu.url.contains("location=23.106400,113.324500") && baidu.url.contains("coord_type=wgs84&src="));
        assert!(baidu.url.contains("output=html"));
        assert!(tencent.url.contains("coord:23.106400,113.324500") && tencent.url.contains("coord_type=1&referer="));
        // Apple gets GCJ-02 (Canton Tower: 113.3299212, 23.1037981).
        assert!(apple.url.contains("ll=23.103798,113.329921"), "{}", apple.url);
    }

    #[test]
    fn names_are_encoded() {
        let [amap, ..] = map_links(&tower());
        assert!(amap.url.contains("name=%E5%B9%BF%E5%B7%9E%E5%A1%94%20%26%20%3Cb%3E&"));
    }
}
