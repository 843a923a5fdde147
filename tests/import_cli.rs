//! `spaces import` as an editor runs it: what it writes, what it refuses, and what it says.

use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/offices/");

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spaces-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs `spaces` with these arguments: exit code and standard error.
fn spaces(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spaces")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}{name}")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn dataset(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).expect("written")).expect("json")
}

fn location(d: &serde_json::Value, name: &str) -> (f64, f64) {
    let s = d["spaces"].as_array().expect("spaces").iter().find(|s| s["name"] == name).expect("space");
    (s["location"]["lng"].as_f64().expect("lng"), s["location"]["lat"].as_f64().expect("lat"))
}

#[test]
fn crs_with_an_equals_sign_is_read() {
    let dir = workdir("crs");
    let out = dir.join("spaces.json");
    let (code, err) = spaces(&["import", &fixture("07-nansha-amap-plain.csv"), &format!("--out={}", path(&out)), "--crs=gcj02"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("坐标系：GCJ-02（高德、腾讯）（命令行 --crs 指定）"), "{err}");
    let (lng, lat) = location(&dataset(&out), "南沙黄阁慈善空间");
    assert!((lng - 113.38117).abs() < 1e-5 && (lat - 22.85904).abs() < 1e-5, "{lng}, {lat}");
    let (code, _) = spaces(&["validate", path(&out)]);
    assert_eq!(code, 0);
}

#[test]
fn unknown_options_are_refused() {
    let (code, err) = spaces(&["import", &fixture("07-nansha-amap-plain.csv"), "--out", "x.json", "--crs", "mars"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'mars'"), "{err}");
    let (code, err) = spaces(&["import", &fixture("07-nansha-amap-plain.csv"), "--out", "x.json", "--projection", "gcj02"]);
    assert_eq!(code, 2);
    assert!(err.contains("unexpected argument '--projection'"), "{err}");
    assert!(!Path::new("x.json").exists());
}

#[test]
fn a_hidden_duplicate_column_writes_nothing_until_one_is_chosen() {
    let dir = workdir("duplicate");
    let out = dir.join("spaces.json");
    let file = fixture("02-baiyun-instructions-first.xlsx");
    let (code, err) = spaces(&["import", &file, "--out", path(&out)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("H 列「联系电话」（隐藏列）") && err.contains("未写入任何文件"), "{err}");
    assert!(!out.exists());
    let (code, err) = spaces(&["import", &file, "--out", path(&out), "--use-column", "K", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("sheet: \"白云区名单\", header: row 1"), "{err}");
    assert!(err.contains("columns ignored: column H \"联系电话\" (hidden)"), "{err}");
    assert!(dataset(&out)["spaces"]
        .as_array()
        .expect("spaces")
        .iter()
        .all(|s| s["phone"].as_str().is_some_and(|p| p.starts_with("020-86"))));
}

#[test]
fn an_import_with_no_space_leaves_the_dataset_alone() {
    let dir = workdir("all-rejected");
    let out = dir.join("spaces.json");
    let (code, err) = spaces(&["import", &fixture("03-forms-utf8.csv"), "--out", path(&out)]);
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read(&out).expect("written");
    let (code, err) = spaces(&["import", &fixture("06-conghua-all-rejected.csv"), "--out", path(&out)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("没有可导入的空间") && err.contains("未改动"), "{err}");
    assert_eq!(std::fs::read(&out).expect("still there"), before);
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 1, "no temporary file left behind");
}

#[test]
fn a_smaller_list_replaces_the_dataset_only_when_asked_and_the_changes_are_shown() {
    let dir = workdir("shrink");
    let out = dir.join("spaces.json");
    assert_eq!(spaces(&["import", &fixture("03-forms.xlsx"), "--out", path(&out)]).0, 0);
    let (code, err) = spaces(&["import", &fixture("03-forms-gbk.csv"), "--out", path(&out)]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("与原文件相比：新增 0，删除 0，修改 0"), "the same list again changes nothing: {err}");
    let before = std::fs::read(&out).expect("written");
    let (code, err) = spaces(&["import", &fixture("04-haizhu-baidu.csv"), "--out", path(&out)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("新增 2（海幢慈善空间、滨江慈善空间）") || err.contains("新增 2（滨江慈善空间、海幢慈善空间）"), "{err}");
    assert!(err.contains("删除 7") && err.contains("--allow-shrink"), "{err}");
    assert_eq!(std::fs::read(&out).expect("kept"), before);
    let (code, err) = spaces(&["import", &fixture("04-haizhu-baidu.csv"), "--out", path(&out), "--allow-shrink"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(dataset(&out)["spaces"].as_array().expect("spaces").len(), 2);
}

#[test]
fn rejected_rows_and_warnings_go_to_the_report() {
    let dir = workdir("report");
    let (out, report) = (dir.join("spaces.json"), dir.join("问题.csv"));
    let (code, err) = spaces(&["import", &fixture("05-liwan-problems.xlsx"), "--out", path(&out), "--report", path(&report)]);
    assert_eq!(code, 1, "some rows rejected: {err}");
    assert!(err.contains("拒绝 第 3 行「经度/纬度」：经度和纬度似乎写反了"), "{err}");
    assert!(err.contains("警告 第 5 行「认证日期」：无法识别的日期「2021.13.3」，请写成 2021-12-03"), "{err}");
    assert!(err.contains("读取 10 行：导入 7 行，拒绝 3 行"), "{err}");
    let table = std::fs::read_to_string(&report).expect("report");
    assert_eq!(table.lines().count(), 16, "{table}");
    assert_eq!(dataset(&out)["spaces"].as_array().expect("spaces").len(), 7);
    let (code, text) = {
        let o = Command::new(env!("CARGO_BIN_EXE_spaces")).args(["validate", path(&out)]).output().expect("runs");
        (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned())
    };
    assert_eq!(code, Some(0), "what the importer writes validates: {text}");
}

#[test]
fn validate_fails_a_dataset_with_no_spaces() {
    let dir = workdir("empty");
    let file = dir.join("empty.json");
    std::fs::write(&file, r#"{"meta":{"schema_version":1,"as_of":"2026-12-01","source":"x","licence":"","sample":false},"spaces":[]}"#)
        .expect("write");
    assert_eq!(spaces(&["validate", path(&file)]).0, 1);
}

/// Runs `spaces` with these arguments: exit code and standard output.
fn spaces_out(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_spaces")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn validate_warns_while_the_holiday_calendar_runs_out_and_refuses_a_broken_one() {
    let dir = workdir("calendar");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/spaces.json");
    let write = |name: &str, last: &str| {
        let file = dir.join(name);
        let text = format!(r#"{{"first":"2024-01-01","last":"{last}","holidays":{{}},"workdays":{{}}}}"#);
        std::fs::write(&file, text).expect("write");
        file
    };
    let (code, out) = spaces_out(&["validate", data, "--holidays", path(&write("ended.json", "2024-12-31"))]);
    assert_eq!(code, 0, "a warning, not an error: {out}");
    assert!(out.contains("holidays.json ends on 2024-12-31, within 60 days"), "{out}");
    let (code, out) = spaces_out(&["validate", data, "--holidays", path(&write("far.json", "2999-12-31"))]);
    assert_eq!(code, 0);
    assert!(!out.contains("holidays"), "{out}");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, r#"{"first":"2024-01-01","last":"2024-12-31","holidays":{"2024-02-30":"spring_festival"},"workdays":{}}"#)
        .expect("write");
    let (code, out) = spaces_out(&["validate", data, "--holidays", path(&broken)]);
    assert_eq!(code, 1);
    assert!(out.contains("\"2024-02-30\" is not a date"), "{out}");
}
