//! Nearest-k and radius queries through an R-tree (`rstar`), exact in geodesic metres.
//!
//! Points are indexed in a local equirectangular projection (metres east/north of a reference
//! latitude), where Euclidean distance is within 1 % of the geodesic distance anywhere in
//! Guangzhou. Candidates come from the tree in projected order and are then measured
//! geodesically, reading on until no unread point can still beat the results.

use rstar::{primitives::GeomWithData, RTree};

use super::distance::Origin;
use super::model::LatLng;

/// The projection's reference latitude (the middle of Guangzhou).
const REF_LAT: f64 = 23.2;
/// How much closer than its projected distance a point may be, geodesically (generous).
const SLACK: f64 = 1.02;

fn project(p: LatLng) -> [f64; 2] {
    let kx = 111_320.0 * REF_LAT.to_radians().cos();
    [p.lng * kx, p.lat * 110_574.0]
}

/// A spatial index over positions, each tagged with its index in the caller's list.
pub struct SpatialIndex {
    tree: RTree<GeomWithData<[f64; 2], usize>>,
    points: Vec<LatLng>,
}

impl SpatialIndex {
    /// Builds the index (bulk load, O(n log n)).
    pub fn new(points: Vec<LatLng>) -> SpatialIndex {
        let items = points.iter().enumerate().map(|(i, p)| GeomWithData::new(project(*p), i)).collect();
        SpatialIndex { tree: RTree::bulk_load(items), points }
    }

    /// The position of point `i`.
    pub fn point(&self, i: usize) -> LatLng {
        self.points[i]
    }

    /// The `k` nearest points to `p`, as `(index, metres)`, nearest first.
    ///
    /// # Examples
    /// ```
    /// use charity_finder::domain::{model::LatLng, nearest::SpatialIndex};
    /// let pts = vec![LatLng { lat: 23.0, lng: 113.3 }, LatLng { lat: 23.1, lng: 113.32 }, LatLng { lat: 23.5, lng: 113.5 }];
    /// let index = SpatialIndex::new(pts);
    /// let near = index.nearest(LatLng { lat: 23.1064, lng: 113.3245 }, 2);
    /// assert_eq!(near.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 0]);
    /// ```
    pub fn nearest(&self, p: LatLng, k: usize) -> Vec<(usize, f64)> {
        if k == 0 {
            return Vec::new();
        }
        let (q, origin) = (project(p), Origin::new(p));
        let mut best: Vec<(usize, f64)> = Vec::with_capacity(k + 1);
        for item in self.tree.nearest_neighbor_iter(&q) {
            let [x, y] = *item.geom();
            let projected = ((x - q[0]).powi(2) + (y - q[1]).powi(2)).sqrt();
            if best.len() == k && projected > best[k - 1].1 * SLACK {
                break;
            }
            let d = origin.metres(self.points[item.data]);
            let at = best.partition_point(|(i, m)| (*m, *i) < (d, item.data));
            if at < k {
                best.insert(at, (item.data, d));
                best.truncate(k);
            }
        }
        best
    }

    /// Every point within `radius` metres of `p`, as `(index, metres)`, nearest first.
    pub fn within(&self, p: LatLng, radius: f64) -> Vec<(usize, f64)> {
        let (q, origin) = (project(p), Origin::new(p));
        let reach = radius * SLACK;
        let mut out: Vec<(usize, f64)> = self
            .tree
            .locate_within_distance(q, reach * reach)
            .filter_map(|item| {
                let d = origin.metres(self.points[item.data]);
                (d <= radius).then_some((item.data, d))
            })
            .collect();
        out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random points over Guangzhou.
    fn points(n: usize, seed: u64) -> Vec<LatLng> {
        let mut s = seed;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n).map(|_| LatLng { lat: 22.6 + next() * 1.3, lng: 113.0 + next() * 1.0 }).collect()
    }

    fn brute(pts: &[LatLng], p: LatLng) -> Vec<(usize, f64)> {
        let mut all: Vec<(usize, f64)> = pts.iter().enumerate().map(|(i, q)| (i, crate::domain::distance::metres(p, *q))).collect();
        all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        all
    }

    #[test]
    fn nearest_matches_brute_force() {
        for seed in 1..=20 {
            let pts = points(500, seed);
            let index = SpatialIndex::new(pts.clone());
            let q = points(1, seed + 1000)[0];
            for k in [1, 5, 20, 500, 600] {
                let expected: Vec<(usize, f64)> = brute(&pts, q).into_iter().take(k).collect();
                assert_eq!(index.nearest(q, k), expected, "seed {seed} k {k}");
            }
        }
    }

    #[test]
    fn within_matches_brute_force() {
        for seed in 1..=20 {
            let pts = points(500, seed);
            let index = SpatialIndex::new(pts.clone());
            let q = points(1, seed + 2000)[0];
            for r in [500.0, 1_000.0, 3_000.0, 5_000.0, 20_000.0] {
                let expected: Vec<(usize, f64)> = brute(&pts, q).into_iter().filter(|(_, d)| *d <= r).collect();
                assert_eq!(index.within(q, r), expected, "seed {seed} r {r}");
            }
        }
    }

    #[test]
    fn empty_and_zero() {
        let index = SpatialIndex::new(Vec::new());
        assert!(index.nearest(LatLng { lat: 23.0, lng: 113.0 }, 5).is_empty());
        assert!(index.within(LatLng { lat: 23.0, lng: 113.0 }, 1e6).is_empty());
        assert!(SpatialIndex::new(points(3, 1)).nearest(LatLng { lat: 23.0, lng: 113.0 }, 0).is_empty());
    }
}
