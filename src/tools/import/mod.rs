//! `spaces import`: reads the spreadsheet a district office sends (CSV in UTF-8 or GBK, or XLSX)
//! into dataset records, the way an editor writes it: the list may sit under title rows, on any
//! sheet, with annotated headers, merged cells, Excel date and number cells, and hours and phones
//! as people write them.
//!
//! Only a missing or invalid name, district or position rejects a row; any other problem keeps
//! the row, leaves that field empty or as written, and is reported as a warning. Every problem
//! names the row as Excel numbers it and the column as the file writes it ([`messages`]).
//! Nothing is ever decided silently: two columns for one field, or a coordinate system named
//! twice differently, stop the import with an error.

pub mod forms;
pub mod headers;
pub mod hours_zh;
pub mod messages;
pub mod table;

use std::collections::HashMap;
use std::io::Read;

use crate::domain::boundaries::Boundaries;
use crate::domain::coords::{to_wgs84, Crs};
use crate::domain::export::{Column, HEADERS};
use crate::domain::load::GUANGZHOU_BBOX;
use crate::domain::model::{LatLng, SearchKeys, Space, Status};

use super::keys::search_keys;
use super::streets::Street;
use super::validate::BORDER_WARNING_M;
use headers::{read_header, Header};
use messages::{crs_label, Finding, Kind, Lang};
use table::{column_index, column_letters, Cell, Sheet};

/// The largest file the importer reads.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The largest number of data rows.
pub const MAX_ROWS: usize = 200_000;
/// How far down a sheet the header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;
/// The columns without which no row can be a space.
const REQUIRED: [Column; 4] = [Column::Name, Column::District, Column::Lng, Column::Lat];
/// First words of the notes and totals rows offices put under a list.
const NOTE_WORDS: [&str; 12] = ["备注", "注：", "注:", "说明", "合计", "总计", "小计", "共计", "填表", "制表", "审核人", "联系人："];

/// One column found in the header row: its index (0 = A), its header as written, and whether
/// the column is hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundColumn {
    pub index: usize,
    pub header: String,
    pub hidden: bool,
}

impl FoundColumn {
    /// `L「联系电话」（隐藏）` / `L "联系电话" (hidden)`.
    pub fn describe(&self, lang: Lang) -> String {
        let letter = column_letters(self.index);
        match (lang, self.hidden) {
            (Lang::Zh, false) => format!("{letter} 列「{}」", self.header),
            (Lang::Zh, true) => format!("{letter} 列「{}」（隐藏列）", self.header),
            (Lang::En, false) => format!("column {letter} \"{}\"", self.header),
            (Lang::En, true) => format!("column {letter} \"{}\" (hidden)", self.header),
        }
    }
}

/// Why a whole file could not be imported. Nothing is written then.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the file has {0} data rows; the limit is {MAX_ROWS}")]
    TooManyRows(usize),
    #[error("sheet {sheet} uses cell {cell}, beyond the {MAX_ROWS} rows and {} columns read", table::MAX_COLUMNS)]
    SheetTooLarge { sheet: String, cell: String },
    #[error("the file's text encoding is {0}")]
    Encoding(String),
    #[error("the CSV cannot be read: {0}")]
    Csv(String),
    #[error("the XLSX cannot be read: {0}")]
    Xlsx(String),
    #[error("{0} unpacks to more than the limit or than the archive declares: refused as a possible zip bomb")]
    ZipBomb(String),
    #[error("no header row with the required columns")]
    MissingColumns { sheet: String, row: usize, missing: Vec<&'static str>, found: Vec<String> },
    #[error("two columns for one field")]
    DuplicateColumns { field: &'static str, columns: Vec<FoundColumn> },
    #[error("--use-column {0} names no column of the header row")]
    UnknownUseColumn(String),
    #[error("the coordinate systems named disagree")]
    CrsConflict { option: Option<Crs>, headers: Vec<(String, Crs)> },
    #[error("no sheet {0}")]
    NoSheet(String),
    #[error("the file is empty")]
    Empty,
}

impl ImportError {
    /// The message for an editor, with what to do.
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            ImportError::TooLarge { size, limit } if zh => {
                format!("文件有 {size} 字节，超过上限 {limit} 字节；请删去多余的工作表或拆分文件")
            }
            ImportError::TooLarge { size, limit } => {
                format!("the file is {size} bytes, over the limit of {limit}; remove unused sheets or split it")
            }
            ImportError::TooManyRows(n) if zh => format!("文件有 {n} 行数据，超过上限 {MAX_ROWS} 行"),
            ImportError::SheetTooLarge { sheet, cell } if zh => format!(
                "工作表「{sheet}」用到了单元格 {cell}，超出可读取的范围（{MAX_ROWS} 行、{} 列）；请删去表格右侧和下方多余的内容后另存",
                table::MAX_COLUMNS
            ),
            ImportError::Encoding(m) if zh => format!("文件的文字编码无法读取（{m}）；请在 Excel 中另存为「CSV UTF-8」"),
            ImportError::Csv(m) if zh => format!("CSV 无法读取：{m}"),
            ImportError::Xlsx(m) if zh => format!("XLSX 无法读取：{m}"),
            ImportError::ZipBomb(entry) if zh => {
                format!("文件中的「{entry}」解压后过大或与声明的大小不符，疑为压缩炸弹，已拒绝；请在 Excel 中重新另存")
            }
            ImportError::MissingColumns { sheet, row, missing, found } => {
                let sheet = if sheet.is_empty() {
                    String::new()
                } else if zh {
                    format!("工作表「{sheet}」")
                } else {
                    format!("sheet \"{sheet}\", ")
                };
                if zh {
                    format!(
                        "找不到必填的列：{}。最像表头的是{sheet}第 {row} 行，其中的列：{}。请把表头改成 名称、所属区、经度、纬度（可加注释，如 经度(高德)）",
                        missing.join("、"),
                        if found.is_empty() { "（无）".to_string() } else { found.join("、") }
                    )
                } else {
                    format!(
                        "no column for: {}. The likeliest header row is {sheet}row {row}, with: {}. Name the columns 名称, 所属区, 经度, 纬度 (notes allowed, e.g. 经度(高德))",
                        missing.join(", "),
                        if found.is_empty() { "(none)".to_string() } else { found.join(", ") }
                    )
                }
            }
            ImportError::DuplicateColumns { field, columns } => {
                let list: Vec<String> = columns.iter().map(|c| c.describe(lang)).collect();
                let first = column_letters(columns[0].index);
                if zh {
                    format!(
                        "「{field}」有 {} 列：{}。请删去不用的列，或用 --use-column {first} 指定要用的一列",
                        columns.len(),
                        list.join("、")
                    )
                } else {
                    format!(
                        "{} columns are \"{field}\": {}. Delete the one not to use, or choose one with --use-column {first}",
                        columns.len(),
                        list.join(", ")
                    )
                }
            }
            ImportError::UnknownUseColumn(c) if zh => format!("--use-column {c}：表头中没有这一列（请写列字母，如 L，或表头文字）"),
            ImportError::CrsConflict { option, headers } => {
                let named: Vec<String> = headers.iter().map(|(h, c)| format!("「{h}」→ {}", crs_label(*c, lang))).collect();
                match (zh, option) {
                    (true, Some(o)) => {
                        format!("命令行指定 --crs {}，但表头写的是 {}；请去掉其中一个", crs_label(*o, lang), named.join("、"))
                    }
                    (true, None) => format!("表头写了不同的坐标系：{}；经度和纬度须来自同一地图", named.join("、")),
                    (false, Some(o)) => {
                        format!("--crs says {}, but the headers say {}; remove one of them", crs_label(*o, lang), named.join(", "))
                    }
                    (false, None) => {
                        format!("the headers name different coordinate systems: {}; both must come from one map", named.join(", "))
                    }
                }
            }
            ImportError::NoSheet(s) if zh => format!("没有名为「{s}」的工作表"),
            ImportError::Empty if zh => "文件是空的".into(),
            other => other.to_string(),
        }
    }
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

/// What the editor chose on the command line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The coordinate system of the positions; else the headers' annotation; else WGS-84.
    pub crs: Option<Crs>,
    /// The sheet to read (its name or its number from 1); else the one with the list.
    pub sheet: Option<String>,
    /// Columns to use where two name one field (letters such as `L`, or the header text).
    pub use_columns: Vec<String>,
}

/// Where the coordinate system came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrsSource {
    Option,
    Header,
    Assumed,
}

/// How the file was read, for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The sheet read (empty for a CSV).
    pub sheet: String,
    /// The header row as Excel numbers it.
    pub header_row: usize,
    pub crs: Crs,
    pub crs_source: CrsSource,
    /// Data rows read (blank rows not counted), kept and rejected.
    pub rows_read: usize,
    pub rows_kept: usize,
    pub rows_rejected: usize,
    /// Columns that match no field, and extra columns left out by choice, described.
    pub ignored_columns: Vec<FoundColumn>,
    /// Optional fields with no column in the file.
    pub absent_fields: Vec<&'static str>,
    /// Notes and totals rows skipped: row number and first text.
    pub skipped_rows: Vec<(usize, String)>,
}

/// The spaces read, every problem found, and how the file was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub spaces: Vec<Space>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Imported {
    /// The problems that rejected rows.
    pub fn rejections(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.kind.rejects())
    }

    /// The problems in rows that were kept.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.kind.rejects())
    }
}

/// Imports a spreadsheet's bytes.
pub fn import(
    bytes: &[u8],
    format: Format,
    options: &Options,
    boundaries: &Boundaries,
    streets: &[Street],
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len(), limit: MAX_BYTES });
    }
    let sheets = match format {
        Format::Csv => vec![table::read_csv(&decode_text(bytes)?)?],
        Format::Xlsx => table::read_xlsx(bytes)?,
    };
    let (sheet, header_row) = find_list(&sheets, options.sheet.as_deref())?;
    Reader::new(sheet, header_row, options, boundaries, streets)?.read()
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
                return Err(ImportError::Encoding("mixed: most of it is UTF-8 but some bytes are not".into()));
            }
            encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|s| s.into_owned())
                .ok_or_else(|| ImportError::Encoding("neither UTF-8 nor GBK/GB18030".into()))
        }
    }
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

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(|c| c.text.clone()).collect()
}

/// The sheet and header row with the most known headers (visible sheets before hidden ones,
/// then the first); or the sheet the editor named.
fn find_list<'a>(sheets: &'a [Sheet], chosen: Option<&str>) -> Result<(&'a Sheet, usize), ImportError> {
    let candidates: Vec<&Sheet> = match chosen {
        Some(name) => {
            let by_number = name.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| sheets.get(i));
            vec![sheets.iter().find(|s| s.name == name).or(by_number).ok_or_else(|| ImportError::NoSheet(name.to_string()))?]
        }
        None => sheets.iter().filter(|s| !s.hidden).chain(sheets.iter().filter(|s| s.hidden)).collect(),
    };
    let mut best: Option<(usize, &Sheet, usize)> = None;
    for sheet in candidates {
        for (i, row) in sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
            let score = headers::score(&texts(row));
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, sheet, i));
            }
        }
    }
    let (_, sheet, row) = best.ok_or(ImportError::Empty)?;
    if sheet.rows.iter().all(|r| r.iter().all(|c| c.text.trim().is_empty())) {
        return Err(ImportError::Empty);
    }
    Ok((sheet, row))
}

/// A field's name as the export's header writes it (for messages).
fn field_name(column: Column) -> &'static str {
    HEADERS.iter().find(|(c, _)| *c == column).map_or("", |(_, names)| names[0])
}

/// Reads the rows of one sheet under its header row.
struct Reader<'a> {
    sheet: &'a Sheet,
    header_row: usize,
    columns: HashMap<Column, FoundColumn>,
    /// Longitude and latitude come from one cell (a `经纬度` column), held under both.
    combined_position: bool,
    crs: Crs,
    summary: Summary,
    boundaries: &'a Boundaries,
    streets: &'a [Street],
}

impl<'a> Reader<'a> {
    fn new(
        sheet: &'a Sheet,
        header_row: usize,
        options: &Options,
        boundaries: &'a Boundaries,
        streets: &'a [Street],
    ) -> Result<Self, ImportError> {
        let header = &sheet.rows[header_row];
        let found = |index: usize| FoundColumn {
            index,
            header: header[index].text.split_whitespace().collect::<Vec<_>>().join(" "),
            hidden: sheet.hidden_columns.contains(&index),
        };
        let mut by_field: Vec<(Column, FoundColumn, Option<Crs>)> = Vec::new();
        let mut ignored = Vec::new();
        let mut positions = Vec::new();
        for (index, cell) in header.iter().enumerate() {
            match read_header(&cell.text) {
                Header::Column(c, crs) => by_field.push((c, found(index), crs)),
                Header::Position(crs) => positions.push((found(index), crs)),
                Header::Extra | Header::Unknown => ignored.push(found(index)),
                Header::Blank => {}
            }
        }
        // The columns the editor chose, where two name one field.
        let mut chosen: Vec<usize> = Vec::new();
        for wanted in &options.use_columns {
            let index = column_index(wanted)
                .filter(|i| by_field.iter().any(|(_, f, _)| f.index == *i))
                .or_else(|| by_field.iter().find(|(_, f, _)| f.header == wanted.trim()).map(|(_, f, _)| f.index))
                .ok_or_else(|| ImportError::UnknownUseColumn(wanted.clone()))?;
            chosen.push(index);
        }
        let mut columns: HashMap<Column, FoundColumn> = HashMap::new();
        let mut header_crs: Vec<(String, Crs)> = Vec::new();
        for (column, _, _) in &by_field {
            if columns.contains_key(column) {
                continue;
            }
            let all: Vec<&(Column, FoundColumn, Option<Crs>)> = by_field.iter().filter(|(c, _, _)| c == column).collect();
            let pick = match all.as_slice() {
                [one] => one,
                many => match many.iter().find(|(_, f, _)| chosen.contains(&f.index)) {
                    Some(p) => {
                        ignored.extend(many.iter().filter(|(_, f, _)| f.index != p.1.index).map(|(_, f, _)| f.clone()));
                        p
                    }
                    None => {
                        return Err(ImportError::DuplicateColumns {
                            field: field_name(*column),
                            columns: many.iter().map(|(_, f, _)| f.clone()).collect(),
                        })
                    }
                },
            };
            if let Some(crs) = pick.2 {
                header_crs.push((pick.1.header.clone(), crs));
            }
            columns.insert(*column, pick.1.clone());
        }
        // A `经纬度` column stands for both when the file has neither 经度 nor 纬度.
        let combined_position = !columns.contains_key(&Column::Lng) && !columns.contains_key(&Column::Lat) && !positions.is_empty();
        match positions.as_slice() {
            [(position, crs)] if combined_position => {
                columns.insert(Column::Lng, position.clone());
                columns.insert(Column::Lat, position.clone());
                if let Some(crs) = crs {
                    header_crs.push((position.header.clone(), *crs));
                }
            }
            [_, _, ..] if combined_position => {
                return Err(ImportError::DuplicateColumns { field: "经纬度", columns: positions.into_iter().map(|(f, _)| f).collect() });
            }
            _ => ignored.extend(positions.into_iter().map(|(f, _)| f)),
        }
        let missing: Vec<&'static str> = REQUIRED.iter().filter(|c| !columns.contains_key(c)).map(|c| field_name(*c)).collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                sheet: sheet.name.clone(),
                row: header_row + 1,
                missing,
                found: header.iter().map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty()).collect(),
            });
        }
        let named = header_crs.first().map(|(_, c)| *c);
        if header_crs.iter().any(|(_, c)| Some(*c) != named) || options.crs.is_some_and(|o| named.is_some_and(|n| n != o)) {
            return Err(ImportError::CrsConflict { option: options.crs, headers: header_crs });
        }
        let (crs, crs_source) = match (options.crs, named) {
            (Some(c), _) => (c, CrsSource::Option),
            (None, Some(c)) => (c, CrsSource::Header),
            (None, None) => (Crs::Wgs84, CrsSource::Assumed),
        };
        // Ids are made where there are none, and the hours as written come with converted ones.
        let absent_fields = HEADERS
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| !columns.contains_key(c) && !matches!(c, Column::Id | Column::HoursText))
            .map(field_name)
            .collect();
        let summary = Summary {
            sheet: sheet.name.clone(),
            header_row: header_row + 1,
            crs,
            crs_source,
            rows_read: 0,
            rows_kept: 0,
            rows_rejected: 0,
            ignored_columns: ignored,
            absent_fields,
            skipped_rows: Vec::new(),
        };
        Ok(Reader { sheet, header_row, columns, combined_position, crs, summary, boundaries, streets })
    }

    fn read(mut self) -> Result<Imported, ImportError> {
        let mut spaces: Vec<Space> = Vec::new();
        let mut findings = Vec::new();
        // Id → the row it was first on; (district, street, name) → row.
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut names: HashMap<(String, String, String), usize> = HashMap::new();
        for (index, row) in self.sheet.rows.iter().enumerate().skip(self.header_row + 1) {
            if row.iter().all(|c| c.text.trim().is_empty()) {
                continue;
            }
            let number = index + 1;
            if let Some(note) = self.note_row(row) {
                self.summary.skipped_rows.push((number, note));
                continue;
            }
            self.summary.rows_read += 1;
            let mut row_reader = Row { reader: &self, cells: row, number, findings: Vec::new() };
            let space = row_reader.space();
            let mut row_findings = row_reader.findings;
            match space {
                Some(mut space) if !row_findings.iter().any(|f| f.kind.rejects()) => {
                    if self.sheet.hidden_rows.contains(&index) {
                        row_findings.push(self.finding(number, Column::Name, &space.name, Kind::HiddenRow));
                    }
                    let key = (space.district.to_string(), space.street.clone(), space.name.clone());
                    if let Some(first) = names.get(&key).copied().filter(|_| self.cell(row, Column::Id).is_empty()) {
                        row_findings.push(self.finding(number, Column::Name, &space.name, Kind::SameNameAndStreet { row: first }));
                    }
                    names.entry(key).or_insert(number);
                    if let Some(first) = ids.get(&space.id).copied() {
                        let written = (2..).map(|n| format!("{}-{n}", space.id)).find(|id| !ids.contains_key(id)).unwrap_or_default();
                        if !self.cell(row, Column::Id).is_empty() {
                            row_findings.push(self.finding(
                                number,
                                Column::Id,
                                &space.id,
                                Kind::DuplicateId { row: first, written: written.clone() },
                            ));
                        }
                        space.id = written;
                    }
                    ids.insert(space.id.clone(), number);
                    space.keys = search_keys(&space);
                    spaces.push(space);
                    self.summary.rows_kept += 1;
                }
                _ => self.summary.rows_rejected += 1,
            }
            findings.extend(row_findings);
        }
        Ok(Imported { spaces, findings, summary: self.summary })
    }

    /// A notes or totals row under the list (`备注：…`, `合计 12 个`): its first text.
    fn note_row(&self, row: &[Cell]) -> Option<String> {
        let first = row.iter().map(|c| c.text.trim()).find(|t| !t.is_empty())?;
        let has_position = if self.combined_position {
            forms::position_pair(&self.cell(row, Column::Lng)).is_some()
        } else {
            [Column::Lng, Column::Lat].iter().all(|c| forms::coordinate(&self.cell(row, *c)).is_some())
        };
        (!has_position && NOTE_WORDS.iter().any(|w| first.starts_with(w))).then(|| first.chars().take(40).collect())
    }

    fn cell(&self, row: &[Cell], column: Column) -> String {
        self.columns.get(&column).and_then(|f| row.get(f.index)).map(|c| c.text.trim().to_string()).unwrap_or_default()
    }

    fn finding(&self, row: usize, column: Column, value: &str, kind: Kind) -> Finding {
        let header = |c: Column| self.columns.get(&c).map_or_else(|| field_name(c).to_string(), |f| f.header.clone());
        let position = matches!(kind, Kind::Swapped | Kind::OutsideGuangzhou { .. } | Kind::WrongDistrict { .. } | Kind::NearBorder { .. });
        let column = match (position, self.combined_position) {
            (true, false) => format!("{}/{}", header(Column::Lng), header(Column::Lat)),
            _ => header(column),
        };
        Finding { row, column, value: value.to_string(), kind }
    }
}

/// One data row being read into a space.
struct Row<'r, 'a> {
    reader: &'r Reader<'a>,
    cells: &'r [Cell],
    number: usize,
    findings: Vec<Finding>,
}

impl Row<'_, '_> {
    fn flag(&mut self, column: Column, value: &str, kind: Kind) {
        let f = self.reader.finding(self.number, column, value, kind);
        self.findings.push(f);
    }

    /// A cell's text; a formula cell is reported and read as empty.
    fn get(&mut self, column: Column) -> String {
        let Some(found) = self.reader.columns.get(&column) else { return String::new() };
        let cell = self.cells.get(found.index).cloned().unwrap_or_default();
        if cell.formula {
            let kind = if REQUIRED.contains(&column) { Kind::Formula } else { Kind::FormulaDropped };
            self.flag(column, cell.text.trim(), kind);
            return String::new();
        }
        if cell.escaped {
            return cell.text;
        }
        cell.text.trim().to_string()
    }

    fn has(&self, column: Column) -> bool {
        self.reader.columns.contains_key(&column)
    }

    /// A required cell: empty is reported (a formula already was).
    fn required(&mut self, column: Column) -> Option<String> {
        let formula = self.reader.columns.get(&column).and_then(|f| self.cells.get(f.index)).is_some_and(|c| c.formula);
        let v = self.get(column);
        if v.is_empty() && !formula {
            self.flag(column, "", Kind::Missing);
        }
        (!v.is_empty()).then_some(v)
    }

    fn coordinate(&mut self, column: Column) -> Option<f64> {
        let v = self.required(column)?;
        let number = forms::coordinate(&v);
        if number.is_none() {
            self.flag(column, &v, Kind::NotANumber);
        }
        number
    }

    /// Longitude and latitude from one `经纬度` cell ([`forms::position_pair`]).
    fn position_pair(&mut self) -> (Option<f64>, Option<f64>) {
        let Some(v) = self.required(Column::Lng) else { return (None, None) };
        match forms::position_pair(&v) {
            Some((lng, lat)) => (Some(lng), Some(lat)),
            None => {
                self.flag(Column::Lng, &v, Kind::NotAPosition);
                (None, None)
            }
        }
    }

    /// The space this row describes, or `None` when a required field rejects it (each problem
    /// reported). Every field is read, so that every problem of the row is reported at once.
    fn space(&mut self) -> Option<Space> {
        let name = self.required(Column::Name);
        let district_text = self.required(Column::District);
        let district = district_text.as_deref().and_then(|d| match forms::district_code(d) {
            Some(code) => Some(code),
            None => {
                self.flag(Column::District, d, Kind::UnknownDistrict);
                None
            }
        });
        let (lng, lat) =
            if self.reader.combined_position { self.position_pair() } else { (self.coordinate(Column::Lng), self.coordinate(Column::Lat)) };
        let location = self.location(lng, lat, district);
        let street = self.street(district);
        let address = self.get(Column::Address);
        if address.is_empty() && self.has(Column::Address) {
            self.flag(Column::Address, "", Kind::NoAddress);
        }
        let services = self.services();
        let (status, certified_on) = self.status();
        let (opening_hours, hours_text) = self.hours();
        let phone = self.phone();
        let languages = self.languages();
        let last_verified = self.date(Column::LastVerified);
        let id = self.get(Column::Id);
        let (name, district, location) = (name?, district?, location?);
        let street = street.unwrap_or_default();
        let id = if id.is_empty() { derived_id(district, &street, &name) } else { id };
        Some(Space {
            id,
            name_en: Some(self.get(Column::NameEn)).filter(|s| !s.is_empty()),
            name,
            district: district.into(),
            street,
            address,
            location,
            status,
            certified_on,
            services,
            opening_hours,
            hours_text,
            phone,
            organization: self.get(Column::Organization),
            accessibility: self.get(Column::Accessibility),
            eligibility_description: self.get(Column::Eligibility),
            fees_description: forms::fees(&self.get(Column::Fees)),
            required_documents: forms::documents(&self.get(Column::Documents)),
            languages,
            last_verified,
            keys: SearchKeys::default(),
        })
    }

    /// The WGS-84 position, checked against the district's boundary.
    fn location(&mut self, lng: Option<f64>, lat: Option<f64>, district: Option<&'static str>) -> Option<LatLng> {
        let (lng, lat) = (lng?, lat?);
        let written = format!("{lng}, {lat}");
        if (100.0..140.0).contains(&lat) && (10.0..60.0).contains(&lng) {
            self.flag(Column::Lng, &written, Kind::Swapped);
            return None;
        }
        let crs = self.reader.crs;
        let p = to_wgs84(LatLng { lat, lng }, crs);
        let location = LatLng { lat: (p.lat * 1e6).round() / 1e6, lng: (p.lng * 1e6).round() / 1e6 };
        if !GUANGZHOU_BBOX.contains(location.lat, location.lng) {
            self.flag(Column::Lng, &written, Kind::OutsideGuangzhou { crs });
            return None;
        }
        let district = district?;
        match self.reader.boundaries.locate(location) {
            Some(found) if found == district => {
                let metres = self.reader.boundaries.get(found).map_or(f64::MAX, |s| s.distance_to_border_m(location));
                if metres < BORDER_WARNING_M {
                    self.flag(Column::Lng, &written, Kind::NearBorder { metres: metres as u32 });
                }
                Some(location)
            }
            Some(found) => {
                self.flag(Column::Lng, &written, Kind::WrongDistrict { found: found.to_string(), crs });
                None
            }
            None => {
                self.flag(Column::Lng, &written, Kind::OutsideGuangzhou { crs });
                None
            }
        }
    }

    fn street(&mut self, district: Option<&str>) -> Option<String> {
        let v = self.get(Column::Street);
        if v.is_empty() {
            if self.has(Column::Street) {
                self.flag(Column::Street, "", Kind::NoStreet);
            }
            return None;
        }
        match district.and_then(|d| forms::official_street(self.reader.streets, d, &v)) {
            Some(official) => Some(official.to_string()),
            None => {
                if district.is_some() {
                    self.flag(Column::Street, &v, Kind::UnknownStreet);
                }
                Some(v)
            }
        }
    }

    fn services(&mut self) -> Vec<crate::domain::model::Code> {
        let v = self.get(Column::Services);
        let (ids, unknown) = forms::services(&v);
        if !unknown.is_empty() {
            self.flag(Column::Services, &v, Kind::UnknownServices { items: unknown });
        }
        if ids.is_empty() && self.has(Column::Services) {
            self.flag(Column::Services, &v, Kind::NoService);
        }
        ids
    }

    fn languages(&mut self) -> Vec<crate::domain::model::Code> {
        let v = self.get(Column::Languages);
        let (codes, unknown) = forms::languages(&v);
        if !unknown.is_empty() {
            self.flag(Column::Languages, &v, Kind::UnknownLanguages { items: unknown });
        }
        codes
    }

    fn status(&mut self) -> (Status, Option<String>) {
        let v = self.get(Column::Status);
        let status = forms::status(&v).unwrap_or_else(|| {
            self.flag(Column::Status, &v, Kind::UnknownStatus);
            Status::Registered
        });
        let date = self.get(Column::CertifiedOn);
        let kind = match (status, date.is_empty()) {
            (Status::Certified, false) => match forms::date(&date) {
                Some(iso) => return (status, Some(iso)),
                None => Kind::BadDate,
            },
            (Status::Certified, true) => Kind::CertifiedWithoutDate,
            (Status::Registered, false) => Kind::DateOnRegistered,
            (Status::Registered, true) => return (status, None),
        };
        self.flag(Column::CertifiedOn, &date, kind);
        (status, None)
    }

    /// A date cell as `YYYY-MM-DD`; an unreadable one is reported and left empty.
    fn date(&mut self, column: Column) -> String {
        let v = self.get(column);
        if v.is_empty() {
            return v;
        }
        forms::date(&v).unwrap_or_else(|| {
            self.flag(column, &v, Kind::BadDate);
            String::new()
        })
    }

    /// The OSM form of the hours and the text as written (kept when they differ).
    fn hours(&mut self) -> (String, String) {
        let v = self.get(Column::Hours);
        let written = self.get(Column::HoursText);
        if v.is_empty() {
            return (String::new(), written);
        }
        match hours_zh::to_osm(&v) {
            Some(osm) if osm == v => (osm, written),
            Some(osm) => (osm, v),
            None => {
                self.flag(Column::Hours, &v, Kind::UnreadableHours);
                (String::new(), v)
            }
        }
    }

    fn phone(&mut self) -> String {
        let v = self.get(Column::Phone);
        if v.is_empty() {
            return v;
        }
        match forms::phone(&v) {
            Some(p) => {
                if p.restored_zero {
                    self.flag(Column::Phone, &v, Kind::PhoneZeroRestored { written: p.text.clone() });
                }
                p.text
            }
            None => {
                self.flag(Column::Phone, &v, Kind::BadPhone);
                String::new()
            }
        }
    }
}

/// A stable id from district, street and name (FNV-1a), for rows without one: the same space
/// keeps its id from one import to the next, and two spaces of one name in two streets get two.
fn derived_id(district: &str, street: &str, name: &str) -> String {
    let mut h: u32 = 0x811C_9DC5;
    for b in street.bytes().chain([0]).chain(name.bytes()) {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    format!("gz-{district}-{:06x}", h & 0xFF_FFFF)
}

#[cfg(test)]
mod tests;
