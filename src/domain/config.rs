//! The runtime configuration, `config.json` beside `index.html`: changeable without a rebuild.
//! A bad file or a bad field falls back to the defaults with a warning, never a blank page.

use serde::Deserialize;

use super::coords::Crs;
use super::i18n::Lang;

/// An optional raster basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Tiles {
    /// Leaflet URL template, `{s}`, `{z}`, `{x}`, `{y}`, http(s) only.
    pub url: String,
    pub subdomains: String,
    pub attribution: String,
    /// 审图号, shown with the attribution.
    pub approval: String,
    /// `wgs84` (Tianditu, OSM-style tiles) or `gcj02` (AMap-style tiles): markers are shifted to match.
    pub crs: Crs,
}

impl Tiles {
    /// The map's credit for the tiles: attribution and approval number (审图号), as text.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::config::Config;
    /// let (c, _) = Config::parse(r#"{"tiles":{"url":"https://t/{z}/{x}/{y}","attribution":" OSM ","approval":"GS(2024)1号"}}"#);
    /// assert_eq!(c.tiles.unwrap().credit(), "OSM · GS(2024)1号");
    /// ```
    pub fn credit(&self) -> String {
        [&self.attribution, &self.approval].into_iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
    }
}

/// The settings the app reads at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub dataset_url: String,
    /// The index of a dataset split by district (`spaces split`); when set, it is read instead of
    /// `dataset_url`.
    pub dataset_index_url: Option<String>,
    pub boundaries_url: String,
    pub default_lang: Option<Lang>,
    pub tiles: Option<Tiles>,
    /// Origins of the pages allowed to embed the finder: its height is posted to the embedding
    /// page's own origin only, and with this list set only when it is on the list.
    pub allowed_origins: Vec<String>,
    /// The theme colour, `#rrggbb`.
    pub theme_color: Option<String>,
    /// Where people report an error about a space: a `mailto:` or http(s) URL in which `{id}` is
    /// replaced by the space's id.
    pub report_url: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dataset_url: "data/spaces.json".into(),
            dataset_index_url: None,
            boundaries_url: "data/districts.geojson".into(),
            default_lang: None,
            tiles: None,
            allowed_origins: Vec::new(),
            theme_color: None,
            report_url: None,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawTiles {
    url: String,
    subdomains: Option<String>,
    attribution: String,
    approval: String,
    crs: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    dataset_url: Option<String>,
    dataset_index_url: Option<String>,
    boundaries_url: Option<String>,
    default_lang: Option<String>,
    tiles: Option<RawTiles>,
    allowed_origins: Vec<String>,
    theme_color: Option<String>,
    report_url: Option<String>,
}

/// A relative URL or an http(s) URL; nothing that could run script.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    !lower.is_empty() && (lower.starts_with("https://") || lower.starts_with("http://") || !lower.contains(':'))
}

impl Config {
    /// Reads `config.json` text. Returns the config and a warning for each part that was
    /// ignored.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::config::Config;
    /// let (c, warnings) = Config::parse(r#"{"tiles": {"url": "javascript:alert(1)"}, "default_lang": "en"}"#);
    /// assert!(c.tiles.is_none());
    /// assert_eq!(warnings.len(), 1);
    /// assert_eq!(Config::parse("not json").0, Config::default());
    /// ```
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let raw: Raw = match serde_json::from_str(text) {
            Ok(raw) => raw,
            Err(e) => return (Config::default(), vec![format!("config.json ignored: {e}")]),
        };
        let mut c = Config::default();
        for (value, slot, name) in
            [(raw.dataset_url, &mut c.dataset_url, "dataset_url"), (raw.boundaries_url, &mut c.boundaries_url, "boundaries_url")]
        {
            match value {
                Some(url) if safe_url(&url) => *slot = url,
                Some(url) => warnings.push(format!("config.json: {name} {url:?} ignored (relative or http(s) URL expected)")),
                None => {}
            }
        }
        match raw.dataset_index_url {
            Some(url) if safe_url(&url) => c.dataset_index_url = Some(url),
            Some(url) => warnings.push(format!("config.json: dataset_index_url {url:?} ignored (relative or http(s) URL expected)")),
            None => {}
        }
        if let Some(tag) = raw.default_lang {
            c.default_lang = Lang::from_tag(&tag);
            if c.default_lang.is_none() {
                warnings.push(format!("config.json: default_lang {tag:?} ignored (zh-CN, en or zh-TW)"));
            }
        }
        if let Some(t) = raw.tiles {
            let crs = t.crs.as_deref().unwrap_or("wgs84").parse::<Crs>();
            match crs {
                Ok(crs) if safe_url(&t.url) && t.url.contains("{z}") && matches!(crs, Crs::Wgs84 | Crs::Gcj02) => {
                    c.tiles = Some(Tiles {
                        url: t.url,
                        subdomains: t.subdomains.unwrap_or_else(|| "abc".into()),
                        attribution: t.attribution,
                        approval: t.approval,
                        crs,
                    })
                }
                _ => warnings
                    .push("config.json: tiles ignored (an http(s) template with {z}/{x}/{y} and crs wgs84 or gcj02 expected)".into()),
            }
        }
        for origin in raw.allowed_origins {
            let o = origin.trim().trim_end_matches('/');
            let host = o.strip_prefix("https://").or_else(|| o.strip_prefix("http://"));
            if host.is_some_and(|h| !h.is_empty() && !h.contains(['/', '?', '#', '@', ' ', '\\'])) {
                c.allowed_origins.push(o.to_string());
            } else {
                warnings.push(format!("config.json: allowed origin {origin:?} ignored (scheme://host[:port] expected)"));
            }
        }
        if let Some(colour) = raw.theme_color {
            if colour.len() == 7 && colour.starts_with('#') && colour[1..].chars().all(|c| c.is_ascii_hexdigit()) {
                c.theme_color = Some(colour);
            } else {
                warnings.push(format!("config.json: theme_color {colour:?} ignored (#rrggbb expected)"));
            }
        }
        if let Some(url) = raw.report_url {
            let lower = url.trim().to_ascii_lowercase();
            if lower.starts_with("mailto:") || lower.starts_with("https://") || lower.starts_with("http://") {
                c.report_url = Some(url.trim().to_string());
            } else {
                warnings.push(format!("config.json: report_url {url:?} ignored (mailto: or http(s) URL expected)"));
            }
        }
        (c, warnings)
    }

    /// The report link for a space (or for the dataset when `id` is empty).
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::config::Config;
    /// let (c, _) = Config::parse(r#"{"report_url": "mailto:csmap@example.gov.cn?subject=纠错 {id}"}"#);
    /// assert_eq!(c.report_link("gz-1").as_deref(), Some("mailto:csmap@example.gov.cn?subject=%E7%BA%A0%E9%94%99%20gz-1"));
    /// ```
    pub fn report_link(&self, id: &str) -> Option<String> {
        let url = self.report_url.as_ref()?;
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        if query.is_empty() {
            return Some(base.to_string());
        }
        let query: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, v)) => format!("{k}={}", super::url_state::encode(&v.replace("{id}", id)).replace("%3D", "=")),
                None => pair.to_string(),
            })
            .collect();
        Some(format!("{base}?{}", query.join("&")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config() {
        let (c, w) = Config::parse(
            r##"{"dataset_url":"https://example.org/spaces.json","default_lang":"zh-TW",
                "tiles":{"url":"https://t{s}.example/{z}/{x}/{y}.png","subdomains":"01234567","attribution":"天地图","approval":"GS(2024)0568号","crs":"gcj02"},
                "allowed_origins":["https://www.gz.gov.cn/"],"theme_color":"#005a9c","unknown": 1}"##,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.dataset_url, "https://example.org/spaces.json");
        assert_eq!(c.default_lang, Some(Lang::ZhTw));
        assert_eq!(c.allowed_origins, ["https://www.gz.gov.cn"]);
        assert_eq!(c.theme_color.as_deref(), Some("#005a9c"));
        let t = c.tiles.expect("tiles");
        assert_eq!((t.crs, t.approval.as_str(), t.subdomains.as_str()), (Crs::Gcj02, "GS(2024)0568号", "01234567"));
    }

    #[test]
    fn origins_are_checked_without_cutting_a_character() {
        let (c, w) = Config::parse(
            r#"{"allowed_origins":["http://广州.政务","https://www.gz.gov.cn/","https://x/y","http://","ftp://a","https://a@b"]}"#,
        );
        assert_eq!(c.allowed_origins, ["http://广州.政务", "https://www.gz.gov.cn"]);
        assert_eq!(w.len(), 4, "{w:?}");
    }

    #[test]
    fn bad_parts_fall_back() {
        let (c, w) =
            Config::parse(r#"{"dataset_url":"data:text/html,x","default_lang":"fr","tiles":{"url":"https://x/{z}","crs":"bd09"}}"#);
        assert_eq!(c, Config::default());
        assert_eq!(w.len(), 3);
        let (c, w) = Config::parse("[1]");
        assert_eq!((c, w.len()), (Config::default(), 1));
    }
}
