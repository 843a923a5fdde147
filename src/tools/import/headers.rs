//! Header cells as editors write them (`空间名称`, `所属街道(镇)`, `联系电话（座机）`, `街　道`,
//! `经度(高德)`), matched to the dataset's columns.

use super::forms::half_width;
use crate::domain::coords::Crs;
use crate::domain::export::{Column, HEADERS};

/// More names editors give a column, beyond the export's own ([`HEADERS`]); compared after
/// [`normalize`].
const SYNONYMS: &[(Column, &[&str])] = &[
    (Column::Id, &["空间编号", "编码", "序列号"]),
    (Column::Name, &["慈善空间名称", "空间名", "名字", "慈善空间", "站点名称", "场所名称"]),
    (Column::NameEn, &["英文名"]),
    (Column::District, &["所属区", "所在区", "区域", "行政区", "所属区域", "辖区", "区名"]),
    (Column::Street, &["所属街道", "所在街道", "街道镇", "所属镇街", "街镇", "镇", "所属街镇"]),
    (Column::Address, &["详细地址", "具体地址", "所在地址", "空间地址", "地点", "位置"]),
    (Column::Lng, &["东经", "x", "经度坐标"]),
    (Column::Lat, &["北纬", "y", "纬度坐标"]),
    (Column::Services, &["服务内容", "服务项目", "服务类别", "服务范围", "主要服务", "服务"]),
    (Column::Status, &["是否认证", "认证情况", "挂牌状态", "认证"]),
    (Column::CertifiedOn, &["认证时间", "认证通过日期", "认证通过时间"]),
    (Column::Hours, &["开放时段", "服务时间", "营业时间"]),
    (Column::Phone, &["电话", "联系方式", "咨询电话", "联系电话号码", "电话号码"]),
    (Column::Organization, &["主办机构", "运营单位", "承办单位", "负责单位", "管理单位"]),
    (Column::Accessibility, &["无障碍情况", "无障碍设施情况"]),
    (Column::LastVerified, &["核实时间", "更新日期", "最后核实日期"]),
];

/// Names of a column holding longitude and latitude together.
const POSITION: &[&str] = &["经纬度", "坐标", "经纬度坐标", "位置坐标", "坐标位置", "地图坐标", "coordinates", "lnglat", "lng,lat"];

/// Columns editors add that carry nothing for the dataset: listed as ignored, without a warning.
const KNOWN_EXTRA: &[&str] = &["序号", "no", "no.", "#"];

/// A header as compared: full-width forms as half-width, no spaces or line breaks, no `*`
/// marking a required column, lower case.
pub fn normalize(header: &str) -> String {
    half_width(header.trim_start_matches('\u{FEFF}')).chars().filter(|c| !c.is_whitespace() && *c != '*').collect::<String>().to_lowercase()
}

/// A header without its bracketed annotations: `联系电话(座机)` → `联系电话`.
fn strip_annotations(normalized: &str) -> (String, Vec<String>) {
    let mut base = String::new();
    let mut notes = Vec::new();
    let mut depth = 0;
    let mut note = String::new();
    for c in normalized.chars() {
        match c {
            '(' | '[' | '【' | '〔' => {
                depth += 1;
                note.clear();
            }
            ')' | ']' | '】' | '〕' if depth > 0 => {
                depth -= 1;
                notes.push(std::mem::take(&mut note));
            }
            _ if depth > 0 => note.push(c),
            _ => base.push(c),
        }
    }
    (base, notes)
}

/// What a header cell says.
#[derive(Debug, Clone, PartialEq)]
pub enum Header {
    /// A dataset column, with the coordinate system its annotation names (`经度(高德)`).
    Column(Column, Option<Crs>),
    /// Longitude and latitude in one cell (`经纬度`, `坐标(高德)`): what the map pickers copy,
    /// `113.352041,22.909260`.
    Position(Option<Crs>),
    /// A column known to carry nothing for the dataset (`序号`).
    Extra,
    /// Empty.
    Blank,
    /// Not recognised.
    Unknown,
}

/// The header row's cell text read as a [`Header`].
///
/// # Examples
/// ```
/// use charity_finder::domain::{coords::Crs, export::Column};
/// use charity_finder::tools::import::headers::{read_header, Header};
/// assert_eq!(read_header("联系电话（座机）"), Header::Column(Column::Phone, None));
/// assert_eq!(read_header("街　道"), Header::Column(Column::Street, None));
/// assert_eq!(read_header("经度(高德)"), Header::Column(Column::Lng, Some(Crs::Gcj02)));
/// ```
pub fn read_header(text: &str) -> Header {
    let whole = normalize(text);
    if whole.is_empty() {
        return Header::Blank;
    }
    if let Some(h) = lookup(&whole) {
        return h;
    }
    let (base, notes) = strip_annotations(&whole);
    let crs = notes.iter().find_map(|n| crs_of(n));
    match lookup(&base) {
        Some(Header::Column(c, _)) => Header::Column(c, crs.filter(|_| matches!(c, Column::Lng | Column::Lat))),
        Some(Header::Position(_)) => Header::Position(crs),
        Some(other) => other,
        None => Header::Unknown,
    }
}

fn lookup(name: &str) -> Option<Header> {
    if KNOWN_EXTRA.contains(&name) {
        return Some(Header::Extra);
    }
    if POSITION.contains(&name) {
        return Some(Header::Position(None));
    }
    HEADERS.iter().chain(SYNONYMS).find(|(_, names)| names.iter().any(|n| normalize(n) == name)).map(|(c, _)| Header::Column(*c, None))
}

/// The coordinate system an annotation names: `高德`, `腾讯`, `GCJ-02` → GCJ-02; `百度`,
/// `BD-09` → BD-09; `GPS`, `WGS84`, `天地图`, `北斗` → WGS-84.
pub fn crs_of(note: &str) -> Option<Crs> {
    let n = note.to_lowercase().replace(['-', '_', ' '], "");
    if ["高德", "腾讯", "gcj02", "火星"].iter().any(|w| n.contains(w)) {
        Some(Crs::Gcj02)
    } else if ["百度", "bd09"].iter().any(|w| n.contains(w)) {
        Some(Crs::Bd09)
    } else if ["gps", "wgs84", "天地图", "cgcs2000", "北斗"].iter().any(|w| n.contains(w)) {
        Some(Crs::Wgs84)
    } else {
        None
    }
}

/// How many dataset columns a row's cells name: how the header row is found.
pub fn score(cells: &[String]) -> usize {
    let mut seen: Vec<Column> = Vec::new();
    for c in cells {
        let cols = match read_header(c) {
            Header::Column(col, _) => vec![col],
            Header::Position(_) => vec![Column::Lng, Column::Lat],
            _ => Vec::new(),
        };
        for col in cols {
            if !seen.contains(&col) {
                seen.push(col);
            }
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_as_editors_write_them() {
        for (text, want) in [
            ("名称", Column::Name),
            ("空间名称", Column::Name),
            ("*名称", Column::Name),
            ("所属街道(镇)", Column::Street),
            ("所属街道（镇）", Column::Street),
            ("街道/镇", Column::Street),
            ("街　道", Column::Street),
            ("详细地址", Column::Address),
            ("服务类型（可多选）", Column::Services),
            ("联系电话（座机）", Column::Phone),
            ("是否认证", Column::Status),
            ("认证日期\n（年月日）", Column::CertifiedOn),
            ("Name", Column::Name),
            (" Lng ", Column::Lng),
        ] {
            assert_eq!(read_header(text), Header::Column(want, None), "{text}");
        }
        assert_eq!(read_header("纬度（百度）"), Header::Column(Column::Lat, Some(Crs::Bd09)));
        assert_eq!(read_header("经度(GPS)"), Header::Column(Column::Lng, Some(Crs::Wgs84)));
        assert_eq!(read_header("开放时间原文"), Header::Column(Column::HoursText, None));
        assert_eq!(read_header("开放时间（原文）"), Header::Column(Column::Hours, None));
        assert_eq!(read_header("序号"), Header::Extra);
        assert_eq!(read_header("经纬度"), Header::Position(None));
        assert_eq!(read_header("坐标（高德）"), Header::Position(Some(Crs::Gcj02)));
        assert_eq!(read_header("负责人"), Header::Unknown);
        assert_eq!(read_header("  "), Header::Blank);
    }

    #[test]
    fn a_title_scores_low() {
        let title = vec!["番禺区慈善空间名单（2024年）".to_string()];
        let header: Vec<String> = ["序号", "空间名称", "所属区", "经度(高德)", "纬度(高德)"].map(String::from).to_vec();
        assert_eq!(score(&title), 0);
        assert_eq!(score(&header), 4);
    }
}
