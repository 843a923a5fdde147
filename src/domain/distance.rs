//! Geodesic distances and their display.

use geo::{Distance, Geodesic, Point};

use super::model::LatLng;

/// Geodesic distance in metres between two WGS-84 positions, on the WGS-84 ellipsoid (Karney's
/// algorithm through `geo::Geodesic`; the haversine sphere is off by up to 0.5 % at this latitude).
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
    fn zero_and_symmetry() {
        let a = LatLng { lat: 23.0, lng: 113.0 };
        let b = LatLng { lat: 23.2, lng: 113.5 };
        assert_eq!(metres(a, a), 0.0);
        assert!((metres(a, b) - metres(b, a)).abs() < 1e-6);
    }
}
