//! "Navigate there" links to the map services people in Guangzhou use, each with its own
//! coordinate order and coordinate-system parameter (see `../shared/DOMAIN.md`).

use super::coords::wgs84_to_gcj02;
use super::decimal::fixed;
use super::model::Space;
use super::url_state::encode;

/// The `src`/`referer` the services ask apps to identify themselves with.
pub const APP_ID: &str = "gz-charity-finder";

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

#[cfg(test)]
mod tests {
    use super::*;

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
