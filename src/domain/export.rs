//! Exports of the filtered spaces: CSV that the importer reads back (UTF-8 with BOM, so Excel
//! opens Chinese correctly), GeoJSON, and Open Referral HSDS 3.0 ([`super::hsds`]).

use serde::Serialize;

use super::decimal::fixed;
use super::geojson::{Feature, FeatureCollection};
use super::model::{district, language, service, Code, Space, Status};

/// A spreadsheet column the importer reads and the CSV export writes: its canonical (first) header and the accepted aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Name,
    NameEn,
    District,
    Street,
    Address,
    Lng,
    Lat,
    Services,
    Status,
    CertifiedOn,
    Hours,
    /// The hours as the office wrote them, kept beside the converted ones.
    HoursText,
    Phone,
    Organization,
    Accessibility,
    Eligibility,
    Fees,
    Documents,
    Languages,
    LastVerified,
}

/// Accepted headers per column (compared after trimming and lower-casing); the first is the
/// header that exports write, so that a download re-imports.
pub const HEADERS: &[(Column, &[&str])] = &[
    (Column::Id, &["编号", "id"]),
    (Column::Name, &["名称", "name", "空间名称"]),
    (Column::NameEn, &["英文名称", "name_en", "english name"]),
    (Column::District, &["所属区", "district", "区"]),
    (Column::Street, &["街道", "street", "街道/镇", "镇街"]),
    (Column::Address, &["地址", "address"]),
    (Column::Lng, &["经度", "lng", "longitude", "lon"]),
    (Column::Lat, &["纬度", "lat", "latitude"]),
    (Column::Services, &["服务类型", "services", "service"]),
    (Column::Status, &["认证状态", "status", "状态"]),
    (Column::CertifiedOn, &["认证日期", "certified_on"]),
    (Column::Hours, &["开放时间", "opening_hours", "hours"]),
    (Column::HoursText, &["开放时间原文", "hours_text"]),
    (Column::Phone, &["联系电话", "phone", "电话"]),
    (Column::Organization, &["主办单位", "organization", "运营机构", "host"]),
    (Column::Accessibility, &["无障碍", "accessibility", "无障碍设施"]),
    (Column::Eligibility, &["适用对象", "eligibility_description", "eligibility", "服务对象", "who can use"]),
    (Column::Fees, &["收费", "fees_description", "fees", "收费标准", "费用"]),
    (Column::Documents, &["所需材料", "required_documents", "documents", "所需证件", "需带材料", "what to bring"]),
    (Column::Languages, &["服务语言", "languages", "language", "语言"]),
    (Column::LastVerified, &["核实日期", "last_verified"]),
];

/// Excel reads a CSV as UTF-8 only with this mark.
pub const BOM: &str = "\u{FEFF}";

/// The first characters that make Excel and WPS read a cell as a formula (OWASP, CSV injection).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell's text written so that a spreadsheet shows it as text: a leading `'` before a text
/// that begins with a formula character, or with `'` (so that the importer's reversal,
/// `tools::import::table::unescape_cell`, is exact).
///
/// # Examples
/// ```
/// use charity_finder::domain::export::as_spreadsheet_text;
/// assert_eq!(as_spreadsheet_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(as_spreadsheet_text("+86 20 8473 1234"), "'+86 20 8473 1234");
/// assert_eq!(as_spreadsheet_text("沙湾"), "沙湾");
/// ```
pub fn as_spreadsheet_text(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) || value.starts_with('\'') {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

fn csv_field(value: &str) -> String {
    let value = as_spreadsheet_text(value);
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
    }
}

/// The download formats the finder offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    Csv,
    GeoJson,
    Hsds,
}

impl Download {
    pub const ALL: [Download; 3] = [Download::Csv, Download::GeoJson, Download::Hsds];

    /// The button's label (the formats' own names, the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            Download::Csv => "CSV",
            Download::GeoJson => "GeoJSON",
            Download::Hsds => "HSDS JSON",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Download::Csv => "charity-spaces.csv",
            Download::GeoJson => "charity-spaces.geojson",
            Download::Hsds => "charity-spaces.hsds.json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Download::Csv => "text/csv;charset=utf-8",
            Download::GeoJson => "application/geo+json",
            Download::Hsds => "application/json",
        }
    }

    /// The file's text for `spaces`.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::{export::Download, load::parse_dataset};
    /// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
    /// let geojson = Download::GeoJson.write(&data.dataset.spaces[..2]);
    /// assert!(geojson.contains(r#""type":"FeatureCollection""#), "{geojson}");
    /// ```
    pub fn write<'a>(self, spaces: impl IntoIterator<Item = &'a Space>) -> String {
        match self {
            Download::Csv => to_csv(spaces),
            Download::GeoJson => to_geojson(spaces),
            Download::Hsds => super::hsds::to_hsds(spaces),
        }
    }
}

/// The CSV of spaces, with the importer's Chinese headers, so that a download can be edited and
/// re-imported with `spaces import`.
///
/// # Examples
/// ```
/// use charity_finder::domain::{export::to_csv, load::parse_dataset};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let csv = to_csv(data.dataset.spaces.iter().take(2));
/// assert!(csv.starts_with("\u{FEFF}编号,名称,"));
/// assert_eq!(csv.lines().count(), 3);
/// ```
pub fn to_csv<'a>(spaces: impl IntoIterator<Item = &'a Space>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&HEADERS.iter().map(|(_, names)| names[0]).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for s in spaces {
        let cells: Vec<String> = HEADERS
            .iter()
            .map(|(column, _)| match column {
                Column::Id => s.id.clone(),
                Column::Name => s.name.clone(),
                Column::NameEn => s.name_en.clone().unwrap_or_default(),
                Column::District => district(&s.district).map_or_else(|| s.district.to_string(), |d| d.zh.to_string()),
                Column::Street => s.street.clone(),
                Column::Address => s.address.clone(),
                Column::Lng => fixed(s.location.lng, 6),
                Column::Lat => fixed(s.location.lat, 6),
                Column::Services => s.services.iter().map(|id| service(id).map_or(&**id, |x| x.zh)).collect::<Vec<_>>().join("、"),
                Column::Status => if s.status == Status::Certified { "已认证" } else { "已挂牌" }.to_string(),
                Column::CertifiedOn => s.certified_on.clone().unwrap_or_default(),
                Column::Hours => s.opening_hours.clone(),
                Column::HoursText => s.hours_text.clone(),
                Column::Phone => s.phone.clone(),
                Column::Organization => s.organization.clone(),
                Column::Accessibility => s.accessibility.clone(),
                Column::Eligibility => s.eligibility_description.clone(),
                Column::Fees => s.fees_description.clone(),
                Column::Documents => s.required_documents.join("、"),
                Column::Languages => s.languages.iter().map(|code| language(code).map_or(&**code, |l| l.zh)).collect::<Vec<_>>().join("、"),
                Column::LastVerified => s.last_verified.clone(),
            })
            .map(|c| csv_field(&c))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A GeoJSON FeatureCollection of points (WGS-84, `[lng, lat]`) with the record as properties.
pub fn to_geojson<'a>(spaces: impl IntoIterator<Item = &'a Space>) -> String {
    let features = spaces
        .into_iter()
        .map(|s| {
            let properties = Properties {
                id: &s.id,
                name: &s.name,
                name_en: s.name_en.as_deref(),
                district: &s.district,
                street: &s.street,
                address: &s.address,
                status: s.status,
                certified_on: s.certified_on.as_deref(),
                services: &s.services,
                opening_hours: &s.opening_hours,
                phone: &s.phone,
                organization: &s.organization,
                accessibility: &s.accessibility,
                eligibility_description: &s.eligibility_description,
                fees_description: &s.fees_description,
                required_documents: &s.required_documents,
                languages: &s.languages,
                last_verified: &s.last_verified,
            };
            Feature::new(Some(&s.id), "Point", [s.location.lng, s.location.lat], properties)
        })
        .collect();
    serde_json::to_string(&FeatureCollection::new(features)).unwrap_or_default()
}

/// A space's GeoJSON properties: the record without its position (in the geometry) and search keys.
#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_en: Option<&'a str>,
    district: &'a str,
    street: &'a str,
    address: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    certified_on: Option<&'a str>,
    services: &'a [Code],
    opening_hours: &'a str,
    phone: &'a str,
    organization: &'a str,
    accessibility: &'a str,
    eligibility_description: &'a str,
    fees_description: &'a str,
    required_documents: &'a [String],
    /// BCP 47 codes.
    languages: &'a [Code],
    last_verified: &'a str,
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::domain::load::parse_dataset;

    fn spaces() -> Vec<Space> {
        parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset.spaces
    }

    #[test]
    fn csv_escapes_and_guards_formulas() {
        let mut s = spaces().remove(0);
        s.name = "=HYPERLINK(\"x\"), \"quoted\"".into();
        let csv = to_csv([&s]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\""), "{csv}");
        // Every first character Excel or WPS would run as a formula, and a phone in +86 form.
        for (name, written) in
            [("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(1)", "'@SUM(1)"), ("\t制表", "'\t制表"), ("\r回车", "\"'\r回车\"")]
        {
            s.name = name.into();
            s.phone = "+86 20 8473 1234".into();
            let csv = to_csv([&s]);
            assert!(csv.contains(&format!(",{written},")), "{name:?}: {csv}");
            assert!(csv.contains(",'+86 20 8473 1234,"), "{csv}");
        }
    }

    #[test]
    fn geojson_points_are_lng_lat() {
        let s = spaces();
        let v: Value = serde_json::from_str(&to_geojson(s.iter().take(3))).expect("json");
        assert_eq!(v["features"].as_array().map(Vec::len), Some(3));
        assert_eq!(v["features"][0]["geometry"]["coordinates"][0].as_f64(), Some(s[0].location.lng));
        assert!(v["features"][0]["properties"]["keys"].is_null());
    }
}
