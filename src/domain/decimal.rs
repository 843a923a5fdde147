//! Decimal numbers as links, messages and files write them, read and written without the
//! standard library's float conversions, which the app needed for only a handful of coordinates,
//! distances and shares: reading brought a table of powers of five into the wasm, writing Grisu and Dragon
//! (decision 0011 has the figures). `serde_json` reads and writes the
//! dataset's numbers with its own.

/// Reads a decimal number as links and form values write it (`23.1064`, `-0.5`, `500`, `.5`): an
/// optional sign, digits, at most one point; no exponent, `inf` or `NaN`. The same `f64` as
/// `str::parse` for up to 15 significant digits (the digits as an integer, divided or multiplied by
/// an exact power of ten: one rounding), close to it beyond.
///
/// # Examples
/// ```
/// use charity_finder::domain::decimal::parse;
/// assert_eq!(parse("23.1064"), Some(23.1064));
/// assert_eq!(parse("-.5"), Some(-0.5));
/// assert_eq!(parse("1e3"), None);
/// assert_eq!(parse("."), None);
/// ```
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    // Up to 19 significant digits in the integer; further ones only move the point.
    let (mut digits, mut significant, mut exponent, mut point, mut any) = (0u64, 0u32, 0i32, false, false);
    for &b in body {
        match b {
            b'0'..=b'9' => {
                any = true;
                if significant < 19 {
                    digits = digits * 10 + u64::from(b - b'0');
                    significant += u32::from(digits > 0);
                    exponent -= i32::from(point);
                } else {
                    exponent += i32::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if !any {
        return None;
    }
    let magnitude = match exponent {
        0 => digits as f64,
        1..=22 => digits as f64 * 10f64.powi(exponent),
        -22..=-1 => digits as f64 / 10f64.powi(-exponent),
        _ => digits as f64 * 10f64.powi(exponent),
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `x` with exactly `decimals` digits after the point (at most 9): the text
/// `format!("{x:.decimals$}")` gives for the coordinates, distances and shares the app shows. It
/// rounds the scaled value half away from zero where the standard library rounds the exact binary
/// value, so a last digit exactly on a half may differ.
///
/// # Examples
/// ```
/// use charity_finder::domain::decimal::fixed;
/// assert_eq!(fixed(113.3245, 6), "113.324500");
/// assert_eq!(fixed(-0.05, 1), "-0.1");
/// assert_eq!(fixed(3.24, 0), "3");
/// ```
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let scale = 10u64.pow(decimals.min(9));
    let n = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    match decimals {
        0 => format!("{sign}{n}"),
        _ => format!("{sign}{}.{:0width$}", n / scale, n % scale, width = decimals.min(9) as usize),
    }
}

/// `x` with at most `decimals` digits after the point, without trailing zeros: `40`, `113.3245`.
///
/// # Examples
/// ```
/// use charity_finder::domain::decimal::short;
/// assert_eq!(short(40.0, 6), "40");
/// assert_eq!(short(113.32450001, 6), "113.3245");
/// ```
pub fn short(x: f64, decimals: u32) -> String {
    let mut text = fixed(x, decimals);
    if text.contains('.') {
        text.truncate(text.trim_end_matches('0').trim_end_matches('.').len());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn decimals_read_as_the_standard_parser_reads_them(text in "[+-]?[0-9]{0,8}(\\.[0-9]{0,7})?") {
            prop_assert_eq!(parse(&text), text.parse::<f64>().ok());
        }

        #[test]
        fn other_text_is_refused_or_read_the_same(text in "[-+.0-9eEinfaINF ]{0,12}") {
            if let Some(x) = parse(&text) {
                prop_assert_eq!(Some(x), text.parse::<f64>().ok());
            }
        }
    }

    #[test]
    fn long_decimals_stay_close() {
        for text in ["23.10640000000000000001", "12345678901234567890123", "0.000000000000000000000000123", "113.123456789012345678"] {
            let (ours, std) = (parse(text).expect("reads"), text.parse::<f64>().expect("reads"));
            assert!((ours - std).abs() <= std.abs() * 1e-15, "{text}: {ours} vs {std}");
        }
    }

    proptest! {
        #[test]
        fn fixed_writes_what_the_standard_library_writes(units in -200_000_000i64..200_000_000, decimals in 0u32..7) {
            // Numbers with at most 6 decimals, as the data holds them: no last digit on a half.
            let x = units as f64 / 1e6;
            prop_assert_eq!(fixed(x, 6), format!("{x:.6}"));
            let rounded = parse(&fixed(x, decimals)).expect("reads");
            prop_assert!((rounded - x).abs() <= 0.5 / 10f64.powi(decimals as i32) + 1e-9);
        }
    }
}
