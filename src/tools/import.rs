//! `spaces import`: reads the spreadsheet an editor keeps (CSV or XLSX, Chinese or English
//! headers) into dataset records. Every rejected row is reported with its row number, column
//! and reason; nothing is dropped silently (only wholly blank rows are passed over).

use std::collections::HashSet;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use crate::domain::boundaries::Boundaries;
use crate::domain::coords::{to_wgs84, Crs};
use crate::domain::export::{Column, HEADERS};
use crate::domain::load::check_space;
use crate::domain::model::{Code, LatLng, SearchKeys, Space, Status, DISTRICTS, SERVICES};

use super::keys::search_keys;
use super::streets::Street;
use super::validate::validate_record;

/// The largest file the importer reads.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The largest number of data rows.
pub const MAX_ROWS: usize = 200_000;
/// The most an XLSX archive may claim to unpack to, and the largest compression ratio of an entry.
const MAX_UNPACKED: u64 = 200 * 1024 * 1024;
const MAX_RATIO: u64 = 200;

const REQUIRED: [Column; 6] = [Column::Name, Column::District, Column::Address, Column::Lng, Column::Lat, Column::Services];

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {size} bytes; the limit is {limit} bytes — split it or remove unused sheets")]
    TooLarge { size: usize, limit: usize },
    #[error("the file has {0} data rows; the limit is {MAX_ROWS}")]
    TooManyRows(usize),
    #[error("the file's text encoding is {0}")]
    Encoding(String),
    #[error("the CSV cannot be read: {0}")]
    Csv(String),
    #[error("the XLSX cannot be read: {0}")]
    Xlsx(String),
    #[error("the header row has no column for {0} (accepted headers: {1})")]
    MissingColumn(String, String),
    #[error("the file is empty")]
    Empty,
}

/// One rejected row: the spreadsheet row number (the header is row 1), the column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {} / {} / {}", self.row, self.column, self.reason)
    }
}

/// The spaces read and the rows rejected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    pub spaces: Vec<Space>,
    pub rejected: Vec<RowError>,
    /// Header cells that matched no known column (ignored).
    pub unknown_headers: Vec<String>,
}

/// A cell's text and whether it held a formula.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cell {
    text: String,
    formula: bool,
}

/// The file types the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// By file name extension.
    pub fn from_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".xlsx") {
            Some(Format::Xlsx)
        } else {
            None
        }
    }
}

/// Imports a spreadsheet's bytes.
pub fn import(bytes: &[u8], format: Format, crs: Crs, boundaries: &Boundaries, streets: &[Street]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len(), limit: MAX_BYTES });
    }
    let table = match format {
        Format::Csv => read_csv(&decode_text(bytes)?)?,
        Format::Xlsx => read_xlsx(bytes)?,
    };
    rows_to_spaces(table, crs, boundaries, streets)
}

/// Decodes CSV bytes: UTF-8 with or without BOM, or GBK/GB18030 (what Chinese Excel writes).
/// A file mixing the two is refused rather than turned into mojibake.
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|e| {
            ImportError::Encoding(format!(
                "mixed: the file starts with a UTF-8 mark, but byte {} is not UTF-8",
                e.utf8_error().valid_up_to() + 3
            ))
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
            let utf8_multibyte: usize =
                bytes.utf8_chunks().map(|c| c.valid().len() - c.valid().chars().filter(char::is_ascii).count()).sum();
            if utf8_multibyte * 2 > non_ascii {
                return Err(ImportError::Encoding("mixed: most of it is UTF-8 but some bytes are not; save it again as UTF-8".into()));
            }
            encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|s| s.into_owned())
                .ok_or_else(|| ImportError::Encoding("neither UTF-8 nor GBK/GB18030; save it as \"CSV UTF-8\"".into()))
        }
    }
}

fn read_csv(text: &str) -> Result<Vec<Vec<Cell>>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        rows.push(record.iter().map(|t| Cell { text: t.to_string(), formula: t.trim_start().starts_with('=') }).collect());
        if rows.len() > MAX_ROWS + 1 {
            return Err(ImportError::TooManyRows(rows.len() - 1));
        }
    }
    Ok(rows)
}

fn check_zip(bytes: &[u8]) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Xlsx(format!("not a zip archive ({e})")))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| ImportError::Xlsx(e.to_string()))?;
        let (packed, unpacked) = (entry.compressed_size().max(1), entry.size());
        total = total.saturating_add(unpacked);
        if unpacked / packed > MAX_RATIO || total > MAX_UNPACKED {
            return Err(ImportError::Xlsx(format!(
                "{} unpacks to {unpacked} bytes from {packed}: refused as a possible zip bomb",
                entry.name().unwrap_or_default()
            )));
        }
    }
    Ok(())
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, ImportError> {
    check_zip(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Xlsx(e.to_string()))?;
    let sheet = book.sheet_names().first().cloned().ok_or(ImportError::Empty)?;
    let values = book.worksheet_range(&sheet).map_err(|e| ImportError::Xlsx(e.to_string()))?;
    let formulas = book.worksheet_formula(&sheet).map_err(|e| ImportError::Xlsx(e.to_string()))?;
    if values.height() > MAX_ROWS + 1 {
        return Err(ImportError::TooManyRows(values.height() - 1));
    }
    let (row0, col0) = values.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(values.height());
    for (r, row) in values.rows().enumerate() {
        let mut cells = Vec::with_capacity(row.len());
        for (c, value) in row.iter().enumerate() {
            let pos = (row0 + r as u32, col0 + c as u32);
            let formula = formulas.get_value(pos).is_some_and(|f| !f.is_empty());
            let text = match value {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                Data::Float(f) => format_number(*f),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()).unwrap_or_else(|| d.to_string()),
                Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
                Data::Error(e) => format!("#{e:?}"),
            };
            cells.push(Cell { text, formula });
        }
        rows.push(cells);
    }
    // Leading empty rows/columns that calamine trims off are restored so row numbers match Excel's.
    let mut padded: Vec<Vec<Cell>> = (0..row0).map(|_| Vec::new()).collect();
    for row in rows {
        let mut full: Vec<Cell> = (0..col0).map(|_| Cell::default()).collect();
        full.extend(row);
        padded.push(full);
    }
    Ok(padded)
}

fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn normalize_header(h: &str) -> String {
    h.trim().trim_start_matches('\u{FEFF}').to_lowercase()
}

/// The district code for a cell: `440113`, `番禺区`, `番禺`, `番禺區` or `Panyu`.
pub fn district_code(value: &str) -> Option<&'static str> {
    let v = value.trim();
    DISTRICTS
        .iter()
        .find(|d| d.code == v || d.zh == v || d.zh_hant == v || d.zh.trim_end_matches('区') == v || d.en.eq_ignore_ascii_case(v))
        .map(|d| d.code)
}

/// Service ids for a cell: ids, Chinese or English labels, separated by `、,，;；/|`.
pub fn service_ids(value: &str) -> Result<Vec<Code>, String> {
    let mut out: Vec<Code> = Vec::new();
    for item in value.split(['、', ',', '，', ';', '；', '/', '|']).map(str::trim).filter(|s| !s.is_empty()) {
        let svc = SERVICES
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(item) || s.zh == item || s.zh_hant == item || s.en.eq_ignore_ascii_case(item))
            .ok_or_else(|| format!("unknown service {item:?}"))?;
        if !out.iter().any(|x| x == svc.id) {
            out.push(svc.id.into());
        }
    }
    if out.is_empty() {
        return Err("no service given".into());
    }
    Ok(out)
}

fn status_of(value: &str) -> Result<Status, String> {
    match value.trim().to_lowercase().as_str() {
        "" | "registered" | "挂牌" | "已挂牌" | "申报" | "申报挂牌" | "登记" => Ok(Status::Registered),
        "certified" | "认证" | "已认证" | "认证通过" | "认证通过挂牌" => Ok(Status::Certified),
        other => Err(format!("unknown status {other:?} (已挂牌 or 已认证)")),
    }
}

/// A stable id from district and name (FNV-1a), for rows without an id.
fn derived_id(district: &str, name: &str) -> String {
    let mut h: u32 = 0x811C_9DC5;
    for b in name.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    format!("gz-{district}-{:06x}", h & 0xFF_FFFF)
}

fn rows_to_spaces(table: Vec<Vec<Cell>>, crs: Crs, boundaries: &Boundaries, streets: &[Street]) -> Result<Imported, ImportError> {
    let mut rows = table.into_iter().enumerate().skip_while(|(_, r)| r.iter().all(|c| c.text.trim().is_empty()));
    let (_, header) = rows.next().ok_or(ImportError::Empty)?;
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.len());
    let mut imported = Imported::default();
    for cell in &header {
        let h = normalize_header(&cell.text);
        let found = HEADERS.iter().find(|(_, aliases)| aliases.iter().any(|a| *a == h)).map(|(c, _)| *c);
        if found.is_none() && !h.is_empty() {
            imported.unknown_headers.push(cell.text.trim().to_string());
        }
        columns.push(found);
    }
    for required in REQUIRED {
        if !columns.contains(&Some(required)) {
            let aliases = HEADERS.iter().find(|(c, _)| *c == required).map(|(_, a)| a.join(" / ")).unwrap_or_default();
            return Err(ImportError::MissingColumn(format!("{required:?}"), aliases));
        }
    }
    let header_text = |col: Column| -> String {
        columns.iter().position(|c| *c == Some(col)).map(|i| header[i].text.trim().to_string()).unwrap_or_else(|| format!("{col:?}"))
    };

    let mut ids = HashSet::new();
    for (index, row) in rows {
        let row_number = index + 1;
        if row.iter().all(|c| c.text.trim().is_empty()) {
            continue;
        }
        let reject = |column: String, reason: String| RowError { row: row_number, column, reason };
        if let Some(i) = row.iter().position(|c| c.formula) {
            let column = header.get(i).map(|h| h.text.trim().to_string()).unwrap_or_else(|| format!("column {}", i + 1));
            imported.rejected.push(reject(column, "the cell holds a formula; paste values only".into()));
            continue;
        }
        let get = |col: Column| -> String {
            columns.iter().position(|c| *c == Some(col)).and_then(|i| row.get(i)).map(|c| c.text.trim().to_string()).unwrap_or_default()
        };
        match build_space(&get, crs) {
            Err((col, reason)) => imported.rejected.push(reject(header_text(col), reason)),
            Ok(mut space) => {
                let problems = check_space(&space).err().into_iter().chain(validate_record(&space, boundaries, streets).errors).next();
                if let Some(p) = problems {
                    let column = match p.field.as_str() {
                        "location" => format!("{}/{}", header_text(Column::Lng), header_text(Column::Lat)),
                        field => HEADERS
                            .iter()
                            .find(|(_, aliases)| aliases.contains(&field) || (field == "opening_hours" && aliases.contains(&"hours")))
                            .map(|(c, _)| header_text(*c))
                            .unwrap_or(p.field.clone()),
                    };
                    imported.rejected.push(reject(column, p.reason));
                } else if !ids.insert(space.id.clone()) {
                    imported.rejected.push(reject(header_text(Column::Id), format!("id {} appears on an earlier row", space.id)));
                } else {
                    space.keys = search_keys(&space);
                    imported.spaces.push(space);
                }
            }
        }
    }
    Ok(imported)
}

fn build_space(get: &dyn Fn(Column) -> String, crs: Crs) -> Result<Space, (Column, String)> {
    let required = |col: Column| {
        let v = get(col);
        if v.is_empty() {
            Err((col, "empty".to_string()))
        } else {
            Ok(v)
        }
    };
    let name = required(Column::Name)?;
    let district_text = required(Column::District)?;
    let district = district_code(&district_text).ok_or((Column::District, format!("unknown district {district_text:?}")))?;
    let number = |col: Column| {
        let v = required(col)?;
        v.parse::<f64>().ok().filter(|f| f.is_finite()).ok_or((col, format!("{v:?} is not a number")))
    };
    let (lng, lat) = (number(Column::Lng)?, number(Column::Lat)?);
    if (100.0..140.0).contains(&lat) && (10.0..60.0).contains(&lng) {
        return Err((Column::Lng, format!("longitude {lng} and latitude {lat} look swapped")));
    }
    let p = to_wgs84(LatLng { lat, lng }, crs);
    let location = LatLng { lat: (p.lat * 1e6).round() / 1e6, lng: (p.lng * 1e6).round() / 1e6 };
    let services = service_ids(&required(Column::Services)?).map_err(|e| (Column::Services, e))?;
    let status = status_of(&get(Column::Status)).map_err(|e| (Column::Status, e))?;
    let certified_on = Some(get(Column::CertifiedOn)).filter(|s| !s.is_empty());
    let id = Some(get(Column::Id)).filter(|s| !s.is_empty()).unwrap_or_else(|| derived_id(district, &name));
    Ok(Space {
        id,
        name,
        name_en: Some(get(Column::NameEn)).filter(|s| !s.is_empty()),
        district: district.into(),
        street: get(Column::Street),
        address: required(Column::Address)?,
        location,
        status,
        certified_on,
        services,
        opening_hours: get(Column::Hours),
        phone: get(Column::Phone),
        organization: get(Column::Organization),
        accessibility: get(Column::Accessibility),
        last_verified: get(Column::LastVerified),
        keys: SearchKeys::default(),
    })
}

/// Reads the whole of a reader, refusing more than [`MAX_BYTES`].
pub fn read_limited(mut r: impl Read) -> Result<Vec<u8>, ImportError> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(MAX_BYTES as u64 + 1).read_to_end(&mut buf).map_err(|e| ImportError::Csv(e.to_string()))?;
    if n > MAX_BYTES {
        return Err(ImportError::TooLarge { size: n, limit: MAX_BYTES });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::coords::from_wgs84;
    use crate::tools::streets::streets;

    fn boundaries() -> Boundaries {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson")).expect("parses")
    }

    fn run(bytes: &[u8], format: Format, crs: Crs) -> Result<Imported, ImportError> {
        import(bytes, format, crs, &boundaries(), &streets())
    }

    #[test]
    fn good_and_bad_csv_rows() {
        let out = run(include_bytes!("../../tests/fixtures/editors.csv"), Format::Csv, Crs::Wgs84).expect("reads");
        let names: Vec<_> = out.spaces.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["番禺区沙湾街慈善空间", "天河区石牌街慈善空间"]);
        let rows: Vec<(usize, &str)> = out.rejected.iter().map(|r| (r.row, r.column.as_str())).collect();
        assert_eq!(rows, [(4, "所属区"), (5, "经度"), (6, "服务类型"), (7, "经度/纬度"), (8, "联系电话")]);
        assert!(out.spaces[0].keys.py.contains("panyu"));
        assert_eq!(out.spaces[0].status, Status::Certified);
    }

    #[test]
    fn gbk_csv_reads_like_utf8() {
        let text = std::str::from_utf8(include_bytes!("../../tests/fixtures/editors.csv")).expect("utf8");
        let (gbk, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        let a = run(&gbk, Format::Csv, Crs::Wgs84).expect("gbk reads");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let b = run(&bom, Format::Csv, Crs::Wgs84).expect("bom reads");
        assert_eq!(a, b);
        assert_eq!(a.spaces.len(), 2);
    }

    #[test]
    fn mixed_encodings_are_refused() {
        let mut bytes = "名称,所属区\n沙湾,番禺区\n".as_bytes().to_vec();
        bytes.extend_from_slice(&encoding_rs::GBK.encode("石牌,天河区\n").0);
        assert!(matches!(run(&bytes, Format::Csv, Crs::Wgs84), Err(ImportError::Encoding(m)) if m.contains("mixed")));
    }

    #[test]
    fn gcj02_input_is_converted() {
        let wgs = LatLng { lat: 22.93, lng: 113.33 };
        let gcj = from_wgs84(wgs, Crs::Gcj02);
        let csv = format!("名称,所属区,街道,地址,经度,纬度,服务类型\n某空间,番禺区,沙湾街道,某路1号,{},{},长者关爱\n", gcj.lng, gcj.lat);
        let out = run(csv.as_bytes(), Format::Csv, Crs::Gcj02).expect("reads");
        let p = out.spaces[0].location;
        assert!((p.lat - wgs.lat).abs() < 2e-6 && (p.lng - wgs.lng).abs() < 2e-6, "{p:?}");
    }

    #[test]
    fn english_headers_and_formulas() {
        let csv = "Name,District,Street,Address,Lng,Lat,Services,Phone\nA,Panyu,沙湾,Rd 1,113.33,22.93,elderly,020-12345678\nB,Panyu,沙湾,Rd 2,113.33,22.93,=HYPERLINK(\"x\"),1\n";
        let out = run(csv.as_bytes(), Format::Csv, Crs::Wgs84).expect("reads");
        assert_eq!(out.spaces.len(), 1);
        assert_eq!(out.rejected[0].row, 3);
        assert!(out.rejected[0].reason.contains("formula"));
    }

    #[test]
    fn missing_required_column() {
        let err = run("名称,地址\nA,B\n".as_bytes(), Format::Csv, Crs::Wgs84).expect_err("no district");
        assert!(matches!(err, ImportError::MissingColumn(..)));
    }

    #[test]
    fn xlsx_good_bad_and_formula_rows() {
        let out = run(include_bytes!("../../tests/fixtures/editors.xlsx"), Format::Xlsx, Crs::Wgs84).expect("reads");
        assert_eq!(out.spaces.len(), 2, "{:?}", out.rejected);
        let rows: Vec<(usize, &str)> = out.rejected.iter().map(|r| (r.row, r.column.as_str())).collect();
        assert_eq!(rows, [(4, "所属区"), (5, "纬度")]);
        assert!(out.rejected[1].reason.contains("formula"));
    }

    #[test]
    fn csv_export_round_trips() {
        let data = crate::domain::load::parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset.spaces;
        let panyu: Vec<&Space> = data.iter().filter(|s| s.district == "440113").collect();
        let csv = crate::domain::export::to_csv(panyu.iter().copied());
        let back = run(csv.as_bytes(), Format::Csv, Crs::Wgs84).expect("reads");
        assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        assert_eq!(back.spaces.len(), panyu.len());
        for (a, b) in panyu.iter().zip(&back.spaces) {
            assert_eq!(*a, b);
        }
    }

    #[test]
    fn hostile_inputs_fail_clearly() {
        assert!(matches!(run(&vec![b'a'; MAX_BYTES + 1], Format::Csv, Crs::Wgs84), Err(ImportError::TooLarge { .. })));
        assert!(matches!(run(b"not a zip", Format::Xlsx, Crs::Wgs84), Err(ImportError::Xlsx(_))));
        assert!(
            matches!(run(include_bytes!("../../tests/fixtures/zip-bomb.xlsx"), Format::Xlsx, Crs::Wgs84), Err(ImportError::Xlsx(m)) if m.contains("zip bomb"))
        );
        assert!(matches!(run(b"", Format::Csv, Crs::Wgs84), Err(ImportError::Empty)));
    }
}
