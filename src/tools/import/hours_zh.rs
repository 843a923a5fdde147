//! Opening hours as people write them in Chinese (`周一至周五 9:00-17:00`, `工作日上午9点到12点`,
//! `每天 8:30-20:00`, `全天开放`, `节假日休息`), converted to the OpenStreetMap form the finder
//! reads ([`crate::domain::hours`]).

use super::forms::half_width;
use crate::domain::hours;

const DAY_CODES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// One rule: the weekdays (or public holidays) it names and its ranges in minutes (empty = closed).
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    days: [bool; 7],
    holidays: bool,
    ranges: Vec<(u16, u16)>,
}

/// The OSM form of an opening-hours text: the text itself when it already is one, the
/// conversion of a Chinese text, or `None` when neither reads.
///
/// # Examples
/// ```
/// use charity_finder::tools::import::hours_zh::to_osm;
/// assert_eq!(to_osm("周一至周五 9:00-17:00，节假日休息").as_deref(), Some("Mo-Fr 09:00-17:00; PH off"));
/// assert_eq!(to_osm("工作日上午9点到12点").as_deref(), Some("Mo-Fr 09:00-12:00"));
/// assert_eq!(to_osm("全天开放").as_deref(), Some("24/7"));
/// assert_eq!(to_osm("看情况"), None);
/// ```
pub fn to_osm(text: &str) -> Option<String> {
    let text = text.trim();
    if hours::parse(text).is_ok() {
        return Some(text.to_string());
    }
    let t = half_width(text).replace('~', "-");
    let t = t.trim().trim_end_matches(['。', '.']);
    if ["全天开放", "全天", "24小时开放", "24小时", "全年无休", "24小时全天开放", "全天候开放"].contains(&t) {
        return Some("24/7".into());
    }
    let mut rules: Vec<Rule> = Vec::new();
    for clause in t.split([';', ',', '。', '\n', '\r', '，', '；']).map(str::trim).filter(|c| !c.is_empty()) {
        let mut s = Scanner { chars: clause.chars().collect(), at: 0 };
        let selector = s.days();
        s.skip_words(&["开放时间", "开放", "为", ":", "均", "全天"]);
        let rest: String = s.chars[s.at..].iter().collect();
        let rest = rest.trim();
        let ranges = if is_closed(rest) {
            Vec::new()
        } else if rest.is_empty() && selector.is_some() && clause.contains("全天") {
            vec![(0, 1440)]
        } else {
            s.ranges()?
        };
        match (selector, rules.last_mut()) {
            (Some((days, holidays)), _) => rules.push(Rule { days, holidays, ranges }),
            // "上午9点到12点，下午2点到5点": a clause without days continues the one before.
            (None, Some(last)) if !ranges.is_empty() && !last.ranges.is_empty() => last.ranges.extend(ranges),
            (None, None) => rules.push(Rule { days: [true; 7], holidays: false, ranges }),
            (None, Some(_)) => return None,
        }
    }
    let osm = rules.iter().map(render).collect::<Vec<_>>().join("; ");
    (!osm.is_empty() && matches!(hours::parse(&osm), Ok(Some(_)))).then_some(osm)
}

fn is_closed(rest: &str) -> bool {
    ["休息", "闭馆", "不开放", "关闭", "休馆", "停止开放", "暂停开放", "闭门", "休"].contains(&rest.trim_start_matches(['均', ':']))
}

fn render(rule: &Rule) -> String {
    let selector = if rule.holidays {
        "PH".to_string()
    } else {
        let on: Vec<usize> = (0..7).filter(|d| rule.days[*d]).collect();
        let contiguous = on.windows(2).all(|w| w[1] == w[0] + 1);
        match on.as_slice() {
            [one] => DAY_CODES[*one].to_string(),
            [first, .., last] if contiguous => format!("{}-{}", DAY_CODES[*first], DAY_CODES[*last]),
            days => days.iter().map(|d| DAY_CODES[*d]).collect::<Vec<_>>().join(","),
        }
    };
    if rule.ranges.is_empty() {
        return format!("{selector} off");
    }
    let hhmm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    let ranges: Vec<String> = rule.ranges.iter().map(|(a, b)| format!("{}-{}", hhmm(*a), hhmm(*b))).collect();
    format!("{selector} {}", ranges.join(","))
}

struct Scanner {
    chars: Vec<char>,
    at: usize,
}

impl Scanner {
    fn rest_starts(&self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.chars[self.at..].starts_with(&w)
    }

    fn eat(&mut self, word: &str) -> bool {
        let ok = self.rest_starts(word);
        if ok {
            self.at += word.chars().count();
        }
        ok
    }

    fn eat_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eat(w))
    }

    fn skip_spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn skip_words(&mut self, words: &[&str]) {
        loop {
            self.skip_spaces();
            if !self.eat_any(words) {
                break;
            }
        }
    }

    /// A day selector at the start: the weekdays and whether it names public holidays.
    fn days(&mut self) -> Option<([bool; 7], bool)> {
        self.skip_spaces();
        if self.eat_any(&["法定节假日", "节假日", "公众假期", "节日", "假日", "法定假日"]) {
            return Some(([false; 7], true));
        }
        if self.eat_any(&["每天", "每日", "天天", "全周", "全年", "周一至周日", "星期一至星期日"]) {
            return Some(([true; 7], false));
        }
        if self.eat_any(&["工作日", "周一至周五"]) {
            return Some(([true, true, true, true, true, false, false], false));
        }
        if self.eat_any(&["周末", "双休日", "休息日"]) {
            return Some(([false, false, false, false, false, true, true], false));
        }
        let start = self.at;
        let mut days = [false; 7];
        let mut any = false;
        loop {
            self.eat_any(&["星期", "礼拜", "周"]);
            let Some(first) = self.day() else { break };
            any = true;
            self.skip_spaces();
            if self.eat_any(&["至", "到", "-"]) {
                self.eat_any(&["星期", "礼拜", "周"]);
                let last = self.day()?;
                let mut d = first;
                loop {
                    days[d] = true;
                    if d == last {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            } else {
                days[first] = true;
            }
            self.skip_spaces();
            let mark = self.at;
            if !self.eat_any(&["、", "和", "及", "与"]) {
                break;
            }
            if !(self.rest_starts("周") || self.rest_starts("星期") || self.rest_starts("礼拜") || self.peek_day()) {
                self.at = mark;
                break;
            }
        }
        if !any {
            self.at = start;
            return None;
        }
        Some((days, false))
    }

    fn peek_day(&self) -> bool {
        self.chars.get(self.at).is_some_and(|c| day_index(*c).is_some())
    }

    fn day(&mut self) -> Option<usize> {
        let d = day_index(*self.chars.get(self.at)?)?;
        self.at += 1;
        Some(d)
    }

    /// Time ranges separated by `、`, `和`, `,` or spaces; `None` when the rest is not ranges.
    fn ranges(&mut self) -> Option<Vec<(u16, u16)>> {
        let mut out = Vec::new();
        loop {
            self.skip_words(&["、", "和", "及", "/"]);
            if self.at >= self.chars.len() {
                break;
            }
            let (start, period) = self.time(None)?;
            self.skip_spaces();
            if !self.eat_any(&["-", "至", "到"]) {
                return None;
            }
            self.skip_spaces();
            let (mut end, end_period) = self.time(period)?;
            if end <= start && end_period.is_none() && end < 12 * 60 {
                end += 12 * 60;
            }
            if end <= start || end > 1440 {
                return None;
            }
            out.push((start, end));
        }
        (!out.is_empty()).then_some(out)
    }

    /// A time (`9:00`, `9点`, `9点半`, `下午2点`, `14时30分`), in minutes, and the period word
    /// it carried (which a following time without one inherits).
    fn time(&mut self, inherited: Option<u16>) -> Option<(u16, Option<u16>)> {
        self.skip_spaces();
        // The period's offset to add to hours before noon (下午 2 → 14).
        let period = if self.eat_any(&["上午", "早上", "早晨", "凌晨", "早"]) {
            Some(0)
        } else if self.eat_any(&["中午"]) {
            Some(1)
        } else if self.eat_any(&["下午", "晚上", "傍晚", "晚"]) {
            Some(12)
        } else {
            None
        };
        let hour = self.number()?;
        let minute = if self.eat(":") || self.eat("时") || self.eat("点") {
            if self.eat("半") {
                30
            } else {
                let m = self.number().unwrap_or(0);
                self.eat("分");
                m
            }
        } else {
            return None;
        };
        if hour > 24 || minute > 59 {
            return None;
        }
        let offset = match period.or(inherited) {
            Some(12) if hour < 12 => 12,
            Some(1) if hour < 11 => 12,
            _ => 0,
        };
        Some(((hour + offset) * 60 + minute, period.or(inherited)))
    }

    fn number(&mut self) -> Option<u16> {
        let start = self.at;
        while self.chars.get(self.at).is_some_and(char::is_ascii_digit) && self.at - start < 2 {
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        text.parse().ok()
    }
}

fn day_index(c: char) -> Option<usize> {
    "一二三四五六日".chars().position(|d| d == c).or((c == '天' || c == '七').then_some(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_write() {
        for (text, want) in [
            ("周一至周五 9:00-17:00", "Mo-Fr 09:00-17:00"),
            ("工作日上午9点到12点", "Mo-Fr 09:00-12:00"),
            ("每天 8:30-20:00", "Mo-Su 08:30-20:00"),
            ("全天开放", "24/7"),
            ("节假日休息", "PH off"),
            ("周一至周五 9:00-17:00，节假日休息", "Mo-Fr 09:00-17:00; PH off"),
            ("周一至周五上午9点到12点，下午2点到5点半", "Mo-Fr 09:00-12:00,14:00-17:30"),
            ("周一、三、五 9:00-11:30", "Mo,We,Fr 09:00-11:30"),
            ("星期二至星期六 09：00—18：00；周日休息", "Tu-Sa 09:00-18:00; Su off"),
            ("周末 10:00-16:00", "Sa-Su 10:00-16:00"),
            ("9:00-17:00", "Mo-Su 09:00-17:00"),
            ("周一至周五 9点至5点", "Mo-Fr 09:00-17:00"),
            ("周六 下午2点至晚上8点", "Sa 14:00-20:00"),
            ("Mo-Fr 09:00-17:30; Sa 09:00-12:00", "Mo-Fr 09:00-17:30; Sa 09:00-12:00"),
            ("８：３０－１２：００", "Mo-Su 08:30-12:00"),
        ] {
            assert_eq!(to_osm(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn what_cannot_be_read_is_none() {
        for text in ["看情况", "预约开放", "周一至周五", "9:00", "25:00-26:00", "周八 9:00-10:00", "下午5点到上午9点"]
        {
            assert_eq!(to_osm(text), None, "{text}");
        }
    }
}
