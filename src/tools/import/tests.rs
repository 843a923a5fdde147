//! The importer against spreadsheets shaped as district offices send them
//! (`tests/fixtures/offices/`, made by `tests/fixtures/make_offices.py`) and the editors' fixtures.

use super::*;
use crate::domain::coords::from_wgs84;
use crate::domain::load::parse_dataset;
use crate::domain::model::Dataset;
use crate::tools::streets::streets;
use crate::tools::validate::validate;

fn boundaries() -> Boundaries {
    Boundaries::from_geojson(include_str!("../../../public/data/districts.geojson")).expect("parses")
}

fn run_with(bytes: &[u8], format: Format, options: &Options) -> Result<Imported, ImportError> {
    import(bytes, format, options, &boundaries(), &streets())
}

fn run(bytes: &[u8], format: Format) -> Imported {
    run_with(bytes, format, &Options::default()).expect("reads")
}

/// (row, column, kind label) of each finding.
fn findings(imported: &Imported) -> Vec<(usize, String, &'static str)> {
    imported.findings.iter().map(|f| (f.row, f.column.clone(), f.kind.label(Lang::En))).collect()
}

fn space<'a>(imported: &'a Imported, name: &str) -> &'a Space {
    imported.spaces.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{name} not imported"))
}

fn near(a: LatLng, lng: f64, lat: f64) -> bool {
    (a.lng - lng).abs() < 1e-5 && (a.lat - lat).abs() < 1e-5
}

/// What the importer writes passes `validate` with no error.
fn assert_valid(imported: &Imported) {
    let dataset = Dataset {
        meta: parse_dataset(include_str!("../../../public/data/spaces.json")).expect("loads").dataset.meta,
        spaces: imported.spaces.clone(),
    };
    let dataset = Dataset { meta: crate::domain::model::Meta { totals: None, ..dataset.meta }, ..dataset };
    let report = validate(&dataset, &boundaries(), &streets());
    assert!(report.is_clean(), "{:?}", report.errors);
}

#[test]
fn title_rows_merged_cells_amap_header_and_notes_rows() {
    let out = run(include_bytes!("../../../tests/fixtures/offices/01-panyu-title-rows.xlsx"), Format::Xlsx);
    let s = &out.summary;
    assert_eq!((s.sheet.as_str(), s.header_row, s.crs, s.crs_source), ("番禺区", 3, Crs::Gcj02, CrsSource::Header));
    assert_eq!((s.rows_read, s.rows_kept, s.rows_rejected), (6, 6, 0));
    assert_eq!(s.skipped_rows.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [11, 12]);
    let ignored: Vec<&str> = s.ignored_columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(ignored, ["序号", "负责人"]);
    // The merged 所属区 and 所属街道(镇) cells apply to every row they span.
    assert!(out.spaces.iter().all(|s| s.district == "440113"));
    assert_eq!(out.spaces.iter().filter(|s| s.street == "沙湾街道").count(), 3);
    assert_eq!(out.spaces.iter().filter(|s| s.street == "化龙镇").count(), 3);
    let a = space(&out, "沙湾古镇慈善空间");
    assert!(near(a.location, 113.35204, 22.90926), "GCJ-02 read back to WGS-84: {:?}", a.location);
    assert_eq!(a.certified_on.as_deref(), Some("2021-06-01"), "an Excel date cell");
    assert_eq!(a.status, Status::Certified, "是 under 是否认证");
    assert_eq!(a.phone, "020-84731200", "联系电话（座机） is the phone column, its lost 0 restored");
    assert_eq!((a.opening_hours.as_str(), a.hours_text.as_str()), ("Mo-Fr 09:00-17:00", "周一至周五 9:00-17:00"));
    assert_eq!(a.services, ["elderly", "children"]);
    assert_eq!(space(&out, "沙湾长者饭堂慈善空间").services, ["elderly", "food"], "a line break separates services");
    assert_eq!(space(&out, "沙湾青萝社区慈善空间").opening_hours, "Mo-Fr 09:00-12:00,14:00-17:30");
    assert_eq!(space(&out, "化龙镇爱心驿站").opening_hours, "24/7");
    assert_eq!(space(&out, "化龙镇时间银行站").status, Status::Registered);
    let kinds: Vec<&str> = out.findings.iter().map(|f| f.kind.label(Lang::En)).collect();
    assert_eq!(kinds, ["phone: leading 0 restored"; 6]);
    assert_valid(&out);
}

#[test]
fn a_hidden_duplicate_column_is_an_error_until_one_is_chosen() {
    let bytes = include_bytes!("../../../tests/fixtures/offices/02-baiyun-instructions-first.xlsx");
    let err = run_with(bytes, Format::Xlsx, &Options::default()).expect_err("two phone columns");
    let ImportError::DuplicateColumns { field, columns } = &err else { panic!("{err:?}") };
    assert_eq!(*field, "联系电话");
    assert_eq!(columns.iter().map(|c| (column_letters(c.index), c.hidden)).collect::<Vec<_>>(), [("H".into(), true), ("K".into(), false)]);
    let text = err.text(Lang::Zh);
    assert!(text.contains("H 列「联系电话」（隐藏列）") && text.contains("K 列「联系电话」") && text.contains("--use-column"), "{text}");

    for chosen in ["K", "k"] {
        let out = run_with(bytes, Format::Xlsx, &Options { use_columns: vec![chosen.into()], ..Options::default() }).expect("reads");
        assert_eq!(out.summary.sheet, "白云区名单", "the list sheet, not the instructions before it");
        assert_eq!(out.spaces.len(), 3);
        assert!(out.spaces.iter().all(|s| s.phone.starts_with("020-86")), "the new numbers");
        assert!(out.summary.ignored_columns.iter().any(|c| c.index == 7 && c.hidden));
        assert_eq!(findings(&out), [(3, "名称".to_string(), "hidden row")], "a hidden row is imported, and said");
    }
    let old = run_with(bytes, Format::Xlsx, &Options { use_columns: vec!["H".into()], ..Options::default() }).expect("reads");
    assert!(old.spaces.iter().all(|s| s.phone.starts_with("020-36")));
    assert_eq!(
        run_with(bytes, Format::Xlsx, &Options { use_columns: vec!["Z".into()], ..Options::default() }),
        Err(ImportError::UnknownUseColumn("Z".into()))
    );
    let named = run_with(bytes, Format::Xlsx, &Options { sheet: Some("填表说明".into()), ..Options::default() });
    assert!(matches!(named, Err(ImportError::MissingColumns { .. })), "{named:?}");
}

#[test]
fn every_written_form_reads_alike_in_xlsx_utf8_and_gbk() {
    let xlsx = run(include_bytes!("../../../tests/fixtures/offices/03-forms.xlsx"), Format::Xlsx);
    let utf8 = run(include_bytes!("../../../tests/fixtures/offices/03-forms-utf8.csv"), Format::Csv);
    let gbk = run(include_bytes!("../../../tests/fixtures/offices/03-forms-gbk.csv"), Format::Csv);
    assert_eq!(xlsx.spaces, utf8.spaces);
    assert_eq!(xlsx.spaces, gbk.spaces);
    assert_eq!(xlsx.findings, gbk.findings);
    assert_eq!(gbk.summary.crs_source, CrsSource::Assumed);
    assert_eq!(gbk.spaces.len(), 7);
    /// Name, district, street, services, certification date, hours, phone.
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], Option<&'a str>, &'a str, &'a str);
    let cases: [Case; 7] = [
        (
            "越秀光塔慈善空间",
            "440104",
            "光塔街道",
            &["elderly", "children"],
            Some("2021-12-03"),
            "Mo-Fr 09:00-17:00; PH off",
            "020-83000001",
        ),
        ("越秀大塘慈善空间", "440104", "大塘街道", &["disability", "volunteer"], Some("2021-12-03"), "Mo-Fr 09:00-12:00", "020-83000002"),
        ("越秀东山慈善空间", "440104", "东山街道", &["donation", "food"], Some("2021-09-04"), "Mo-Su 08:30-20:00", "020-83000003转123"),
        ("越秀白云街慈善空间", "440104", "白云街道", &["elderly", "timebank"], None, "24/7", "020-83000004 / 13912345678"),
        ("天河车陂慈善空间", "440106", "车陂街道", &["fund", "education"], None, "Mo,We,Fr 09:00-11:30", "13800000005"),
        ("天河前进慈善空间", "440106", "前进街道", &["elderly", "volunteer"], None, "Mo-Su 09:00-21:00", ""),
        ("天河凤凰慈善空间", "440106", "凤凰街道", &["medical"], Some("2022-01-20"), "", "020-85000007"),
    ];
    for (name, district, street, services, certified_on, hours, phone) in cases {
        let s = space(&gbk, name);
        assert_eq!(
            (&*s.district, s.street.as_str(), s.certified_on.as_deref(), s.opening_hours.as_str(), s.phone.as_str()),
            (district, street, certified_on, hours, phone),
            "{name}"
        );
        assert_eq!(s.services, services, "{name}");
        assert_eq!(s.status == Status::Certified, certified_on.is_some(), "{name}");
    }
    // Already in the OSM form: nothing to keep beside it. Unreadable: the text kept, hours unknown.
    assert_eq!(space(&gbk, "天河前进慈善空间").hours_text, "");
    assert_eq!(space(&gbk, "天河凤凰慈善空间").hours_text, "预约开放");
    assert_eq!(findings(&gbk), [(8, "开放时间".to_string(), "unreadable opening hours")]);
    assert_valid(&gbk);
}

#[test]
fn baidu_positions_named_in_the_header() {
    let out = run(include_bytes!("../../../tests/fixtures/offices/04-haizhu-baidu.csv"), Format::Csv);
    assert_eq!((out.summary.crs, out.summary.crs_source), (Crs::Bd09, CrsSource::Header));
    assert!(near(space(&out, "海幢慈善空间").location, 113.30443, 23.08264), "{:?}", space(&out, "海幢慈善空间").location);
    assert!(near(space(&out, "滨江慈善空间").location, 113.27139, 23.09229));
    assert_eq!(space(&out, "海幢慈善空间").status, Status::Certified);
    // An explicit --crs that contradicts the header is an error, not a silent choice.
    let conflict = run_with(
        include_bytes!("../../../tests/fixtures/offices/04-haizhu-baidu.csv"),
        Format::Csv,
        &Options { crs: Some(Crs::Gcj02), ..Options::default() },
    );
    assert!(matches!(conflict, Err(ImportError::CrsConflict { .. })), "{conflict:?}");
}

#[test]
fn only_name_district_and_position_reject_a_row_and_every_problem_is_reported() {
    let out = run(include_bytes!("../../../tests/fixtures/offices/05-liwan-problems.xlsx"), Format::Xlsx);
    let want: Vec<(usize, String, &str)> = [
        (2, "名称", "required field empty"),
        (2, "所属区", "unknown district"),
        (3, "经度/纬度", "longitude and latitude swapped"),
        (4, "经度/纬度", "position in another district"),
        (5, "认证日期", "unreadable date"),
        (6, "服务类型", "unknown service"),
        (6, "开放时间", "unreadable opening hours"),
        (6, "联系电话", "unreadable phone"),
        (7, "街道", "unknown street"),
        (7, "地址", "no address"),
        (7, "服务类型", "no service"),
        (7, "认证状态", "unknown status"),
        (8, "认证日期", "certification date on a registered space"),
        (10, "名称", "same name and street"),
        (11, "联系电话", "formula cell"),
    ]
    .into_iter()
    .map(|(r, c, k)| (r, c.to_string(), k))
    .collect();
    assert_eq!(findings(&out), want);
    assert_eq!((out.summary.rows_read, out.summary.rows_kept, out.summary.rows_rejected), (10, 7, 3));
    // Two spaces of one name in two streets are two spaces; in one street, two as well (warned).
    let same: Vec<&Space> = out.spaces.iter().filter(|s| s.name == "同名慈善空间").collect();
    assert_eq!(same.len(), 3);
    let mut ids: Vec<&str> = same.iter().map(|s| s.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let kept = space(&out, "服务不明的空间");
    assert_eq!((kept.services.as_slice(), kept.phone.as_str(), kept.hours_text.as_str()), (&["elderly".into()][..], "", "看情况"));
    assert_eq!(space(&out, "认证日期写错的空间").certified_on, None);
    assert_eq!(space(&out, "公式电话的空间").phone, "");
    let line = out.findings.iter().find(|f| f.row == 5).expect("row 5").text(Lang::Zh);
    assert_eq!(line, "第 5 行「认证日期」：无法识别的日期「2021.13.3」，请写成 2021-12-03");
    let en = out.findings.iter().find(|f| f.row == 5).expect("row 5").text(Lang::En);
    assert_eq!(en, "row 5, \"认证日期\": unreadable date \"2021.13.3\"; write it as 2021-12-03");
    assert_valid(&out);
}

#[test]
fn ids_are_stable_and_made_from_district_street_and_name() {
    let a = run(include_bytes!("../../../tests/fixtures/offices/05-liwan-problems.xlsx"), Format::Xlsx);
    let b = run(include_bytes!("../../../tests/fixtures/offices/05-liwan-problems.xlsx"), Format::Xlsx);
    assert_eq!(a.spaces.iter().map(|s| &s.id).collect::<Vec<_>>(), b.spaces.iter().map(|s| &s.id).collect::<Vec<_>>());
    assert_ne!(derived_id("440103", "白鹤洞街道", "同名慈善空间"), derived_id("440103", "彩虹街道", "同名慈善空间"));
}

#[test]
fn rows_outside_guangzhou_are_all_rejected() {
    let out = run(include_bytes!("../../../tests/fixtures/offices/06-conghua-all-rejected.csv"), Format::Csv);
    assert!(out.spaces.is_empty());
    assert_eq!(out.summary.rows_rejected, 2);
    assert!(out.findings.iter().all(|f| f.kind == Kind::OutsideGuangzhou { crs: Crs::Wgs84 }));
}

#[test]
fn amap_positions_without_a_note_need_the_crs_option() {
    let bytes = include_bytes!("../../../tests/fixtures/offices/07-nansha-amap-plain.csv");
    let assumed = run(bytes, Format::Csv);
    assert_eq!(assumed.summary.crs_source, CrsSource::Assumed);
    assert!(!near(space(&assumed, "南沙黄阁慈善空间").location, 113.38117, 22.85904), "read as WGS-84, the point is off");
    let summary = messages::summary_lines(&assumed, Lang::Zh).join("\n");
    assert!(summary.contains("坐标系：未注明，按 WGS-84") && summary.contains("--crs gcj02"), "{summary}");
    let right = run_with(bytes, Format::Csv, &Options { crs: Some(Crs::Gcj02), ..Options::default() }).expect("reads");
    assert!(near(space(&right, "南沙黄阁慈善空间").location, 113.38117, 22.85904), "{:?}", space(&right, "南沙黄阁慈善空间").location);
    assert!(near(space(&right, "南沙大岗慈善空间").location, 113.61062, 22.74701));
}

#[test]
fn the_report_is_a_table_excel_opens() {
    let out = run(include_bytes!("../../../tests/fixtures/offices/05-liwan-problems.xlsx"), Format::Xlsx);
    let csv = messages::report_csv(&out.findings, Lang::Zh);
    assert!(csv.starts_with("\u{FEFF}行,列,内容,结果,问题与改法\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), out.findings.len() + 1);
    assert!(csv.contains("5,认证日期,2021.13.3,已导入，请核对,无法识别的日期「2021.13.3」，请写成 2021-12-03"), "{csv}");
    // A cell that would run as a formula in Excel is written as text.
    let formula = Finding { row: 3, column: "联系电话".into(), value: "=HYPERLINK(\"x\")".into(), kind: Kind::FormulaDropped };
    assert!(messages::report_csv(&[formula], Lang::En).contains("\r\n3,联系电话,\"'=HYPERLINK(\"\"x\"\")\",imported; check it,"));
}

// The editors' fixtures of the first build, read with the rules of this one.

#[test]
fn editors_csv_good_and_bad_rows() {
    let out = run(include_bytes!("../../../tests/fixtures/editors.csv"), Format::Csv);
    let names: Vec<_> = out.spaces.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["番禺区沙湾街慈善空间", "天河区石牌街慈善空间", "服务未知的空间", "电话写错的空间"]);
    let rows: Vec<(usize, String, &str)> = findings(&out);
    assert_eq!(
        rows,
        [
            (4, "所属区".into(), "unknown district"),
            (5, "经度".into(), "coordinate not a number"),
            (6, "服务类型".into(), "unknown service"),
            (6, "服务类型".into(), "no service"),
            (7, "经度/纬度".into(), "position in another district"),
            (8, "联系电话".into(), "unreadable phone"),
        ]
    );
    assert!(out.spaces[0].keys.py.contains("panyu"));
    assert_eq!(space(&out, "天河区石牌街慈善空间").street, "石牌街道");
}

#[test]
fn gbk_csv_reads_like_utf8() {
    let text = std::str::from_utf8(include_bytes!("../../../tests/fixtures/editors.csv")).expect("utf8");
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(run(&gbk, Format::Csv), run(&bom, Format::Csv));
}

#[test]
fn mixed_encodings_are_refused() {
    let mut bytes = "名称,所属区\n沙湾,番禺区\n".as_bytes().to_vec();
    bytes.extend_from_slice(&encoding_rs::GBK.encode("石牌,天河区\n").0);
    assert!(matches!(run_with(&bytes, Format::Csv, &Options::default()), Err(ImportError::Encoding(m)) if m.contains("mixed")));
}

#[test]
fn gcj02_input_is_converted() {
    let wgs = LatLng { lat: 22.93, lng: 113.33 };
    let gcj = from_wgs84(wgs, Crs::Gcj02);
    let csv = format!("名称,所属区,街道,地址,经度,纬度,服务类型\n某空间,番禺区,沙湾街道,某路1号,{},{},长者关爱\n", gcj.lng, gcj.lat);
    let out = run_with(csv.as_bytes(), Format::Csv, &Options { crs: Some(Crs::Gcj02), ..Options::default() }).expect("reads");
    assert!(near(out.spaces[0].location, wgs.lng, wgs.lat), "{:?}", out.spaces[0].location);
}

#[test]
fn formula_like_csv_cells_are_refused_with_row_and_column() {
    let csv = "名称,所属区,街道,地址,经度,纬度,服务类型,联系电话\n\
               A,番禺区,沙湾,路1号,113.35204,22.90926,长者关爱,+86 20 8473 1234\n\
               @SUM(1),番禺区,沙湾,路2号,113.35204,22.90926,长者关爱,\n\
               C,番禺区,沙湾,路3号,113.35204,22.90926,长者关爱,-2+3+cmd|' /C calc'!A0\n";
    let out = run(csv.as_bytes(), Format::Csv);
    assert_eq!(findings(&out), [(3, "名称".to_string(), "formula cell"), (4, "联系电话".to_string(), "formula cell")]);
    assert!(out.findings[0].kind.rejects() && !out.findings[1].kind.rejects());
    assert_eq!(space(&out, "A").phone, "+86 20 8473 1234");
    assert_eq!(space(&out, "C").phone, "");
}

#[test]
fn a_position_column_as_the_map_pickers_copy_it() {
    let (a, b) = (LatLng { lat: 22.90926, lng: 113.35204 }, LatLng { lat: 22.93557, lng: 113.38995 });
    let (ga, gb) = (from_wgs84(a, Crs::Gcj02), from_wgs84(b, Crs::Gcj02));
    // AMap's picker copies "lng,lat"; Tencent's "lat,lng".
    let csv = format!(
        "名称,所属区,街道,地址,坐标（高德）,服务类型\n甲,番禺区,沙湾,路1号,\"{},{}\",长者关爱\n乙,番禺区,化龙镇,路2号,\"{}, {}\",长者关爱\n丙,番禺区,沙湾,路3号,113.35,长者关爱\n",
        ga.lng, ga.lat, gb.lat, gb.lng
    );
    let out = run(csv.as_bytes(), Format::Csv);
    assert_eq!((out.summary.crs, out.summary.crs_source), (Crs::Gcj02, CrsSource::Header));
    assert!(near(space(&out, "甲").location, a.lng, a.lat), "{:?}", space(&out, "甲").location);
    assert!(near(space(&out, "乙").location, b.lng, b.lat), "{:?}", space(&out, "乙").location);
    assert_eq!(findings(&out), [(4, "坐标（高德）".to_string(), "position unreadable")]);
    assert!(out.findings[0].text(Lang::Zh).contains("请写成 113.352041,22.909260"));
}

#[test]
fn english_headers_and_formulas() {
    let csv = "Name,District,Street,Address,Lng,Lat,Services,Phone\nA,Panyu,沙湾,Rd 1,113.33,22.93,elderly,020-12345678\nB,Panyu,沙湾,Rd 2,=1+113,22.93,elderly,1\n";
    let out = run(csv.as_bytes(), Format::Csv);
    assert_eq!(out.spaces.len(), 1);
    assert_eq!(findings(&out)[0], (3, "Lng".to_string(), "formula cell"));
    assert!(out.findings[0].kind.rejects());
}

#[test]
fn a_missing_required_column_names_what_was_found() {
    let err = run_with("名称,地址\nA,B\n".as_bytes(), Format::Csv, &Options::default()).expect_err("no district");
    let ImportError::MissingColumns { missing, found, .. } = &err else { panic!("{err:?}") };
    assert_eq!(missing, &["所属区", "经度", "纬度"]);
    assert_eq!(found, &["名称", "地址"]);
    assert!(err.text(Lang::Zh).contains("找不到必填的列：所属区、经度、纬度"), "{}", err.text(Lang::Zh));
}

#[test]
fn editors_xlsx_good_bad_and_formula_rows() {
    let out = run(include_bytes!("../../../tests/fixtures/editors.xlsx"), Format::Xlsx);
    assert_eq!(out.spaces.len(), 2, "{:?}", out.findings);
    assert_eq!(findings(&out), [(4, "所属区".to_string(), "unknown district"), (5, "纬度".to_string(), "formula cell")]);
}

#[test]
fn csv_export_round_trips() {
    let data = parse_dataset(include_str!("../../../public/data/spaces.json")).expect("loads").dataset.spaces;
    let mut panyu: Vec<Space> = data.into_iter().filter(|s| s.district == "440113").collect();
    panyu[0].hours_text = "周一至周五 9点到5点".into();
    // Text a spreadsheet would run as a formula is exported as text and read back as it was.
    for (s, name) in
        panyu.iter_mut().skip(1).zip(["=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t制表", "\r回车", "'引号", "''=两个"])
    {
        s.name = name.into();
        s.keys = search_keys(s);
    }
    panyu[9].phone = "+86 20 8473 1234".into();
    let csv = crate::domain::export::to_csv(panyu.iter());
    let back = run(csv.as_bytes(), Format::Csv);
    assert_eq!(back.spaces.len(), panyu.len());
    let warnings: Vec<_> =
        back.findings.iter().filter(|f| f.kind != Kind::NearBorder { metres: 0 } && !matches!(f.kind, Kind::NearBorder { .. })).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    for (a, b) in panyu.iter().zip(&back.spaces) {
        assert_eq!(a, b);
    }
}

#[test]
fn hostile_inputs_fail_clearly() {
    let opts = Options::default();
    assert!(matches!(run_with(&vec![b'a'; MAX_BYTES + 1], Format::Csv, &opts), Err(ImportError::TooLarge { .. })));
    assert!(matches!(run_with(b"not a zip", Format::Xlsx, &opts), Err(ImportError::Xlsx(_))));
    assert!(matches!(run_with(include_bytes!("../../../tests/fixtures/zip-bomb.xlsx"), Format::Xlsx, &opts), Err(ImportError::ZipBomb(_))));
    // An archive whose sheet unpacks to 300 MB while declaring 1 000 bytes stops at the declared size.
    assert!(matches!(
        run_with(include_bytes!("../../../tests/fixtures/lying-sizes.xlsx"), Format::Xlsx, &opts),
        Err(ImportError::ZipBomb(_))
    ));
    // Two cells at A1 and XFD1048576: refused before any grid of 17 billion cells is made.
    let far = run_with(include_bytes!("../../../tests/fixtures/far-cell.xlsx"), Format::Xlsx, &opts);
    assert_eq!(far, Err(ImportError::SheetTooLarge { sheet: "Sheet".into(), cell: "XFD1048576".into() }));
    assert!(matches!(run_with(b"", Format::Csv, &opts), Err(ImportError::Empty)));
}

#[test]
fn who_may_come_fees_documents_and_languages_from_chinese_or_english_headers() {
    let zh = "名称,所属区,经度,纬度,服务对象,收费标准,所需证件,语言\n\
              沙湾慈善超市,番禺区,113.33,22.90,本街道低保家庭,不收费,身份证；低保证,普通话、白话、潮汕话\n";
    let out = run(zh.as_bytes(), Format::Csv);
    let s = space(&out, "沙湾慈善超市");
    assert_eq!(s.eligibility_description, "本街道低保家庭");
    assert_eq!(s.fees_description, "免费");
    assert_eq!(s.required_documents, ["身份证", "低保证"]);
    assert_eq!(s.languages, ["zh-cmn", "yue"]);
    // The language not on the list is left out, named with its row and column.
    assert_eq!(findings(&out), [(2, "语言".to_string(), "unknown language")]);
    assert!(out.findings[0].text(Lang::Zh).contains("潮汕话"), "{}", out.findings[0].text(Lang::Zh));
    assert_valid(&out);
    let en = "name,district,lng,lat,eligibility,fees,what to bring,languages\n\
              Shawan,Panyu,113.33,22.90,Older residents,10 yuan a meal,ID card,\"Cantonese, English\"\n";
    let out = run(en.as_bytes(), Format::Csv);
    let s = space(&out, "Shawan");
    assert_eq!((s.eligibility_description.as_str(), s.fees_description.as_str()), ("Older residents", "10 yuan a meal"));
    assert_eq!((s.required_documents.clone(), s.languages.clone()), (vec!["ID card".to_string()], vec!["yue".into(), "en".into()]));
    assert!(out.findings.is_empty(), "{:?}", findings(&out));
}
