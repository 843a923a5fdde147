//! Opening hours in the OpenStreetMap `opening_hours` syntax (a documented subset) and the
//! open / opening soon / closing soon / closed state at a moment in China Standard Time.
//!
//! Supported: `24/7`; rules separated by `;`, each an optional weekday selector (`Mo-Fr`,
//! `Mo,We,Fr`, `Sa-Su`, `PH`) followed by time ranges (`09:00-12:00,14:00-17:30`) or `off`/`closed`.
//! A later rule overrides an earlier one for the days it names, as in OSM. Public holidays
//! (`PH`) apply on the days off of China's holiday calendar ([`super::holidays`]); on an adjusted
//! working day (调休) the working week's hours apply; beyond the calendar, the weekday's hours
//! hold and the details say holiday hours may differ.

use super::holidays::{Calendar, DayKind, Festival};

/// Minutes before closing when a space counts as "closing soon".
pub const CLOSING_SOON_MIN: u16 = 30;
/// Minutes before opening when a space counts as "opening soon".
pub const OPENING_SOON_MIN: u16 = 60;

const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// A time range within one day, in minutes since midnight (`end` may be 1440).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: u16,
    pub end: u16,
}

/// Parsed opening hours: for each weekday (0 = Monday) the ranges it is open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hours {
    pub week: [Vec<Range>; 7],
    /// The ranges of the text's public-holiday rule (`PH …`; empty for `PH off`), if it has one.
    pub holiday: Option<Vec<Range>>,
}

/// The state of a space at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    Open { closes: u16 },
    ClosingSoon { closes: u16 },
    OpeningSoon { opens: u16 },
    Closed,
    Unknown,
}

/// A moment in China Standard Time (UTC+8, no daylight saving), with the kind of each day of
/// its week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CstTime {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Minutes since midnight.
    pub minute: u16,
    /// Days since 1970-01-01 (in China).
    pub day: i64,
    /// Monday to Sunday of this week: holiday, adjusted working day, ordinary, or not known.
    pub week: [DayKind; 7],
}

impl CstTime {
    /// Converts milliseconds since the Unix epoch to China Standard Time.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::hours::CstTime;
    /// // 2026-11-26 01:30 UTC is a Thursday, 09:30 in Guangzhou.
    /// let t = CstTime::from_unix_ms(1_795_656_600_000.0);
    /// assert_eq!((t.weekday, t.minute), (3, 9 * 60 + 30));
    /// ```
    pub fn from_unix_ms(ms: f64) -> CstTime {
        let secs = (ms / 1000.0).floor() as i64 + 8 * 3600;
        let days = secs.div_euclid(86_400);
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        let weekday = (days + 3).rem_euclid(7) as u8;
        let minute = (secs.rem_euclid(86_400) / 60) as u16;
        CstTime { weekday, minute, day: days, week: [DayKind::Unknown; 7] }
    }

    /// A weekday and minute with no date (no holiday known): for examples and tests.
    pub const fn at(weekday: u8, minute: u16) -> CstTime {
        CstTime { weekday, minute, day: 0, week: [DayKind::Unknown; 7] }
    }

    /// The same moment with the kinds of its week's days from a calendar.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::{holidays::{Calendar, DayKind, Festival}, hours::CstTime};
    /// let c = Calendar::parse(include_str!("../../public/data/holidays.json")).unwrap();
    /// // 2026-10-01 02:00 UTC: Thursday 10:00 in Guangzhou, National Day.
    /// let t = CstTime::from_unix_ms(1_790_820_000_000.0).with_calendar(&c);
    /// assert_eq!((t.weekday, t.today()), (3, DayKind::Holiday(Festival::NationalDay)));
    /// assert_eq!(t.week[5], DayKind::Holiday(Festival::NationalDay));
    /// ```
    pub fn with_calendar(self, calendar: &Calendar) -> CstTime {
        let monday = self.day - i64::from(self.weekday);
        CstTime { week: std::array::from_fn(|k| calendar.kind(monday + k as i64)), ..self }
    }

    /// The kind of today.
    pub fn today(&self) -> DayKind {
        self.week[usize::from(self.weekday % 7)]
    }
}

/// Parses the supported subset of `opening_hours`. An empty text means "unknown" and parses
/// to `None`; anything else unsupported is an error naming the part.
///
/// # Examples
/// ```
/// use charity_finder::domain::hours::parse;
/// let h = parse("Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00").unwrap().unwrap();
/// assert_eq!(h.week[0].len(), 2);
/// assert!(h.week[6].is_empty());
/// assert!(parse("sometimes").is_err());
/// ```
pub fn parse(text: &str) -> Result<Option<Hours>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut hours = Hours::default();
    for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        if rule == "24/7" {
            hours.week = std::array::from_fn(|_| vec![Range { start: 0, end: 1440 }]);
            continue;
        }
        let (selector, times) = match rule.split_once(' ') {
            Some((first, rest)) if first.starts_with(|c: char| c.is_ascii_alphabetic()) => (Some(first), rest.trim()),
            _ if rule.starts_with(|c: char| c.is_ascii_alphabetic()) && !is_off(rule) => (Some(rule), ""),
            _ => (None, rule),
        };
        let (days, holidays) = match selector {
            Some(sel) => parse_days(sel)?,
            None => ([true; 7], false),
        };
        let ranges = if is_off(times) {
            Vec::new()
        } else if times.is_empty() {
            return Err(format!("rule {rule:?} has no times"));
        } else {
            times.split(',').map(|r| parse_range(r.trim())).collect::<Result<Vec<_>, _>>()?
        };
        for (day, on) in days.iter().enumerate() {
            if *on {
                hours.week[day] = ranges.clone();
            }
        }
        if holidays {
            hours.holiday = Some(ranges);
        }
    }
    Ok(Some(hours))
}

fn is_off(s: &str) -> bool {
    matches!(s, "off" | "closed")
}

fn parse_days(selector: &str) -> Result<([bool; 7], bool), String> {
    let mut days = [false; 7];
    let mut holidays = false;
    for part in selector.split(',') {
        if part == "PH" {
            holidays = true;
            continue;
        }
        let day = |code: &str| DAY_CODES.iter().position(|d| *d == code).ok_or_else(|| format!("unknown weekday {code:?}"));
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (day(a)?, day(b)?);
                let mut d = a;
                loop {
                    days[d] = true;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => days[day(part)?] = true,
        }
    }
    Ok((days, holidays))
}

fn parse_time(s: &str) -> Result<u16, String> {
    let bad = || format!("bad time {s:?} (HH:MM expected)");
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn parse_range(s: &str) -> Result<Range, String> {
    let (a, b) = s.split_once('-').ok_or_else(|| format!("bad time range {s:?}"))?;
    let range = Range { start: parse_time(a.trim())?, end: parse_time(b.trim())? };
    if range.end <= range.start {
        return Err(format!("time range {s:?} ends before it starts (ranges past midnight are not supported)"));
    }
    Ok(range)
}

impl Hours {
    /// The state at a moment.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::hours::{parse, CstTime, OpenState};
    /// let h = parse("Mo-Fr 09:00-17:00").unwrap().unwrap();
    /// let at = |weekday, minute| h.state_at(CstTime::at(weekday, minute));
    /// assert_eq!(at(0, 10 * 60), OpenState::Open { closes: 17 * 60 });
    /// assert_eq!(at(0, 16 * 60 + 45), OpenState::ClosingSoon { closes: 17 * 60 });
    /// assert_eq!(at(0, 8 * 60 + 30), OpenState::OpeningSoon { opens: 9 * 60 });
    /// assert_eq!(at(5, 10 * 60), OpenState::Closed);
    /// ```
    pub fn state_at(&self, t: CstTime) -> OpenState {
        let weekday = usize::from(t.weekday % 7);
        let today = self.on(weekday, t.week[weekday]);
        if let Some(r) = today.iter().find(|r| r.start <= t.minute && t.minute < r.end) {
            // A range ending at midnight that continues tomorrow from 00:00 is not "closing".
            let tomorrow = (weekday + 1) % 7;
            let next_kind = if tomorrow == 0 { DayKind::Unknown } else { t.week[tomorrow] };
            let continues = r.end == 1440 && self.on(tomorrow, next_kind).first().is_some_and(|n| n.start == 0);
            return if !continues && r.end - t.minute <= CLOSING_SOON_MIN {
                OpenState::ClosingSoon { closes: r.end }
            } else {
                OpenState::Open { closes: r.end }
            };
        }
        match today.iter().find(|r| r.start > t.minute) {
            Some(r) if r.start - t.minute <= OPENING_SOON_MIN => OpenState::OpeningSoon { opens: r.start },
            _ => OpenState::Closed,
        }
    }
}

/// What a day's kind changes for a space's hours, to say beside its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayNote {
    /// A day off whose own hours (the `PH` rule) apply.
    HolidayHours(Festival),
    /// A day off the hours say nothing of: the weekday's hours are shown, and may not hold.
    HolidayMayDiffer(Festival),
    /// A weekend day worked: the working week's hours apply.
    AdjustedWorkday,
}

impl Hours {
    /// What today's kind changes, if anything.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::{holidays::{DayKind, Festival}, hours::{parse, DayNote}};
    /// let h = parse("Mo-Fr 09:00-17:00; PH off").unwrap().unwrap();
    /// assert_eq!(h.note(DayKind::Holiday(Festival::NationalDay)), Some(DayNote::HolidayHours(Festival::NationalDay)));
    /// assert_eq!(h.note(DayKind::Ordinary), None);
    /// ```
    pub fn note(&self, kind: DayKind) -> Option<DayNote> {
        match kind {
            DayKind::Holiday(f) if self.holiday.is_some() => Some(DayNote::HolidayHours(f)),
            DayKind::Holiday(f) => Some(DayNote::HolidayMayDiffer(f)),
            DayKind::Workday(_) => Some(DayNote::AdjustedWorkday),
            DayKind::Ordinary | DayKind::Unknown => None,
        }
    }

    /// The ranges that apply on a weekday of a kind: the holiday rule on a day off (the weekday's
    /// hours when there is none), the working week's hours on an adjusted working day.
    pub fn on(&self, weekday: usize, kind: DayKind) -> &[Range] {
        match kind {
            DayKind::Holiday(_) => self.holiday.as_deref().unwrap_or(&self.week[weekday]),
            DayKind::Workday(_) => self.week[..5].iter().find(|d| !d.is_empty()).unwrap_or(&self.week[weekday]),
            DayKind::Ordinary | DayKind::Unknown => &self.week[weekday],
        }
    }
}

/// The state for an `opening_hours` text, `Unknown` when it is empty or does not parse.
pub fn state_of(text: &str, t: CstTime) -> OpenState {
    match parse(text) {
        Ok(Some(h)) => h.state_at(t),
        _ => OpenState::Unknown,
    }
}

/// Whether a state counts as open for the "open now" filter.
pub fn is_open(state: OpenState) -> bool {
    matches!(state, OpenState::Open { .. } | OpenState::ClosingSoon { .. })
}

/// Formats minutes since midnight as `HH:MM`.
pub fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(text: &str) -> Hours {
        parse(text).expect("parses").expect("not empty")
    }

    #[test]
    fn empty_is_unknown() {
        assert_eq!(parse("  "), Ok(None));
        assert_eq!(state_of("", CstTime::at(0, 600)), OpenState::Unknown);
        assert_eq!(state_of("whenever", CstTime::at(0, 600)), OpenState::Unknown);
    }

    #[test]
    fn later_rules_override() {
        let hours = h("Mo-Su 09:00-18:00; Su off");
        assert_eq!(hours.week[5], vec![Range { start: 540, end: 1080 }]);
        assert!(hours.week[6].is_empty());
    }

    #[test]
    fn wrapping_day_ranges_and_lists() {
        let hours = h("Fr-Mo 10:00-12:00; We 14:00-15:00");
        let open: Vec<bool> = hours.week.iter().map(|d| !d.is_empty()).collect();
        assert_eq!(open, [true, false, true, false, true, true, true]);
    }

    #[test]
    fn all_day_every_day() {
        let hours = h("24/7");
        assert_eq!(hours.state_at(CstTime::at(6, 1439)), OpenState::Open { closes: 1440 });
    }

    #[test]
    fn holidays_are_flagged() {
        let hours = h("Mo-Fr 09:00-17:00; PH off");
        assert_eq!(hours.holiday, Some(Vec::new()));
        assert_eq!(hours.week[0].len(), 1);
    }

    #[test]
    fn bad_texts_say_why() {
        for bad in ["Mo-Fr 9:00-17:00", "Mo-Fr 17:00-09:00", "Xy 09:00-10:00", "Mo-Fr", "Mo 09:00-25:00", "Mo 09:00"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su closed").is_ok());
    }

    #[test]
    fn between_ranges_opening_soon() {
        let hours = h("Mo 09:00-12:00,14:00-17:00");
        assert_eq!(hours.state_at(CstTime::at(0, 13 * 60 + 30)), OpenState::OpeningSoon { opens: 840 });
        assert_eq!(hours.state_at(CstTime::at(0, 12 * 60 + 10)), OpenState::Closed);
        assert_eq!(hours.state_at(CstTime::at(0, 11 * 60 + 30)), OpenState::ClosingSoon { closes: 720 });
    }

    #[test]
    fn cst_conversion_crosses_midnight() {
        // 2026-11-26 16:00 UTC = Friday 00:00 in Guangzhou.
        let t = CstTime::from_unix_ms(1_795_708_800_000.0);
        assert_eq!((t.weekday, t.minute), (4, 0));
    }

    /// The calendar's National Day week of 2026 and a date beyond it.
    fn at_date(y: i64, m: u32, d: u32, minute: u16) -> CstTime {
        let calendar = Calendar::parse(include_str!("../../public/data/holidays.json")).expect("calendar");
        let day = super::super::holidays::day_number(y, m, d);
        let weekday = (day + 3).rem_euclid(7) as u8;
        CstTime { weekday, minute, day, week: [DayKind::Unknown; 7] }.with_calendar(&calendar)
    }

    #[test]
    fn a_holiday_applies_the_holiday_rule() {
        let t = at_date(2026, 10, 1, 600);
        assert_eq!(t.weekday, 3, "2026-10-01 is a Thursday");
        let closed = h("Tu-Su 09:00-17:00; PH off");
        assert_eq!(closed.state_at(t), OpenState::Closed);
        assert_eq!(closed.note(t.today()), Some(DayNote::HolidayHours(Festival::NationalDay)));
        let special = h("Mo-Fr 09:00-17:00; PH 10:00-12:00");
        assert_eq!(special.state_at(t), OpenState::Open { closes: 720 });
        // No PH rule: the weekday's hours, flagged.
        let plain = h("Mo-Fr 09:00-17:30");
        assert_eq!(plain.state_at(t), OpenState::Open { closes: 1050 });
        assert_eq!(plain.note(t.today()), Some(DayNote::HolidayMayDiffer(Festival::NationalDay)));
    }

    #[test]
    fn an_adjusted_working_day_applies_the_working_week() {
        let t = at_date(2026, 10, 10, 600);
        assert_eq!(t.weekday, 5, "2026-10-10 is a Saturday");
        let weekdays = h("Mo-Fr 09:00-17:30");
        assert_eq!(weekdays.state_at(t), OpenState::Open { closes: 1050 });
        assert_eq!(weekdays.note(t.today()), Some(DayNote::AdjustedWorkday));
        // The next Saturday is an ordinary one.
        assert_eq!(weekdays.state_at(at_date(2026, 10, 17, 600)), OpenState::Closed);
    }

    #[test]
    fn beyond_the_calendar_the_weekday_holds() {
        let t = at_date(2027, 10, 1, 600);
        assert_eq!(t.today(), DayKind::Unknown);
        let h = h("Mo-Fr 09:00-17:00; PH off");
        assert_eq!(h.state_at(t), OpenState::Open { closes: 1020 });
        assert_eq!(h.note(t.today()), None);
    }
}
