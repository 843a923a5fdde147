//! China's public holidays and adjusted working days (调休), from `data/holidays.json`
//! (`scripts/data/extract_holidays.mjs`): which kind of day a date is, for "open now".

use super::i18n::Lang;
use super::load::Fields;

/// The statutory holidays (法定节假日).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Festival {
    NewYear,
    SpringFestival,
    Qingming,
    LabourDay,
    DragonBoat,
    MidAutumn,
    NationalDay,
}

impl Festival {
    /// The festival of a code in `holidays.json`.
    pub fn from_code(code: &str) -> Option<Festival> {
        Some(match code {
            "new_year" => Festival::NewYear,
            "spring_festival" => Festival::SpringFestival,
            "qingming" => Festival::Qingming,
            "labour_day" => Festival::LabourDay,
            "dragon_boat" => Festival::DragonBoat,
            "mid_autumn" => Festival::MidAutumn,
            "national_day" => Festival::NationalDay,
            _ => return None,
        })
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let [zh, en, zh_hant] = match self {
            Festival::NewYear => ["元旦", "New Year's Day", "元旦"],
            Festival::SpringFestival => ["春节", "Spring Festival", "春節"],
            Festival::Qingming => ["清明节", "Qingming Festival", "清明節"],
            Festival::LabourDay => ["劳动节", "Labour Day", "勞動節"],
            Festival::DragonBoat => ["端午节", "Dragon Boat Festival", "端午節"],
            Festival::MidAutumn => ["中秋节", "Mid-Autumn Festival", "中秋節"],
            Festival::NationalDay => ["国庆节", "National Day", "國慶節"],
        };
        match lang {
            Lang::ZhCn => zh,
            Lang::En => en,
            Lang::ZhTw => zh_hant,
        }
    }
}

/// What kind of day a date is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DayKind {
    /// Not known: no calendar, or a date beyond it. Holiday hours cannot be applied.
    #[default]
    Unknown,
    /// An ordinary working day or weekend day.
    Ordinary,
    /// A day off of a holiday period.
    Holiday(Festival),
    /// A weekend day worked in exchange for a holiday (调休上班日).
    Workday(Festival),
}

/// The calendar: the days that are not ordinary (in date order), and the span it covers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    first: i64,
    last: i64,
    days: Vec<(i64, DayKind)>,
}

impl Calendar {
    /// Reads `holidays.json`; an error names what is wrong.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::holidays::{day_number, Calendar, DayKind, Festival};
    /// let c = Calendar::parse(r#"{"first":"2026-01-01","last":"2026-12-31",
    ///   "holidays":{"2026-10-01":"national_day"},"workdays":{"2026-10-10":"national_day"}}"#).unwrap();
    /// assert_eq!(c.kind(day_number(2026, 10, 1)), DayKind::Holiday(Festival::NationalDay));
    /// assert_eq!(c.kind(day_number(2026, 10, 9)), DayKind::Ordinary);
    /// assert_eq!(c.kind(day_number(2027, 1, 1)), DayKind::Unknown);
    /// ```
    pub fn parse(text: &str) -> Result<Calendar, String> {
        let error = |what: String| format!("holidays.json: {what}");
        let file: Fields = serde_json::from_str(text).map_err(|e| error(e.to_string()))?;
        let field = |name: &str| file.get(name).map(|v| v.get()).ok_or_else(|| error(format!("missing field `{name}`")));
        let date = |d: &str| parse_date(d).ok_or_else(|| error(format!("{d:?} is not a date (YYYY-MM-DD)")));
        let (first, last) = (date(json_str(field("first")?)?)?, date(json_str(field("last")?)?)?);
        let mut days = Vec::new();
        for (name, kind) in [("holidays", DayKind::Holiday as fn(Festival) -> DayKind), ("workdays", DayKind::Workday)] {
            let list: Fields = serde_json::from_str(field(name)?).map_err(|e| error(format!("{name}: {e}")))?;
            for (d, code) in list {
                let code = json_str(code.get())?;
                let festival = Festival::from_code(code).ok_or_else(|| error(format!("{d}: unknown festival {code:?}")))?;
                days.push((date(d)?, kind(festival)));
            }
        }
        days.sort_unstable_by_key(|(d, _)| *d);
        if let Some((outside, _)) = days.iter().find(|(d, _)| !(first..=last).contains(d)) {
            return Err(error(format!("{} is outside first..last", date_text(*outside))));
        }
        Ok(Calendar { first, last, days })
    }

    /// The kind of the day `day` (days since 1970-01-01).
    pub fn kind(&self, day: i64) -> DayKind {
        if !(self.first..=self.last).contains(&day) {
            return DayKind::Unknown;
        }
        self.days.binary_search_by_key(&day, |(d, _)| *d).map_or(DayKind::Ordinary, |k| self.days[k].1)
    }

    /// The last day the calendar covers.
    pub fn last(&self) -> i64 {
        self.last
    }
}

/// A JSON string's text (the calendar's strings have no escapes).
fn json_str(json: &str) -> Result<&str, String> {
    serde_json::from_str::<&str>(json).map_err(|e| format!("holidays.json: {e}"))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
pub fn day_number(year: i64, month: u32, day: u32) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day number.
///
/// # Examples
/// ```
/// use charity_finder::domain::holidays::{date_text, day_number};
/// assert_eq!(date_text(day_number(2026, 10, 10)), "2026-10-10");
/// assert_eq!(date_text(0), "1970-01-01");
/// ```
pub fn date_text(day: i64) -> String {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Reads `YYYY-MM-DD` (a real date) as a day number.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    let day = day_number(y, m, d);
    (parts.next().is_none() && text.len() == 10 && date_text(day) == text).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for day in [-1, 0, 19_000, day_number(2026, 2, 28), day_number(2024, 2, 29), day_number(2100, 3, 1)] {
            assert_eq!(parse_date(&date_text(day)), Some(day));
        }
        assert_eq!(day_number(2026, 10, 1) - day_number(2026, 9, 30), 1);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2026-2-3"), None);
    }

    #[test]
    fn the_bundled_calendar_reads() {
        let c = Calendar::parse(include_str!("../../public/data/holidays.json")).expect("reads");
        assert_eq!(c.kind(day_number(2026, 10, 1)), DayKind::Holiday(Festival::NationalDay));
        assert_eq!(c.kind(day_number(2026, 10, 10)), DayKind::Workday(Festival::NationalDay));
        assert_eq!(c.kind(day_number(2026, 2, 17)), DayKind::Holiday(Festival::SpringFestival));
        assert_eq!(c.kind(day_number(2026, 11, 2)), DayKind::Ordinary);
        assert_eq!(c.kind(day_number(2027, 10, 1)), DayKind::Unknown);
    }

    #[test]
    fn bad_files_are_named() {
        assert!(Calendar::parse("{}").is_err());
        let e = Calendar::parse(r#"{"first":"2026-01-01","last":"2026-12-31","holidays":{"2027-01-01":"new_year"},"workdays":{}}"#);
        assert!(e.expect_err("outside").contains("2027-01-01"));
        assert!(
            Calendar::parse(r#"{"first":"2026-01-01","last":"2026-12-31","holidays":{"2026-01-01":"moon_day"},"workdays":{}}"#).is_err()
        );
    }
}
