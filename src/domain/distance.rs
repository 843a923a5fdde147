//! Geodesic distances and their display.

use super::model::LatLng;

/// Distance in metres between two WGS-84 positions on the WGS-84 ellipsoid.
///
/// Within [`LOCAL_LIMIT_M`] (a city or a province) the ellipsoid is flattened around the mean
/// latitude of the two points (meridian and prime-vertical radii of curvature), a few
/// nanoseconds per pair and within 0.5 m of the geodesic (Karney's algorithm through
/// `geo::Geodesic`, tested against it); farther apart Lambert's formula for long lines is used,
/// within a few metres per thousand kilometres (also tested), which is all a distance shown in
/// whole kilometres needs. The haversine sphere would be off by up to 0.5 % at Guangzhou's
/// latitude.
///
/// # Examples
/// ```
/// use charity_finder::domain::{distance::metres, model::LatLng};
/// let canton_tower = LatLng { lat: 23.1064, lng: 113.3245 };
/// let city_hall = LatLng { lat: 23.1291, lng: 113.2644 };
/// let d = metres(canton_tower, city_hall);
/// assert!((6500.0..6700.0).contains(&d));
/// ```
pub fn metres(a: LatLng, b: LatLng) -> f64 {
    Origin::new(a).metres(b)
}

/// A point that many distances are measured from (the person's position): what [`metres`]
/// needs of it is computed once, so that each distance within 100 km costs a few
/// multiplications and one square root.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    at: LatLng,
    sin: f64,
    cos: f64,
}

impl Origin {
    pub fn new(at: LatLng) -> Origin {
        let (sin, cos) = at.lat.to_radians().sin_cos();
        Origin { at, sin, cos }
    }

    /// The distance in metres to `b`, as [`metres`].
    pub fn metres(&self, b: LatLng) -> f64 {
        if (b.lat - self.at.lat).abs() <= 1.0 {
            let local = self.local_metres(b);
            if local < LOCAL_LIMIT_M {
                return local;
            }
        }
        lambert_metres(self.at, b)
    }

    fn local_metres(&self, b: LatLng) -> f64 {
        // The mean latitude is this point's plus half the difference, δ ≤ 1/2° here: its sine and
        // cosine follow from this point's by the sum formulas with sin δ and cos δ to third order
        // (error below 1e-9).
        let dlat = (b.lat - self.at.lat).to_radians();
        let half = dlat * 0.5;
        let (sin_h, cos_h) = (half * (1.0 - half * half * (1.0 / 6.0)), 1.0 - half * half * 0.5);
        let sin = self.sin * cos_h + self.cos * sin_h;
        let cos = self.cos * cos_h - self.sin * sin_h;
        // With x = e² sin² ≤ 0.0067, 1/√(1 − x) and 1/(1 − x) as power series to x⁴ (error
        // below 1e-11): no division and no square root but the last.
        let x = WGS84_E2 * sin * sin;
        let inv_sqrt = 1.0 + x * (0.5 + x * (0.375 + x * (0.3125 + x * 0.273_437_5)));
        let inv = 1.0 + x * (1.0 + x * (1.0 + x * (1.0 + x)));
        let prime_vertical = WGS84_A * inv_sqrt;
        let meridian = prime_vertical * (1.0 - WGS84_E2) * inv;
        let north = dlat * meridian;
        let east = (b.lng - self.at.lng).to_radians() * prime_vertical * cos;
        (north * north + east * east).sqrt()
    }
}

/// Up to this distance [`metres`] uses the local approximation.
pub const LOCAL_LIMIT_M: f64 = 100_000.0;

const WGS84_A: f64 = 6_378_137.0;
const WGS84_E2: f64 = 6.694_379_990_141_316e-3;

const WGS84_F: f64 = 1.0 / 298.257_223_563;

/// Lambert's formula: the great-circle angle between the reduced latitudes, corrected for the
/// flattening.
fn lambert_metres(a: LatLng, b: LatLng) -> f64 {
    let reduced = |lat: f64| ((1.0 - WGS84_F) * lat.to_radians().tan()).atan();
    let (b1, b2) = (reduced(a.lat), reduced(b.lat));
    let half_lng = (b.lng - a.lng).to_radians() / 2.0;
    let h = ((b2 - b1) / 2.0).sin().powi(2) + b1.cos() * b2.cos() * half_lng.sin().powi(2);
    let sigma = 2.0 * h.sqrt().min(1.0).asin();
    let (p, q) = ((b1 + b2) / 2.0, (b2 - b1) / 2.0);
    let x = (sigma - sigma.sin()) * (p.sin() * q.cos()).powi(2) / (sigma / 2.0).cos().powi(2);
    let y = (sigma + sigma.sin()) * (p.cos() * q.sin()).powi(2) / (sigma / 2.0).sin().powi(2);
    let d = WGS84_A * (sigma - WGS84_F / 2.0 * (x + y));
    // Exactly antipodal points leave x undefined; the sphere is close enough there.
    if d.is_finite() {
        d
    } else {
        WGS84_A * sigma
    }
}

/// A distance for people: `850 m` / `3.2 km` (metres rounded to 10 under a kilometre).
/// The unit words come from the caller's language (`米`/`公里` or `m`/`km`).
///
/// # Examples
/// ```
/// use charity_finder::domain::distance::human;
/// assert_eq!(human(847.0, "米", "公里"), "850 米");
/// assert_eq!(human(3_240.0, "m", "km"), "3.2 km");
/// assert_eq!(human(12_600.0, "m", "km"), "13 km");
/// ```
pub fn human(metres: f64, m: &str, km: &str) -> String {
    if metres < 995.0 {
        format!("{} {m}", ((metres / 10.0).round() * 10.0).max(10.0) as u32)
    } else if metres < 9_950.0 {
        format!("{} {km}", super::decimal::fixed(metres / 1000.0, 1))
    } else {
        format!("{} {km}", (metres / 1000.0).round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Distance, Geodesic, Point};

    /// Karney's geodesic, the reference.
    fn geodesic_metres(a: LatLng, b: LatLng) -> f64 {
        Geodesic.distance(Point::new(a.lng, a.lat), Point::new(b.lng, b.lat))
    }

    fn random(mut seed: u64) -> impl FnMut() -> f64 {
        move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    #[test]
    fn far_distances_follow_the_geodesic() {
        // From around Guangzhou to anywhere on Earth, and a few exact cases.
        let mut next = random(3);
        for _ in 0..20_000 {
            let a = LatLng { lat: 22.5 + 1.5 * next(), lng: 112.9 + 1.2 * next() };
            let b = LatLng { lat: 180.0 * next() - 90.0, lng: 360.0 * next() - 180.0 };
            let (d, exact) = (metres(a, b), geodesic_metres(a, b));
            // Measured: under 7 m within 5 000 km, 1e-5 of the distance up to 18 000 km, and
            // 1e-4 close to the antipode (the far side of South America from Guangzhou).
            let bound = match exact {
                e if e < 5e6 => 10.0,
                e if e < 18e6 => 1.5e-5 * e,
                e => 2e-4 * e,
            };
            assert!((d - exact).abs() < bound, "{a:?} {b:?}: {d} vs {exact}");
        }
        let beijing = LatLng { lat: 39.9042, lng: 116.4074 };
        let canton_tower = LatLng { lat: 23.1064, lng: 113.3245 };
        assert!((metres(canton_tower, beijing) - geodesic_metres(canton_tower, beijing)).abs() < 30.0);
        let antipode = LatLng { lat: -23.1064, lng: 113.3245 - 180.0 };
        assert!((metres(canton_tower, antipode) - geodesic_metres(canton_tower, antipode)).abs() / 20e6 < 1e-2);
    }

    #[test]
    fn reference_distances_within_half_a_percent() {
        // Reference: Python geographiclib 2.x, Geodesic.WGS84.Inverse(...)['s12'].
        let cases = [
            // Canton Tower → Guangzhou city government.
            (LatLng { lat: 23.1064, lng: 113.3245 }, LatLng { lat: 23.1291, lng: 113.2644 }, 6_649.8),
            // Canton Tower → Shiqiao, Panyu.
            (LatLng { lat: 23.1064, lng: 113.3245 }, LatLng { lat: 22.94, lng: 113.36 }, 18_783.7),
            // One degree of latitude at the equator.
            (LatLng { lat: 0.0, lng: 0.0 }, LatLng { lat: 1.0, lng: 0.0 }, 110_574.4),
        ];
        for (a, b, expected) in cases {
            let d = metres(a, b);
            assert!((d - expected).abs() / expected < 0.005, "{d} vs {expected}");
        }
    }

    #[test]
    fn local_approximation_follows_the_geodesic() {
        // Random pairs around Guangzhou (and a wider box), compared with Karney's geodesic.
        let mut next = random(7);
        let mut worst: f64 = 0.0;
        for _ in 0..20_000 {
            let a = LatLng { lat: 21.0 + 4.0 * next(), lng: 111.0 + 5.0 * next() };
            let b = LatLng { lat: a.lat + 1.2 * (next() - 0.5), lng: a.lng + 1.2 * (next() - 0.5) };
            let exact = geodesic_metres(a, b);
            if exact < LOCAL_LIMIT_M {
                worst = worst.max((Origin::new(a).local_metres(b) - exact).abs());
            }
            assert!((metres(a, b) - exact).abs() < 0.5, "{a:?} {b:?}: {} vs {exact}", metres(a, b));
        }
        assert!(worst < 0.5, "worst {worst} m");
    }

    #[test]
    fn zero_and_symmetry() {
        let a = LatLng { lat: 23.0, lng: 113.0 };
        let b = LatLng { lat: 23.2, lng: 113.5 };
        assert_eq!(metres(a, a), 0.0);
        assert!((metres(a, b) - metres(b, a)).abs() < 1e-6);
    }
}
