//! What the importer tells an editor, in Chinese (the default) or English: each problem names the
//! row as Excel numbers it, the column as the file writes it, the value, and what to write instead.

use crate::domain::coords::Crs;
use crate::domain::export::as_spreadsheet_text;
use crate::domain::model::district;

/// The language of the importer's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// What was wrong with a cell. A row is rejected only for its name, district or position.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    // Rejections.
    Missing,
    UnknownDistrict,
    NotANumber,
    NotAPosition,
    Swapped,
    OutsideGuangzhou { crs: Crs },
    WrongDistrict { found: String, crs: Crs },
    Formula,
    // Warnings.
    FormulaDropped,
    NearBorder { metres: u32 },
    UnknownStreet,
    NoStreet,
    NoAddress,
    UnknownServices { items: Vec<String> },
    NoService,
    UnknownLanguages { items: Vec<String> },
    UnknownStatus,
    BadDate,
    CertifiedWithoutDate,
    DateOnRegistered,
    PhoneZeroRestored { written: String },
    BadPhone,
    UnreadableHours,
    DuplicateId { row: usize, written: String },
    HiddenRow,
    SameNameAndStreet { row: usize },
}

impl Kind {
    /// Whether this problem rejects the row.
    pub fn rejects(&self) -> bool {
        matches!(
            self,
            Kind::Missing
                | Kind::UnknownDistrict
                | Kind::NotANumber
                | Kind::NotAPosition
                | Kind::Swapped
                | Kind::OutsideGuangzhou { .. }
                | Kind::WrongDistrict { .. }
                | Kind::Formula
        )
    }

    /// A short name for the kind, for the summary's counts.
    pub fn label(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Kind::Missing => ("必填项为空", "required field empty"),
            Kind::UnknownDistrict => ("无法识别的区", "unknown district"),
            Kind::NotANumber => ("坐标不是数字", "coordinate not a number"),
            Kind::NotAPosition => ("经纬度无法读取", "position unreadable"),
            Kind::Swapped => ("经纬度写反", "longitude and latitude swapped"),
            Kind::OutsideGuangzhou { .. } => ("坐标不在广州", "position outside Guangzhou"),
            Kind::WrongDistrict { .. } => ("坐标不在所属区内", "position in another district"),
            Kind::Formula | Kind::FormulaDropped => ("单元格含公式", "formula cell"),
            Kind::NearBorder { .. } => ("坐标靠近区界", "position near a district border"),
            Kind::UnknownStreet => ("无法识别的街道", "unknown street"),
            Kind::NoStreet => ("街道为空", "no street"),
            Kind::NoAddress => ("地址为空", "no address"),
            Kind::UnknownServices { .. } => ("无法识别的服务类型", "unknown service"),
            Kind::NoService => ("没有服务类型", "no service"),
            Kind::UnknownLanguages { .. } => ("无法识别的服务语言", "unknown language"),
            Kind::UnknownStatus => ("无法识别的认证状态", "unknown status"),
            Kind::BadDate => ("无法识别的日期", "unreadable date"),
            Kind::CertifiedWithoutDate => ("已认证但无认证日期", "certified without a date"),
            Kind::DateOnRegistered => ("未认证却有认证日期", "certification date on a registered space"),
            Kind::PhoneZeroRestored { .. } => ("电话补回开头的 0", "phone: leading 0 restored"),
            Kind::BadPhone => ("无法识别的电话", "unreadable phone"),
            Kind::UnreadableHours => ("无法识别的开放时间", "unreadable opening hours"),
            Kind::DuplicateId { .. } => ("编号重复", "duplicate id"),
            Kind::HiddenRow => ("隐藏行", "hidden row"),
            Kind::SameNameAndStreet { .. } => ("同名同街道", "same name and street"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One problem in one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The row as Excel numbers it.
    pub row: usize,
    /// The column's header as the file writes it.
    pub column: String,
    /// The cell's text.
    pub value: String,
    pub kind: Kind,
}

/// A coordinate system's name for messages.
pub fn crs_label(crs: Crs, lang: Lang) -> &'static str {
    match (crs, lang) {
        (Crs::Wgs84, Lang::Zh) => "WGS-84（GPS、天地图）",
        (Crs::Gcj02, Lang::Zh) => "GCJ-02（高德、腾讯）",
        (Crs::Bd09, Lang::Zh) => "BD-09（百度）",
        (Crs::Wgs84, Lang::En) => "WGS-84 (GPS, Tianditu)",
        (Crs::Gcj02, Lang::En) => "GCJ-02 (AMap, Tencent)",
        (Crs::Bd09, Lang::En) => "BD-09 (Baidu)",
    }
}

fn district_name(code: &str, lang: Lang) -> String {
    district(code).map_or_else(|| code.to_string(), |d| if lang == Lang::Zh { d.zh.to_string() } else { format!("{} District", d.en) })
}

impl Finding {
    /// What went wrong and what to write instead.
    pub fn advice(&self, lang: Lang) -> String {
        let v = &self.value;
        match (lang, &self.kind) {
            (Lang::Zh, Kind::Missing) => "为空；此项必填，缺少则该行不导入".into(),
            (Lang::En, Kind::Missing) => "is empty; it is required, so the row was not imported".into(),
            (Lang::Zh, Kind::UnknownDistrict) => format!("无法识别的区「{v}」，请写广州 11 个区之一，如 番禺区 或 440113"),
            (Lang::En, Kind::UnknownDistrict) => format!("unknown district \"{v}\"; write one of Guangzhou's 11 districts, e.g. 番禺区 or 440113"),
            (Lang::Zh, Kind::NotANumber) => format!("「{v}」不是数字，请写成小数，如 113.352041"),
            (Lang::En, Kind::NotANumber) => format!("\"{v}\" is not a number; write a decimal such as 113.352041"),
            (Lang::Zh, Kind::NotAPosition) => format!("「{v}」不是一对经纬度，请写成 113.352041,22.909260（高德、百度坐标拾取器复制的格式）"),
            (Lang::En, Kind::NotAPosition) => format!("\"{v}\" is not a longitude and latitude pair; write 113.352041,22.909260 (as the AMap and Baidu pickers copy it)"),
            (Lang::Zh, Kind::Swapped) => "经度和纬度似乎写反了：广州的经度约为 113–114，纬度约为 22.5–24".into(),
            (Lang::En, Kind::Swapped) => "longitude and latitude look swapped: Guangzhou lies at about 113–114 E, 22.5–24 N".into(),
            (Lang::Zh, Kind::OutsideGuangzhou { crs }) => {
                format!("坐标「{v}」不在广州市内（按 {}读取）；请检查坐标", crs_label(*crs, lang))
            }
            (Lang::En, Kind::OutsideGuangzhou { crs }) => {
                format!("position \"{v}\" is outside Guangzhou (read as {}); check the coordinates", crs_label(*crs, lang))
            }
            (Lang::Zh, Kind::WrongDistrict { found, crs }) => format!(
                "坐标「{v}」位于{}（按 {}读取），与所属区不符；请检查所属区、坐标或坐标系（--crs）",
                district_name(found, lang),
                crs_label(*crs, lang)
            ),
            (Lang::En, Kind::WrongDistrict { found, crs }) => format!(
                "position \"{v}\" lies in {} (read as {}), not in the row's district; check the district, the coordinates or --crs",
                district_name(found, lang),
                crs_label(*crs, lang)
            ),
            (Lang::Zh, Kind::Formula) => "单元格是公式；请复制后「选择性粘贴 → 数值」".into(),
            (Lang::En, Kind::Formula) => "the cell holds a formula; copy it and paste values only".into(),
            (Lang::Zh, Kind::FormulaDropped) => "单元格是公式，已留空；请复制后「选择性粘贴 → 数值」".into(),
            (Lang::En, Kind::FormulaDropped) => "the cell holds a formula and was left empty; paste values only".into(),
            (Lang::Zh, Kind::NearBorder { metres }) => format!("坐标「{v}」距区界约 {metres} 米，请确认所属区"),
            (Lang::En, Kind::NearBorder { metres }) => format!("position \"{v}\" is about {metres} m from the district border; check the district"),
            (Lang::Zh, Kind::UnknownStreet) => format!("「{v}」不是该区的街道或镇，已按原文保留；请写官方名称，如 沙湾街道、石碁镇"),
            (Lang::En, Kind::UnknownStreet) => {
                format!("\"{v}\" is not a street or town of the district; kept as written. Write its official name, e.g. 沙湾街道 or 石碁镇")
            }
            (Lang::Zh, Kind::NoStreet) => "为空；请填写街道或镇，如 沙湾街道".into(),
            (Lang::En, Kind::NoStreet) => "is empty; write the street or town, e.g. 沙湾街道".into(),
            (Lang::Zh, Kind::NoAddress) => "为空；请填写详细地址，居民要靠它找到空间".into(),
            (Lang::En, Kind::NoAddress) => "is empty; write the full address residents need to find the space".into(),
            (Lang::Zh, Kind::UnknownServices { items }) => format!(
                "无法识别的服务类型「{}」，已略去；可写：长者关爱、困境儿童帮扶、助残服务、捐赠站点、志愿服务、食物援助、助学支持、医疗救助、社区慈善基金、乡村振兴、时间银行",
                items.join("、")
            ),
            (Lang::En, Kind::UnknownServices { items }) => format!(
                "unknown service \"{}\", left out; write any of 长者关爱 困境儿童帮扶 助残服务 捐赠站点 志愿服务 食物援助 助学支持 医疗救助 社区慈善基金 乡村振兴 时间银行 (or their English names)",
                items.join(", ")
            ),
            (Lang::Zh, Kind::NoService) => "没有可识别的服务类型：此空间不会出现在任何服务类型的筛选中；请填写，如 长者关爱".into(),
            (Lang::En, Kind::NoService) => "no known service: the space will show under no service filter; write one, e.g. 长者关爱".into(),
            (Lang::Zh, Kind::UnknownLanguages { items }) => {
                format!("无法识别的服务语言「{}」，已略去；可写：普通话、粤语、客家话、英语、中国手语", items.join("、"))
            }
            (Lang::En, Kind::UnknownLanguages { items }) => format!(
                "unknown language \"{}\", left out; write any of 普通话 粤语 客家话 英语 中国手语 (or Mandarin, Cantonese, Hakka, English, Chinese Sign Language)",
                items.join(", ")
            ),
            (Lang::Zh, Kind::UnknownStatus) => format!("无法识别的认证状态「{v}」，已按「已挂牌」导入；请写 已认证 或 已挂牌"),
            (Lang::En, Kind::UnknownStatus) => format!("unknown status \"{v}\", imported as registered; write 已认证 or 已挂牌"),
            (Lang::Zh, Kind::BadDate) => format!("无法识别的日期「{v}」，请写成 2021-12-03"),
            (Lang::En, Kind::BadDate) => format!("unreadable date \"{v}\"; write it as 2021-12-03"),
            (Lang::Zh, Kind::CertifiedWithoutDate) => "已认证，但没有认证日期；请补上，如 2021-12-03".into(),
            (Lang::En, Kind::CertifiedWithoutDate) => "certified, but no certification date; add it, e.g. 2021-12-03".into(),
            (Lang::Zh, Kind::DateOnRegistered) => {
                format!("空间未认证，却填了认证日期「{v}」，日期已略去；若已认证，请把认证状态写成 已认证")
            }
            (Lang::En, Kind::DateOnRegistered) => {
                format!("a certification date \"{v}\" on a space that is only registered, left out; if it is certified, write 已认证 as its status")
            }
            (Lang::Zh, Kind::PhoneZeroRestored { written }) => {
                format!("电话「{v}」丢了开头的 0（单元格被当作数字），已写成 {written}；请把该列设为「文本」格式")
            }
            (Lang::En, Kind::PhoneZeroRestored { written }) => {
                format!("phone \"{v}\" lost its leading 0 (a number cell), written as {written}; format the column as text")
            }
            (Lang::Zh, Kind::BadPhone) => format!("「{v}」不像能拨通的电话，已留空；请写成 020-84731234 或 13912345678，多个号码用 / 分隔"),
            (Lang::En, Kind::BadPhone) => format!("\"{v}\" is not a phone number one can dial, left empty; write 020-84731234 or 13912345678, several separated by /"),
            (Lang::Zh, Kind::UnreadableHours) => {
                format!("无法识别的开放时间「{v}」：已保留原文，地图上显示为「开放时间未知」；请写成如 周一至周五 9:00-17:00")
            }
            (Lang::En, Kind::UnreadableHours) => {
                format!("unreadable opening hours \"{v}\": kept as written, the finder shows \"hours unknown\"; write e.g. 周一至周五 9:00-17:00")
            }
            (Lang::Zh, Kind::DuplicateId { row, written }) => format!("编号「{v}」与第 {row} 行重复，已改为 {written}；请给每个空间不同的编号"),
            (Lang::En, Kind::DuplicateId { row, written }) => format!("id \"{v}\" is also on row {row}, changed to {written}; give each space its own id"),
            (Lang::Zh, Kind::HiddenRow) => format!("「{v}」所在的行在表格中是隐藏的，已导入；若该空间已不再开放，请删除这一行"),
            (Lang::En, Kind::HiddenRow) => format!("the row of \"{v}\" is hidden in the sheet and was imported; if the space has closed, delete the row"),
            (Lang::Zh, Kind::SameNameAndStreet { row }) => format!("「{v}」与第 {row} 行同名、同街道，可能重复；已作为另一空间导入"),
            (Lang::En, Kind::SameNameAndStreet { row }) => {
                format!("\"{v}\" has the same name and street as row {row}, perhaps twice the same space; imported as another space")
            }
        }
    }

    /// The whole line: `第 5 行「认证日期」：无法识别的日期「2021.13.3」，请写成 2021-12-03`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("第 {} 行「{}」：{}", self.row, self.column, self.advice(lang)),
            Lang::En => format!("row {}, \"{}\": {}", self.row, self.column, self.advice(lang)),
        }
    }
}

/// Every rejected row and warning as a CSV table (UTF-8 with BOM, for Excel): row, column,
/// value, outcome and what to do. Cells that a spreadsheet would run as formulas are written as text.
pub fn report_csv(findings: &[Finding], lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => ["行", "列", "内容", "结果", "问题与改法"],
        Lang::En => ["row", "column", "value", "outcome", "problem and fix"],
    };
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let _ = writer.write_record(header);
    for f in findings {
        let outcome = match (lang, f.kind.rejects()) {
            (Lang::Zh, true) => "该行未导入",
            (Lang::Zh, false) => "已导入，请核对",
            (Lang::En, true) => "row rejected",
            (Lang::En, false) => "imported; check it",
        };
        let cells = [f.row.to_string(), f.column.clone(), f.value.clone(), outcome.to_string(), f.advice(lang)];
        let _ = writer.write_record(cells.iter().map(|c| as_spreadsheet_text(c).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// The summary an import ends with: sheet and header row, coordinate system, rows read, kept
/// and rejected, warnings by kind, columns ignored and missing, rows skipped.
pub fn summary_lines(imported: &super::Imported, lang: Lang) -> Vec<String> {
    use super::CrsSource;
    let s = &imported.summary;
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    out.push(match (zh, s.sheet.is_empty()) {
        (true, true) => format!("表头：第 {} 行", s.header_row),
        (true, false) => format!("工作表：「{}」，表头：第 {} 行", s.sheet, s.header_row),
        (false, true) => format!("header: row {}", s.header_row),
        (false, false) => format!("sheet: \"{}\", header: row {}", s.sheet, s.header_row),
    });
    let crs = crs_label(s.crs, lang);
    out.push(match (zh, s.crs_source) {
        (true, CrsSource::Option) => format!("坐标系：{crs}（命令行 --crs 指定）"),
        (true, CrsSource::Header) => format!("坐标系：{crs}（取自表头的注明）"),
        (true, CrsSource::Assumed) => format!(
            "坐标系：未注明，按 {crs}读取。若坐标取自高德或腾讯地图，请加 --crs gcj02；取自百度地图，请加 --crs bd09（否则位置会偏几百米）"
        ),
        (false, CrsSource::Option) => format!("coordinates: {crs} (from --crs)"),
        (false, CrsSource::Header) => format!("coordinates: {crs} (named in the header)"),
        (false, CrsSource::Assumed) => format!(
            "coordinates: not named, read as {crs}. If they were picked on AMap or Tencent, add --crs gcj02; on Baidu, --crs bd09 (else positions are some hundred metres off)"
        ),
    });
    out.push(if zh {
        format!("读取 {} 行：导入 {} 行，拒绝 {} 行", s.rows_read, s.rows_kept, s.rows_rejected)
    } else {
        format!("rows read: {}, kept: {}, rejected: {}", s.rows_read, s.rows_kept, s.rows_rejected)
    });
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in imported.warnings() {
        let label = f.kind.label(lang);
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    if !counts.is_empty() {
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        let list: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
        out.push(if zh {
            format!("警告 {total} 条：{}", list.join("，"))
        } else {
            format!("warnings: {total} ({})", list.join(", "))
        });
    }
    if !s.ignored_columns.is_empty() {
        let list: Vec<String> = s.ignored_columns.iter().map(|c| c.describe(lang)).collect();
        out.push(if zh { format!("未使用的列：{}", list.join("、")) } else { format!("columns ignored: {}", list.join(", ")) });
    }
    if !s.absent_fields.is_empty() {
        out.push(if zh {
            format!("文件中没有这些列（留空）：{}", s.absent_fields.join("、"))
        } else {
            format!("no column in the file (left empty): {}", s.absent_fields.join(", "))
        });
    }
    for (row, text) in &s.skipped_rows {
        out.push(if zh {
            format!("已跳过第 {row} 行（备注或合计行）：{text}")
        } else {
            format!("skipped row {row} (notes or totals): {text}")
        });
    }
    out
}
