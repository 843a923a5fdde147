//! `spaces stats`: counts by district, status and service.

use std::fmt::Write;

use crate::domain::model::{Dataset, Status, DISTRICTS, SERVICES};

/// Counts of a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub total: usize,
    pub certified: usize,
    /// Per district, in the order of [`DISTRICTS`]: (all, certified).
    pub districts: [(usize, usize); 11],
    /// Per service, in the order of [`SERVICES`].
    pub services: [usize; 11],
}

/// Counts a dataset.
pub fn stats(dataset: &Dataset) -> Stats {
    let mut s = Stats { total: dataset.spaces.len(), certified: 0, districts: [(0, 0); 11], services: [0; 11] };
    for space in &dataset.spaces {
        let certified = space.status == Status::Certified;
        s.certified += usize::from(certified);
        if let Some(k) = DISTRICTS.iter().position(|d| d.code == space.district) {
            s.districts[k].0 += 1;
            s.districts[k].1 += usize::from(certified);
        }
        for id in &space.services {
            if let Some(k) = SERVICES.iter().position(|x| x.id == id) {
                s.services[k] += 1;
            }
        }
    }
    s
}

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
        let s = stats(&d);
        assert_eq!((s.total, s.certified), (358, 165));
        let panyu = DISTRICTS.iter().position(|d| d.code == "440113").expect("panyu");
        assert_eq!(s.districts[panyu].0, 100);
        assert!(s.districts.iter().all(|(n, _)| *n > 0));
        let text = render(&s);
        assert!(text.contains("358 registered, 165 certified"));
        assert!(text.contains("440113 番禺区 Panyu         100"));
    }
}
