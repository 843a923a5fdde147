//! Geodesic distances and their display.

use geo::{Distance, Geodesic, Point};

use super::model::LatLng;

/// Distance in metres between two WGS-84 positions on the WGS-84 ellipsoid.
///
/// Within [`LOCAL_LIMIT_M`] (a city or a province) the ellipsoid is flattened around the mean
/// latitude of the two points (meridian and prime-vertical radii of curvature), a few
/// nanoseconds per pair and within 0.5 m of the geodesic (Karney's algorithm through
/// `geo::Geodesic`, tested against it); farther apart the geodesic itself is used.
/// The haversine sphere would be off by up to 0.5 % at Guangzhou's latitude.
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
    let local = local_metres(a, b);
    if local < LOCAL_LIMIT_M {
        local
    } else {
        geodesic_metres(a, b)
    }
}

/// Up to this distance [`metres`] uses the local approximation.
pub const LOCAL_LIMIT_M: f64 = 100_000.0;

const WGS84_A: f64 = 6_378_137.0;
const WGS84_E2: f64 = 6.694_379_990_141_316e-3;

fn local_metres(a: LatLng, b: LatLng) -> f64 {
    let mean = ((a.lat + b.lat) / 2.0).to_radians();
    let w2 = 1.0 - WGS84_E2 * mean.sin().powi(2);
    let prime_vertical = WGS84_A / w2.sqrt();
    let meridian = prime_vertical * (1.0 - WGS84_E2) / w2;
    let north = (b.lat - a.lat).to_radians() * meridian;
    let east = (b.lng - a.lng).to_radians() * prime_vertical * mean.cos();
    north.hypot(east)
}

fn geodesic_metres(a: LatLng, b: LatLng) -> f64 {
    Geodesic.distance(Point::new(a.lng, a.lat), Point::new(b.lng, b.lat))
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
        format!("{:.1} {km}", metres / 1000.0)
    } else {
        format!("{} {km}", (metres / 1000.0).round() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut worst: f64 = 0.0;
        for _ in 0..20_000 {
            let a = LatLng { lat: 21.0 + 4.0 * next(), lng: 111.0 + 5.0 * next() };
            let b = LatLng { lat: a.lat + 1.2 * (next() - 0.5), lng: a.lng + 1.2 * (next() - 0.5) };
            let exact = geodesic_metres(a, b);
            if exact < LOCAL_LIMIT_M {
                worst = worst.max((local_metres(a, b) - exact).abs());
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
