//! `spaces stats`: counts by district, status and service.

use std::fmt::Write;

use crate::domain::model::{DISTRICTS, SERVICES};
pub use crate::domain::stats::{stats, Stats};

/// The report `spaces stats` prints.
pub fn render(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "spaces: {} registered, {} certified ({:.0} %)",
        s.total,
        s.certified,
        100.0 * s.certified as f64 / s.total.max(1) as f64
    );
    let _ = writeln!(out, "\nby district (all / certified):");
    for (d, (all, cert)) in DISTRICTS.iter().zip(s.districts) {
        let _ = writeln!(out, "  {} {} {:<10} {all:>6} {cert:>6}", d.code, d.zh, d.en);
    }
    let _ = writeln!(out, "\nby service:");
    for (svc, n) in SERVICES.iter().zip(s.services) {
        let _ = writeln!(out, "  {:<10} {:<8} {n:>6}", svc.id, svc.zh);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::parse_dataset;

    #[test]
    fn bundled_totals() {
        let d = parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset;
        let s = stats(&d.spaces);
        assert_eq!((s.total, s.certified), (358, 165));
        let panyu = DISTRICTS.iter().position(|d| d.code == "440113").expect("panyu");
        assert_eq!(s.districts[panyu].0, 100);
        assert!(s.districts.iter().all(|(n, _)| *n > 0));
        let text = render(&s);
        assert!(text.contains("358 registered, 165 certified"));
        assert!(text.contains("440113 番禺区 Panyu         100"));
    }
}
