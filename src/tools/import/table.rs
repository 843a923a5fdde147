//! A spreadsheet's sheets as rows of cell text: CSV (UTF-8 or GBK) or XLSX, with merged cells
//! filled in, hidden columns and sheets marked, and row numbers as Excel shows them.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, SheetVisible, Xlsx};

use super::{ImportError, MAX_ROWS};

/// The most an XLSX archive may claim to unpack to, and the largest compression ratio of an entry.
const MAX_UNPACKED: u64 = 200 * 1024 * 1024;
const MAX_RATIO: u64 = 200;

/// A cell's text, whether it held a formula, and whether it was written escaped as text
/// (then its spaces are part of it and are kept).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub formula: bool,
    pub escaped: bool,
}

/// One sheet: its rows (row 0 is Excel's row 1; column 0 is column A), which columns are hidden,
/// and whether the sheet itself is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub hidden_columns: Vec<usize>,
    /// Hidden rows (0 = Excel's row 1): imported, each with a warning.
    pub hidden_rows: Vec<usize>,
    pub hidden: bool,
}

/// The text of a CSV file as one sheet.
pub fn read_csv(text: &str) -> Result<Sheet, ImportError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        rows.push(
            record
                .iter()
                .map(|t| Cell {
                    text: unescape_cell(t).to_string(),
                    formula: is_formula_like(t),
                    escaped: unescape_cell(t).len() < t.len(),
                })
                .collect(),
        );
        if rows.len() > MAX_ROWS + 1 {
            return Err(ImportError::TooManyRows(rows.len() - 1));
        }
    }
    Ok(Sheet { rows, ..Sheet::default() })
}

/// Whether a CSV cell would run as a formula in a spreadsheet: it begins with `=` or `@`, or with
/// `+` or `-` followed by more than a number (`+86 20 8473 1234` and `-1.5` are text).
pub fn is_formula_like(cell: &str) -> bool {
    let t = cell.trim_start();
    match t.chars().next() {
        Some('=' | '@') => true,
        Some('+' | '-') => !t[1..].chars().all(|c| c.is_ascii_digit() || " -.()".contains(c)),
        _ => false,
    }
}

/// A CSV cell with the export's escaping ([`crate::domain::export::as_spreadsheet_text`])
/// taken off: one leading `'` before a formula character or another `'`.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::table::unescape_cell;
/// assert_eq!(unescape_cell("'=SUM(A1)"), "=SUM(A1)");
/// assert_eq!(unescape_cell("''abc"), "'abc");
/// assert_eq!(unescape_cell("'abc"), "'abc");
/// ```
pub fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::domain::export::FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

fn check_zip(bytes: &[u8]) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ImportError::Xlsx(format!("not a zip archive ({e})")))?;
    // The declared sizes are checked here; that no entry unpacks to more than it declares is
    // checked as it is read (the zip reader stops there, see `xlsx_error`).
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| ImportError::Xlsx(e.to_string()))?;
        let (packed, unpacked) = (entry.compressed_size().max(1), entry.size());
        total = total.saturating_add(unpacked);
        if unpacked / packed > MAX_RATIO || total > MAX_UNPACKED {
            return Err(ImportError::ZipBomb(entry.name().unwrap_or_default().to_string()));
        }
    }
    Ok(())
}

/// The most columns a sheet may use (a list of spaces has about twenty).
pub const MAX_COLUMNS: usize = 200;

/// Every sheet of an XLSX file. Cells are read one by one into rows: a sheet whose declared or
/// actual used range passes [`MAX_ROWS`] or [`MAX_COLUMNS`] is refused before any grid is made.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    check_zip(bytes)?;
    let mut hidden_parts = hidden_by_sheet(bytes);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let metadata = book.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    for meta in metadata {
        let name = meta.name.clone();
        let mut rows = read_cells(&mut book, &name)?;
        for region in book.merge_cells_by_sheet_name(&name).unwrap_or_default() {
            let (top, left) = (region.start.0 as usize, region.start.1 as usize);
            let first = rows.get(top).and_then(|r| r.get(left)).cloned().unwrap_or_default();
            // Within the rows read and the columns allowed, whatever the region claims.
            let bottom = (region.end.0 as usize).min(rows.len().saturating_sub(1));
            let right = (region.end.1 as usize).min(MAX_COLUMNS - 1);
            for row in rows.iter_mut().take(bottom + 1).skip(top) {
                if row.len() <= right {
                    row.resize(right + 1, Cell::default());
                }
                for cell in &mut row[left.min(right + 1)..=right] {
                    *cell = first.clone();
                }
            }
        }
        let hidden = meta.visible != SheetVisible::Visible;
        let (hidden_columns, hidden_rows) = hidden_parts.remove(&name).unwrap_or_default();
        sheets.push(Sheet { hidden_columns, hidden_rows, name, rows, hidden });
    }
    if sheets.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(sheets)
}

/// One sheet's cells as rows (row 0 is Excel's row 1), refusing a used range past the limits.
fn read_cells(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<Vec<Cell>>, ImportError> {
    let too_large = |row: u32, col: u32| ImportError::SheetTooLarge {
        sheet: name.to_string(),
        cell: format!("{}{}", column_letters(col as usize), u64::from(row) + 1),
    };
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(xlsx_error(e)),
    };
    let declared = reader.dimensions();
    if declared.end.0 as usize > MAX_ROWS + HEADER_ROOM || declared.end.1 as usize >= MAX_COLUMNS {
        return Err(too_large(declared.end.0, declared.end.1));
    }
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(xlsx_error)? {
        let (r, c) = cell.pos;
        let text = cell_text(&Data::from(cell.value));
        let formula = cell.formula.is_some_and(|f| !f.is_empty());
        if text.is_empty() && !formula {
            continue;
        }
        if r as usize > MAX_ROWS + HEADER_ROOM || c as usize >= MAX_COLUMNS {
            return Err(too_large(r, c));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Cell::default());
        }
        rows[r][c] = Cell { text, formula, escaped: false };
    }
    Ok(rows)
}

/// Rows a sheet may have above and below the list (titles, notes, totals) beyond [`MAX_ROWS`].
const HEADER_ROOM: usize = 100;

fn xlsx_error(e: impl std::fmt::Display) -> ImportError {
    let text = e.to_string();
    if text.contains("larger than its declared") {
        ImportError::ZipBomb("xl/worksheets".into())
    } else {
        ImportError::Xlsx(text)
    }
}

fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()).unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A zip entry's text, read no further than the archive check allows.
fn entry_text(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.take(MAX_UNPACKED).read_to_string(&mut text).ok()?;
    Some(text)
}

/// An attribute's value in one XML start tag (`name="…"`), with the five XML entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&"))
}

/// The start tags named `name` in an XML text.
fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    xml.match_indices(open.as_str()).filter_map(|(i, _)| xml[i..].find('>').map(|end| &xml[i..i + end])).collect()
}

/// The hidden columns (0 = A) and rows (0 = row 1) of each sheet, by sheet name: calamine does
/// not read them, so they are read from the sheet's XML (`<col hidden="1">`, `<row hidden="1">`).
/// A file in which they cannot be found has none.
fn hidden_by_sheet(bytes: &[u8]) -> std::collections::HashMap<String, (Vec<usize>, Vec<usize>)> {
    let mut out = std::collections::HashMap::new();
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return out };
    let (Some(workbook), Some(rels)) =
        (entry_text(&mut archive, "xl/workbook.xml"), entry_text(&mut archive, "xl/_rels/workbook.xml.rels"))
    else {
        return out;
    };
    let hidden = |tag: &str| matches!(attribute(tag, "hidden").as_deref(), Some("1" | "true"));
    for sheet in tags(&workbook, "sheet") {
        let (Some(name), Some(id)) = (attribute(sheet, "name"), attribute(sheet, "r:id")) else { continue };
        let Some(target) = tags(&rels, "Relationship")
            .into_iter()
            .find(|r| attribute(r, "Id").as_deref() == Some(&id))
            .and_then(|r| attribute(r, "Target"))
        else {
            continue;
        };
        let path = target.strip_prefix('/').map(str::to_string).unwrap_or_else(|| format!("xl/{target}"));
        let Some(xml) = entry_text(&mut archive, &path) else { continue };
        let (head, data) = xml.split_at(xml.find("<sheetData").unwrap_or(xml.len()));
        let mut columns = Vec::new();
        for col in tags(head, "col").into_iter().filter(|c| hidden(c)) {
            let min: usize = attribute(col, "min").and_then(|v| v.parse().ok()).unwrap_or(1);
            let max: usize = attribute(col, "max").and_then(|v| v.parse().ok()).unwrap_or(min);
            columns.extend((min.max(1) - 1)..max.min(MAX_COLUMNS));
        }
        let rows = tags(data, "row")
            .into_iter()
            .filter(|r| hidden(r))
            .filter_map(|r| attribute(r, "r").and_then(|n| n.parse::<usize>().ok()).and_then(|n| n.checked_sub(1)))
            .collect();
        out.insert(name, (columns, rows));
    }
    out
}

/// Excel's letters for a column (0 = `A`, 26 = `AA`).
///
/// # Examples
/// ```
/// use charity_finder::tools::import::table::column_letters;
/// assert_eq!(column_letters(0), "A");
/// assert_eq!(column_letters(27), "AB");
/// ```
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The column index for Excel letters (`A` = 0), if the text is letters only.
pub fn column_index(letters: &str) -> Option<usize> {
    let l = letters.trim();
    if l.is_empty() || l.len() > 3 || !l.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(l.bytes().fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1)) - 1)
}
