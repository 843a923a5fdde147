//! Property tests: arbitrary bytes and arbitrary text never panic the JSON loader, the URL
//! parser or the importers; they give a result or an error.

use charity_finder::domain::boundaries::Boundaries;
use charity_finder::domain::config::Config;
use charity_finder::domain::coords::Crs;
use charity_finder::domain::load::parse_dataset;
use charity_finder::domain::url_state::ViewState;
use charity_finder::tools::import::{forms, hours_zh, import, Format, Options};
use charity_finder::tools::streets::streets;
use proptest::prelude::*;

fn boundaries() -> Boundaries {
    Boundaries::from_geojson(include_str!("../public/data/districts.geojson")).expect("parses")
}

/// Text that looks a bit like a dataset, so the loader gets past the first byte.
fn jsonish() -> impl Strategy<Value = String> {
    let record = r#"\{"id":"[a-z0-9]{0,3}","name":".{0,4}","district":"4401(0[3-6]|1[1-8])","street":".{0,3}","address":"x","location":\{"lat":2[23]\.[0-9],"lng":11[34]\.[0-9]\},"status":"(certified|registered|x)","services":\["(elderly|food|x)"\]\}"#;
    (proptest::collection::vec(record, 0..4), any::<bool>()).prop_map(|(records, truncate)| {
        let text = format!(
            r#"{{"meta":{{"schema_version":1,"as_of":"2026-01-01","source":"s","licence":"l","sample":true}},"spaces":[{}]}}"#,
            records.join(",")
        );
        if truncate {
            text.chars().take(text.chars().count() / 2).collect()
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn loader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_dataset(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn loader_never_panics_on_near_datasets(text in jsonish()) {
        if let Ok(loaded) = parse_dataset(&text) {
            // Every record either loaded or was reported.
            prop_assert!(loaded.dataset.spaces.len() + loaded.skipped.len() <= 4);
        }
    }

    #[test]
    fn url_parser_never_panics(query in ".{0,120}") {
        let (v, _) = ViewState::parse(&query);
        // What it produces is canonical: parsing its own output gives the same view.
        prop_assert_eq!(ViewState::parse(&v.to_query()).0, v);
    }

    #[test]
    fn config_parser_never_panics(text in ".{0,200}", origin in ".{0,24}", url in ".{0,24}", colour in ".{0,9}") {
        let _ = Config::parse(&text);
        // Arbitrary text in every field of a well-formed file: values are kept or ignored.
        let json = serde_json::json!({
            "allowed_origins": [origin, format!("http://{origin}"), format!("https://{origin}/")],
            "dataset_url": url, "dataset_index_url": url, "boundaries_url": url, "report_url": url,
            "default_lang": origin, "theme_color": colour,
            "tiles": { "url": format!("{url}{{z}}"), "attribution": origin, "approval": url, "crs": colour },
        });
        let (config, _) = Config::parse(&json.to_string());
        if let Some(t) = &config.tiles {
            let _ = t.credit();
        }
        let _ = config.report_link(&origin);
    }

    #[test]
    fn hours_parser_never_panics(text in ".{0,60}", rules in "[A-Za-z0-9:;, /-]{0,40}") {
        let _ = charity_finder::domain::hours::parse(&text);
        let _ = charity_finder::domain::hours::parse(&rules);
    }

    #[test]
    fn csv_importer_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let b = boundaries();
        let mut with_header = "名称,所属区,街道,地址,经度,纬度,服务类型\n".as_bytes().to_vec();
        with_header.extend_from_slice(&bytes);
        let _ = import(&with_header, Format::Csv, &Options::default(), &b, &streets());
        let _ = import(&bytes, Format::Csv, &Options { crs: Some(Crs::Gcj02), ..Options::default() }, &b, &streets());
    }

    #[test]
    fn xlsx_importer_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(&bytes, Format::Xlsx, &Options::default(), &boundaries(), &streets());
    }

    #[test]
    fn cell_readers_never_panic(text in "[0-9周一二三四五六日至到点半上下午晚:：\\-、，;转 全天开放休息节假日年月./]{0,24}") {
        if let Some(osm) = hours_zh::to_osm(&text) {
            // What the hours reader writes, the finder reads.
            prop_assert!(charity_finder::domain::hours::parse(&osm).is_ok(), "{osm}");
        }
        if let Some(iso) = forms::date(&text) {
            prop_assert_eq!(forms::date(&iso), Some(iso.clone()));
        }
        let _ = forms::phone(&text);
        let _ = forms::services(&text);
        let _ = forms::district_code(&text);
    }
}
