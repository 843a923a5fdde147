//! What editors write in a cell, read into the dataset's forms: districts, streets, services,
//! status, dates and phone numbers. Each reader returns the value and, where it had to guess or
//! change something, says so; none of them panics on any text.

use crate::domain::holidays::date_text;
use crate::domain::model::{Code, Status, DISTRICTS, LANGUAGES, SERVICES};
use crate::tools::streets::Street;

/// Full-width ASCII (`０１２`, `－`, `（`, `：`, the ideographic space) as half-width, and the
/// dashes people type (`—`, `–`, `－`, `~`) as `-`.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}

/// The district code for a cell: `440113`, `番禺区`, `番禺`, `番禺區`, `广州市番禺区` or `Panyu`.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::district_code;
/// assert_eq!(district_code("广州市番禺区"), Some("440113"));
/// assert_eq!(district_code("番禺"), Some("440113"));
/// assert_eq!(district_code("深圳"), None);
/// ```
pub fn district_code(value: &str) -> Option<&'static str> {
    let v = half_width(value);
    let v = v.trim();
    let v = v.strip_prefix("广东省").unwrap_or(v);
    let v = v.strip_prefix("广州市").or_else(|| v.strip_prefix("廣州市")).or_else(|| v.strip_prefix("广州")).unwrap_or(v).trim();
    let v = v.strip_suffix("000000").filter(|c| c.len() == 6).unwrap_or(v);
    DISTRICTS
        .iter()
        .find(|d| {
            d.code == v
                || d.zh == v
                || d.zh_hant == v
                || d.zh.trim_end_matches('区') == v
                || d.zh_hant.trim_end_matches('區') == v
                || d.en.eq_ignore_ascii_case(v)
                || v.to_ascii_lowercase().strip_suffix(" district").is_some_and(|e| d.en.eq_ignore_ascii_case(e))
        })
        .map(|d| d.code)
}

/// The official name of a street or town (`沙湾街道`) for what an editor wrote: `沙湾`, `沙湾街`,
/// `沙湾街道`, `番禺区沙湾街道`. `None` when no street of that district has the name.
pub fn official_street<'a>(streets: &'a [Street], district: &str, value: &str) -> Option<&'a str> {
    let v = half_width(value);
    let mut v = v.trim();
    if let Some(d) = DISTRICTS.iter().find(|d| d.code == district) {
        v = v.strip_prefix("广州市").unwrap_or(v);
        v = v.strip_prefix(d.zh).unwrap_or(v);
    }
    if v.is_empty() {
        return None;
    }
    streets
        .iter()
        .filter(|s| s.district == district)
        .find(|s| {
            s.name == v
                || s.name.strip_suffix("街道").is_some_and(|b| v == b || v.strip_suffix('街') == Some(b))
                || s.name.strip_suffix('镇').is_some_and(|b| v == b)
        })
        .map(|s| s.name.as_str())
}

/// A coordinate in decimal degrees as written: full-width digits, and a trailing `°`, `E` or `N`.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::coordinate;
/// assert_eq!(coordinate("１１３.３５°E"), Some(113.35));
/// assert_eq!(coordinate("abc"), None);
/// ```
pub fn coordinate(value: &str) -> Option<f64> {
    let text = half_width(value);
    text.trim().trim_end_matches(['°', 'E', 'N', 'e', 'n']).trim().parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Longitude and latitude from one cell, in either order: AMap's and Baidu's pickers copy
/// `lng,lat`, Tencent's `lat,lng`; in Guangzhou (about 113 E, 23 N) the two cannot be mistaken.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::position_pair;
/// assert_eq!(position_pair("113.352041,22.909260"), Some((113.352041, 22.90926)));
/// assert_eq!(position_pair("22.909260, 113.352041"), Some((113.352041, 22.90926)));
/// assert_eq!(position_pair("113.35"), None);
/// ```
pub fn position_pair(value: &str) -> Option<(f64, f64)> {
    let text = half_width(value);
    let numbers: Vec<f64> = text.split([',', ';', ' ', '/']).filter(|p| !p.trim().is_empty()).filter_map(coordinate).collect();
    match numbers.as_slice() {
        [a, b] if (100.0..140.0).contains(b) && !(100.0..140.0).contains(a) => Some((*b, *a)),
        [a, b] => Some((*a, *b)),
        _ => None,
    }
}

/// Words people write for a service, beyond its label, by service id.
const SERVICE_WORDS: &[(&str, &[&str])] = &[
    ("elderly", &["长者", "长者服务", "养老", "助老", "敬老", "老人", "居家养老", "长者关怀"]),
    ("children", &["儿童", "困境儿童", "儿童帮扶", "儿童关爱", "未成年人"]),
    ("disability", &["助残", "残疾人", "残障", "扶残"]),
    ("donation", &["捐赠", "捐赠点", "募捐", "募捐站点", "物资捐赠", "爱心捐赠"]),
    ("volunteer", &["志愿", "志愿者", "志愿活动", "志愿者服务"]),
    ("food", &["食物银行", "食品", "食物", "食品援助", "爱心餐"]),
    ("education", &["助学", "教育", "教育支持"]),
    ("medical", &["医疗", "医疗服务", "义诊", "健康"]),
    ("fund", &["慈善基金", "社区基金", "基金"]),
    ("rural", &["乡村", "乡村振兴服务", "帮扶乡村"]),
    ("timebank", &["时间银行服务"]),
];

/// Service ids for a cell, items separated by `、 , ; / |`, line breaks or spaces: ids, Chinese or
/// English labels, or a common word for one (`养老`). Returns the ids found and the items that
/// name no service.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::services;
/// let (ids, unknown) = services("长者关爱、志愿服务\n养老 / 按摩");
/// assert_eq!(ids, ["elderly", "volunteer"]);
/// assert_eq!(unknown, ["按摩"]);
/// ```
pub fn services(value: &str) -> (Vec<Code>, Vec<String>) {
    codes(value, service_id)
}

/// The codes a cell names, each once, in the order written, and the items that name none. Items
/// are separated by `、 , ; / |` (full-width ones read as half-width) or line breaks; an item with
/// spaces that names nothing is read as several (`长者关爱 志愿服务`; `Elderly care` is one).
fn codes(value: &str, code_of: fn(&str) -> Option<&'static str>) -> (Vec<Code>, Vec<String>) {
    let (mut codes, mut unknown): (Vec<Code>, Vec<String>) = (Vec::new(), Vec::new());
    let mut add = |item: &str| match code_of(item) {
        Some(code) if !codes.iter().any(|c| c == code) => codes.push(code.into()),
        Some(_) => {}
        None => unknown.push(item.to_string()),
    };
    for item in half_width(value).split(['、', ',', ';', '/', '|', '\n', '\r']).map(str::trim).filter(|s| !s.is_empty()) {
        if code_of(item).is_some() || !item.contains(char::is_whitespace) {
            add(item);
        } else {
            item.split_whitespace().for_each(&mut add);
        }
    }
    (codes, unknown)
}

fn service_id(item: &str) -> Option<&'static str> {
    SERVICES
        .iter()
        .find(|s| s.id.eq_ignore_ascii_case(item) || s.zh == item || s.zh_hant == item || s.en.eq_ignore_ascii_case(item))
        .map(|s| s.id)
        .or_else(|| SERVICE_WORDS.iter().find(|(_, words)| words.contains(&item)).map(|(id, _)| *id))
}

/// The separators of the documents in one cell: `、 , ;` (full-width read as half-width) and line
/// breaks; not `/`, which joins alternatives (`低保证/低收入证明`).
const DOCUMENT_SEPARATORS: [char; 5] = ['、', ',', ';', '\n', '\r'];

/// Other names editors write for a language.
const LANGUAGE_WORDS: &[(&str, &[&str])] = &[
    ("zh-cmn", &["国语", "普通話", "汉语", "中文", "putonghua", "cmn", "zh", "mandarin chinese"]),
    ("yue", &["广东话", "广州话", "白话", "粤语（广州话）", "cantonese chinese"]),
    ("hak", &["客家", "客家話", "客语"]),
    ("en", &["英文", "english language"]),
    ("csl", &["手语", "手語", "sign language"]),
];

/// Language codes for a cell, items separated as for services (`普通话、粤语`, `Mandarin, Cantonese`,
/// `yue`): the codes found, in the order written, and the items that name no language on the list.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::languages;
/// assert_eq!(languages("普通话、白话；English"), (vec!["zh-cmn".into(), "yue".into(), "en".into()], vec![]));
/// assert_eq!(languages("普通话/粤语 手语").0, ["zh-cmn", "yue", "csl"]);
/// assert_eq!(languages("潮汕话").1, ["潮汕话"]);
/// ```
pub fn languages(value: &str) -> (Vec<Code>, Vec<String>) {
    codes(value, language_code)
}

fn language_code(item: &str) -> Option<&'static str> {
    let lower = item.to_lowercase();
    LANGUAGES
        .iter()
        .find(|l| l.code == lower || l.zh == item || l.zh_hant == item || l.en.to_lowercase() == lower)
        .map(|l| l.code)
        .or_else(|| LANGUAGE_WORDS.iter().find(|(_, words)| words.contains(&lower.as_str())).map(|(code, _)| *code))
}

/// The documents of a 所需材料 cell, one per item (`身份证、低保证`).
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::documents;
/// assert_eq!(documents("身份证；低保证或低收入证明\n"), ["身份证", "低保证或低收入证明"]);
/// ```
pub fn documents(value: &str) -> Vec<String> {
    half_width(value).split(DOCUMENT_SEPARATORS).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// A 收费 cell: the ways of saying "no charge" read as `免费`, any other text kept as written.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::fees;
/// assert_eq!(fees("不收费"), "免费");
/// assert_eq!(fees(" Free "), "免费");
/// assert_eq!(fees("午餐10元/餐"), "午餐10元/餐");
/// ```
pub fn fees(value: &str) -> String {
    let value = value.trim();
    match half_width(value).to_lowercase().as_str() {
        "免费" | "不收费" | "无偿" | "免收费用" | "free" | "free of charge" | "0" | "0元" => "免费".into(),
        _ => value.into(),
    }
}

/// A space's status from what an editor wrote under 认证状态 or 是否认证; `None` for a value
/// that says neither.
pub fn status(value: &str) -> Option<Status> {
    match half_width(value).trim().to_lowercase().as_str() {
        "" | "registered" | "挂牌" | "已挂牌" | "申报" | "申报挂牌" | "登记" | "未认证" | "否" | "no" | "n" | "×" | "x" | "false" | "0" => {
            Some(Status::Registered)
        }
        "certified" | "认证" | "已认证" | "认证通过" | "认证通过挂牌" | "通过认证" | "是" | "yes" | "y" | "√" | "✓" | "true" | "1" => {
            Some(Status::Certified)
        }
        _ => None,
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An ISO date (`2021-12-03`) from `2021-12-03`, `2021.12.3`, `2021/9/4`, `2021年12月3日`,
/// `20211203`, or an Excel date serial written as a number (`44533`). `None` when it names no
/// calendar day.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::date;
/// assert_eq!(date("2021年12月3日").as_deref(), Some("2021-12-03"));
/// assert_eq!(date("2021.12.3").as_deref(), Some("2021-12-03"));
/// assert_eq!(date("44533").as_deref(), Some("2021-12-03"));
/// assert_eq!(date("2021.13.3"), None);
/// ```
pub fn date(value: &str) -> Option<String> {
    let v = half_width(value);
    let v = v.trim().trim_end_matches('日').trim_end_matches('号');
    let parts: Vec<&str> = v.split(['-', '.', '/', '年', '月']).map(str::trim).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let (y, m, d) = match nums.as_deref() {
        Some([y, m, d]) if parts[0].len() == 4 => (*y, *m, *d),
        Some([n]) if parts[0].len() == 8 => (n / 10_000, n / 100 % 100, n % 100),
        Some([n]) if (20_000..80_000).contains(n) => return Some(from_excel_serial(*n)),
        _ => return None,
    };
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date of an Excel serial day number (1900 date system; 1900-03-01 and later).
fn from_excel_serial(serial: u32) -> String {
    // Serial 25569 is 1970-01-01.
    date_text(i64::from(serial) - 25_569)
}

/// A phone cell read: the text to store, and whether a lost leading 0 was put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub text: String,
    pub restored_zero: bool,
}

/// Reads a phone cell: full-width digits and dashes, several numbers separated by `/ 、 , ， ; ；`
/// or a line break (written back separated by ` / `), an extension (`转123`, `分机123`, `ext 123`),
/// and Guangzhou's `020` landlines that a number cell stored without their leading 0
/// (`2084731234` → `020-84731234`). `None` when a number cannot be dialled as written.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::forms::phone;
/// assert_eq!(phone("2084731234").map(|p| p.text).as_deref(), Some("020-84731234"));
/// assert_eq!(phone("０２０－８４７３１２３４转１２").map(|p| p.text).as_deref(), Some("020-84731234转12"));
/// assert_eq!(phone("020-84731234、13912345678").map(|p| p.text).as_deref(), Some("020-84731234 / 13912345678"));
/// assert_eq!(phone("12"), None);
/// ```
pub fn phone(value: &str) -> Option<Phone> {
    let text = half_width(value).replace("分机", "转").replace("ext.", "转").replace("ext", "转").replace("Ext", "转");
    let mut restored_zero = false;
    let mut out = Vec::new();
    for one in text.split(['/', '、', ',', ';', '\n', '\r', '或']).map(str::trim).filter(|s| !s.is_empty()) {
        let (number, ext) = match one.split_once('转') {
            Some((n, e)) => (n.trim().trim_end_matches('-').trim(), Some(e.trim())),
            None => (one, None),
        };
        if ext.is_some_and(|e| e.is_empty() || e.len() > 6 || !e.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let mut number = number.replace(['(', ')'], " ").trim().to_string();
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 10 && digits.starts_with("20") && number.chars().all(|c| c.is_ascii_digit()) {
            number = format!("020-{}", &digits[2..]);
            restored_zero = true;
        }
        if !crate::tools::validate::is_plausible_phone(&number) {
            return None;
        }
        out.push(match ext {
            Some(e) => format!("{number}转{e}"),
            None => number,
        });
    }
    (!out.is_empty()).then(|| Phone { text: out.join(" / "), restored_zero })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::streets::streets;

    #[test]
    fn districts_as_written() {
        for v in ["番禺", "番禺区", "440113", "广州市番禺区", "番禺區", "Panyu", "panyu district", "４４０１１３", "440113000000"]
        {
            assert_eq!(district_code(v), Some("440113"), "{v}");
        }
        assert_eq!(district_code(""), None);
        assert_eq!(district_code("深圳区"), None);
    }

    #[test]
    fn streets_as_written() {
        let list = streets();
        for v in ["沙湾", "沙湾街", "沙湾街道", "番禺区沙湾街道", " 沙湾街道 "] {
            assert_eq!(official_street(&list, "440113", v), Some("沙湾街道"), "{v}");
        }
        assert_eq!(official_street(&list, "440113", "石碁"), Some("石碁镇"));
        assert_eq!(official_street(&list, "440106", "沙湾"), None);
        assert_eq!(official_street(&list, "440113", ""), None);
    }

    #[test]
    fn services_with_every_separator() {
        let (ids, unknown) = services("长者关爱，困境儿童帮扶; donation/志愿服务｜时间银行\r\n食物援助、Education aid\n养老 按摩");
        assert_eq!(ids, ["elderly", "children", "donation", "volunteer", "timebank", "food", "education"]);
        assert_eq!(unknown, ["按摩"]);
    }

    #[test]
    fn statuses() {
        for v in ["已认证", "认证", "是", "√", "Certified"] {
            assert_eq!(status(v), Some(Status::Certified), "{v}");
        }
        for v in ["已挂牌", "否", "", "未认证"] {
            assert_eq!(status(v), Some(Status::Registered), "{v}");
        }
        assert_eq!(status("待定"), None);
    }

    #[test]
    fn dates() {
        for (v, want) in [
            ("2021-12-03", "2021-12-03"),
            ("2021/9/4", "2021-09-04"),
            ("2021年12月3日", "2021-12-03"),
            ("２０２１．１２．３", "2021-12-03"),
            ("20211203", "2021-12-03"),
            ("44533", "2021-12-03"),
            ("2024-02-29", "2024-02-29"),
        ] {
            assert_eq!(date(v).as_deref(), Some(want), "{v}");
        }
        for v in ["2021.13.3", "2023-02-29", "昨天", "", "21-12-03", "3"] {
            assert_eq!(date(v), None, "{v}");
        }
    }

    #[test]
    fn phones() {
        let p = phone("2084731234").expect("reads");
        assert_eq!((p.text.as_str(), p.restored_zero), ("020-84731234", true));
        for (v, want) in [
            ("020-84731234", "020-84731234"),
            ("（020）84731234", "020 84731234"),
            ("020-84731234 转 123", "020-84731234转123"),
            ("020-84731234-分机8", "020-84731234转8"),
            ("13912345678；020-84731234", "13912345678 / 020-84731234"),
            ("020-84731234\n13912345678", "020-84731234 / 13912345678"),
        ] {
            assert_eq!(phone(v).map(|p| p.text).as_deref(), Some(want), "{v}");
        }
        for v in ["12", "call us", "020-84731234转", "020-84731234转abc", ""] {
            assert_eq!(phone(v), None, "{v}");
        }
    }
}
