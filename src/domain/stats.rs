//! Counts by status, district and service: the overview and `spaces stats` share them.

use super::model::{Space, Status, DISTRICTS, SERVICES};

/// Counts of a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub total: usize,
    pub certified: usize,
    /// Per district, in the order of [`DISTRICTS`]: (all, certified).
    pub districts: [(usize, usize); DISTRICTS.len()],
    /// Per service, in the order of [`SERVICES`].
    pub services: [usize; SERVICES.len()],
}

/// Counts spaces by status, district and service.
pub fn stats<'a>(spaces: impl IntoIterator<Item = &'a Space>) -> Stats {
    let mut s = Stats { total: 0, certified: 0, districts: [(0, 0); DISTRICTS.len()], services: [0; SERVICES.len()] };
    for space in spaces {
        s.total += 1;
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
