//! `spaces validate`: every rule a dataset must meet, each problem as `record id / field / reason`.

use std::collections::HashSet;

use crate::domain::boundaries::Boundaries;
use crate::domain::holidays::{date_text, Calendar};
use crate::domain::hours;
use crate::domain::load::{parse_dataset, Problem};
use crate::domain::model::{Dataset, Space, Status};

use super::streets::{is_street_of, Street};

/// A space closer than this to its district's border gets a warning: the coarse boundary data
/// cannot decide such cases.
pub const BORDER_WARNING_M: f64 = 500.0;

/// What validation found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Report {
    /// Clean means no errors (warnings are advice).
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Validates dataset text: structure, then every record, then the totals.
pub fn validate_text(text: &str, boundaries: &Boundaries, streets: &[Street]) -> Result<Report, String> {
    let loaded = parse_dataset(text).map_err(|e| e.to_string())?;
    let mut report = validate(&loaded.dataset, boundaries, streets);
    report.errors.splice(0..0, loaded.skipped);
    Ok(report)
}

/// How far ahead the holiday calendar must reach.
pub const CALENDAR_AHEAD_DAYS: i64 = 60;

/// Checks the holiday calendar's text: an error when it does not read, a warning when it ends
/// within [`CALENDAR_AHEAD_DAYS`] of `today` (days since 1970-01-01).
///
/// # Examples
/// ```
/// use charity_finder::{domain::holidays::day_number, tools::validate::check_calendar};
/// let text = r#"{"first":"2026-01-01","last":"2026-12-31","holidays":{},"workdays":{}}"#;
/// assert_eq!(check_calendar(text, day_number(2026, 6, 1)), Ok(None));
/// assert!(check_calendar(text, day_number(2026, 12, 1)).unwrap().unwrap().contains("2026-12-31"));
/// ```
pub fn check_calendar(text: &str, today: i64) -> Result<Option<String>, String> {
    let calendar = Calendar::parse(text)?;
    Ok((calendar.last() < today + CALENDAR_AHEAD_DAYS).then(|| {
        format!(
            "holidays.json ends on {}, within {CALENDAR_AHEAD_DAYS} days: add the State Council's notice for the next year \
             (docs/data-format.md, \"Holiday calendar\"); until then holidays show the weekday's hours, flagged",
            date_text(calendar.last())
        )
    }))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.split('-').all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        && matches!(s[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u8>(), Ok(1..=31))
}

/// A phone number people can dial: a Guangzhou landline (`020-12345678`, or 8 digits), a
/// mobile (`13912345678`), a service line (`12345`, `400…`), optionally with `+86` and an
/// extension (`转123`); several numbers may be separated by `/` or `、`.
pub fn is_plausible_phone(phone: &str) -> bool {
    phone.split(['/', '、', ';']).all(|one| {
        let one = match one.trim().split_once('转') {
            Some((number, ext)) if !ext.is_empty() && ext.len() <= 6 && ext.bytes().all(|b| b.is_ascii_digit()) => number.trim(),
            Some(_) => return false,
            None => one.trim(),
        };
        let rest = one.strip_prefix("+86").unwrap_or(one).trim();
        if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit() || " -()".contains(c)) {
            return false;
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            5 => digits.starts_with("12") || digits.starts_with("95"),
            8 => !digits.starts_with('0'),
            // +86 20 8473 1234: Guangzhou's area code without its trunk 0.
            10 => digits.starts_with("400") || digits.starts_with("800") || (one.starts_with("+86") && digits.starts_with("20")),
            11 => (digits.starts_with('1') && !digits.starts_with("10")) || digits.starts_with("020"),
            _ => false,
        }
    })
}

/// The rules for one record beyond those every loader applies.
pub fn validate_record(space: &Space, boundaries: &Boundaries, streets: &[Street]) -> Report {
    let mut report = Report::default();
    let err = |field: &str, reason: String| Problem::new(&space.id, field, reason);
    match boundaries.locate(space.location) {
        Some(code) if code == space.district => {
            if let Some(shape) = boundaries.get(code) {
                let d = shape.distance_to_border_m(space.location);
                if d < BORDER_WARNING_M {
                    report.warnings.push(err("location", format!("{d:.0} m from the district border; check the district")));
                }
            }
        }
        Some(other) => report.errors.push(err("location", format!("lies in district {other}, not in {}", space.district))),
        None => report.errors.push(err("location", "lies outside every Guangzhou district".into())),
    }
    // What the importer keeps as written, with a warning (decision 0015): a street not on the
    // 2023 list (streets are renamed), no address, no service, a certified space without a date.
    if !is_street_of(streets, &space.district, &space.street) {
        report.warnings.push(err("street", format!("{:?} is not a street or town of district {}", space.street, space.district)));
    }
    if space.address.trim().is_empty() {
        report.warnings.push(err("address", "empty address".into()));
    }
    if space.services.is_empty() {
        report.warnings.push(err("services", "no service listed: the space shows under no service filter".into()));
    }
    if let Err(reason) = hours::parse(&space.opening_hours) {
        report.errors.push(err("opening_hours", reason));
    }
    if !space.phone.is_empty() && !is_plausible_phone(&space.phone) {
        report.errors.push(err("phone", format!("{:?} does not look like a phone number", space.phone)));
    }
    match (space.status, &space.certified_on) {
        (Status::Certified, None) => report.warnings.push(err("certified_on", "certified without a certification date".into())),
        (Status::Certified, Some(d)) if !is_iso_date(d) => {
            report.errors.push(err("certified_on", format!("{d:?} is not a YYYY-MM-DD date")))
        }
        (Status::Registered, Some(_)) => {
            report.errors.push(err("certified_on", "a certification date on a space that is only registered".into()))
        }
        _ => {}
    }
    if !space.last_verified.is_empty() && !is_iso_date(&space.last_verified) {
        report.errors.push(err("last_verified", format!("{:?} is not a YYYY-MM-DD date", space.last_verified)));
    }
    for (field, codes) in [("services", &space.services), ("languages", &space.languages)] {
        let mut seen = HashSet::new();
        if let Some(dup) = codes.iter().find(|c| !seen.insert(*c)) {
            report.warnings.push(err(field, format!("{dup:?} listed twice")));
        }
    }
    for (field, text, most) in [
        ("eligibility_description", space.eligibility_description.as_str(), MAX_ELIGIBILITY),
        ("fees_description", space.fees_description.as_str(), MAX_FEES),
    ] {
        let n = text.chars().count();
        if n > most {
            report
                .errors
                .push(err(field, format!("{n} characters; at most {most} fit the details (keep the rest for the space's own page)")));
        }
    }
    if space.required_documents.len() > MAX_DOCUMENTS {
        report.errors.push(err("required_documents", format!("{} documents; at most {MAX_DOCUMENTS}", space.required_documents.len())));
    }
    for document in &space.required_documents {
        let n = document.trim().chars().count();
        if n == 0 || n > MAX_DOCUMENT {
            report.errors.push(err("required_documents", format!("{document:?}: each document is 1 to {MAX_DOCUMENT} characters")));
        }
    }
    if space.keys.py.is_empty() {
        report.warnings.push(err("keys", "no pinyin search keys; run the data tools to compute them".into()));
    }
    report
}

/// The longest "who can use it" text, in characters.
pub const MAX_ELIGIBILITY: usize = 200;
/// The longest fees text.
pub const MAX_FEES: usize = 100;
/// The most documents a space may ask for, and the longest name of one.
pub const MAX_DOCUMENTS: usize = 10;
pub const MAX_DOCUMENT: usize = 40;

/// Validates a loaded dataset.
pub fn validate(dataset: &Dataset, boundaries: &Boundaries, streets: &[Street]) -> Report {
    let mut report = Report::default();
    if dataset.spaces.is_empty() {
        report.errors.push(Problem::new("meta", "spaces", "the dataset has no spaces"));
    }
    for space in &dataset.spaces {
        let r = validate_record(space, boundaries, streets);
        report.errors.extend(r.errors);
        report.warnings.extend(r.warnings);
    }
    if let Some(t) = dataset.meta.totals {
        let registered = dataset.spaces.len();
        let certified = dataset.spaces.iter().filter(|s| s.status == Status::Certified).count();
        if registered != t.registered {
            report.errors.push(Problem::new("meta", "totals.registered", format!("says {}, the file has {registered}", t.registered)));
        }
        if certified != t.certified {
            report.errors.push(Problem::new("meta", "totals.certified", format!("says {}, the file has {certified}", t.certified)));
        }
    }
    if !is_iso_date(&dataset.meta.as_of) {
        report.errors.push(Problem::new("meta", "as_of", format!("{:?} is not a YYYY-MM-DD date", dataset.meta.as_of)));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::streets::streets;

    fn boundaries() -> Boundaries {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson")).expect("parses")
    }

    fn bundled() -> Dataset {
        parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset
    }

    /// Validates the first bundled record after `edit`, returning the fields with errors.
    fn errors_after(edit: impl Fn(&mut Space)) -> Vec<String> {
        let mut d = bundled();
        d.spaces.truncate(1);
        d.meta.totals = None;
        edit(&mut d.spaces[0]);
        validate(&d, &boundaries(), &streets()).errors.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn bundled_dataset_is_clean() {
        let text = include_str!("../../public/data/spaces.json");
        let report = validate_text(text, &boundaries(), &streets()).expect("loads");
        assert!(report.is_clean(), "{:?}", report.errors);
    }

    #[test]
    fn a_good_record_passes() {
        assert!(errors_after(|_| {}).is_empty());
    }

    type Edit = Box<dyn Fn(&mut Space)>;

    #[test]
    fn each_rule_fails_on_its_field() {
        let cases: Vec<(&str, Edit)> = vec![
            (
                "location",
                Box::new(|s| {
                    s.location =
                        crate::domain::model::LatLng { lat: 23.1064, lng: 113.3245 + if s.district == "440105" { 0.2 } else { 0.0 } }
                }),
            ),
            ("opening_hours", Box::new(|s| s.opening_hours = "Mo-Fr 9-5".into())),
            ("phone", Box::new(|s| s.phone = "call us".into())),
            (
                "certified_on",
                Box::new(|s| {
                    s.status = Status::Registered;
                    s.certified_on = Some("2021-01-01".into());
                }),
            ),
            ("last_verified", Box::new(|s| s.last_verified = "yesterday".into())),
            ("eligibility_description", Box::new(|s| s.eligibility_description = "长者".repeat(101))),
            ("fees_description", Box::new(|s| s.fees_description = "元".repeat(101))),
            ("required_documents", Box::new(|s| s.required_documents = vec!["身份证".into(), " ".into()])),
            ("required_documents", Box::new(|s| s.required_documents = vec!["证".into(); 11])),
        ];
        for (field, edit) in cases {
            let fields = errors_after(edit);
            assert!(fields.iter().any(|f| f == field), "{field}: {fields:?}");
        }
    }

    #[test]
    fn what_the_importer_keeps_is_a_warning() {
        let mut d = bundled();
        d.spaces.truncate(1);
        d.meta.totals = None;
        let s = &mut d.spaces[0];
        (s.street, s.address, s.services, s.status, s.certified_on) = ("新设街道".into(), " ".into(), Vec::new(), Status::Certified, None);
        let report = validate(&d, &boundaries(), &streets());
        assert!(report.is_clean(), "{:?}", report.errors);
        let mut fields: Vec<&str> = report.warnings.iter().map(|p| p.field.as_str()).collect();
        fields.sort_unstable();
        assert_eq!(fields, ["address", "certified_on", "services", "street"]);
    }

    #[test]
    fn an_empty_dataset_fails() {
        let mut d = bundled();
        d.spaces.clear();
        d.meta.totals = None;
        let report = validate(&d, &boundaries(), &streets());
        assert!(report.errors.iter().any(|p| p.field == "spaces"), "{report:?}");
    }

    #[test]
    fn near_the_border_is_a_warning() {
        let mut d = bundled();
        d.meta.totals = None;
        d.spaces.truncate(1);
        let b = boundaries();
        let shape = b.get(&d.spaces[0].district).expect("district");
        // Move to a point just inside a vertex of the border.
        let v = shape.shape.0[0].exterior().0[0];
        let centre = b.representative_point(&d.spaces[0].district).expect("centre");
        let near = crate::domain::model::LatLng { lat: v.y + (centre.lat - v.y) * 0.002, lng: v.x + (centre.lng - v.x) * 0.002 };
        d.spaces[0].location = near;
        let report = validate(&d, &b, &streets());
        assert!(report.warnings.iter().any(|p| p.field == "location"), "{report:?}");
    }

    #[test]
    fn totals_must_match() {
        let mut d = bundled();
        d.spaces.pop();
        let fields: Vec<String> = validate(&d, &boundaries(), &streets()).errors.into_iter().map(|p| p.field).collect();
        assert!(fields.contains(&"totals.registered".to_string()));
    }

    #[test]
    fn phones() {
        for ok in [
            "020-83451234",
            "020 8345 1234",
            "83451234",
            "13912345678",
            "+86 139 1234 5678",
            "12345",
            "400-123-4567",
            "020-83451234 / 13912345678",
            "020-83451234转123",
            "+86 20 8345 1234",
        ] {
            assert!(is_plausible_phone(ok), "{ok}");
        }
        for bad in ["123", "abc", "020-834", "0000000000000", "", "020-83451234转", "020-83451234转x", "2083451234"] {
            assert!(!is_plausible_phone(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2021-06-30"));
        assert!(!is_iso_date("2021-13-01") && !is_iso_date("2021/06/30") && !is_iso_date("21-06-30"));
    }
}
