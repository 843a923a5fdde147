//! District boundaries (`districts.geojson`): which district a point lies in, how far it is from
//! the border, and a point inside each district to stand for it.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::{Deserialize, Serialize};

use super::geojson;
use super::model::LatLng;

/// One district's shape.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictShape {
    /// GB/T 2260 code.
    pub code: String,
    /// Longitude/latitude polygons (WGS-84).
    pub shape: MultiPolygon<f64>,
}

/// All district shapes of the city.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Boundaries {
    pub districts: Vec<DistrictShape>,
}

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    code: String,
}

#[derive(Deserialize)]
struct Geometry {
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

impl Boundaries {
    /// Parses the project's `districts.geojson` (MultiPolygon features with a `code` property).
    pub fn from_geojson(text: &str) -> Result<Boundaries, String> {
        let fc: FeatureCollection = serde_json::from_str(text).map_err(|e| format!("district boundaries: {e}"))?;
        let districts = fc
            .features
            .into_iter()
            .map(|f| {
                let polygons = f.geometry.coordinates.into_iter().filter_map(|rings| {
                    let mut rings =
                        rings.into_iter().map(|r| LineString::from(r.into_iter().map(|[x, y]| Coord { x, y }).collect::<Vec<_>>()));
                    let exterior = rings.next()?;
                    Some(Polygon::new(exterior, rings.collect()))
                });
                DistrictShape { code: f.properties.code, shape: MultiPolygon::new(polygons.collect()) }
            })
            .collect();
        Ok(Boundaries { districts })
    }

    /// The code of the district containing a point, if any.
    pub fn locate(&self, p: LatLng) -> Option<&str> {
        self.districts.iter().find(|d| d.contains(p)).map(|d| d.code.as_str())
    }

    /// The shape of a district.
    pub fn get(&self, code: &str) -> Option<&DistrictShape> {
        self.districts.iter().find(|d| d.code == code)
    }

    /// The shapes as GeoJSON (`code` property only), each position passed through `shift`
    /// (e.g. WGS-84 → GCJ-02 to draw over AMap-style tiles).
    pub fn to_geojson(&self, shift: impl Fn(LatLng) -> LatLng) -> String {
        let features = self
            .districts
            .iter()
            .map(|d| {
                let coordinates: Vec<Vec<Vec<[f64; 2]>>> = d
                    .shape
                    .iter()
                    .map(|poly| {
                        rings(poly)
                            .map(|ring| {
                                ring.coords()
                                    .map(|c| {
                                        let p = shift(LatLng { lat: c.y, lng: c.x });
                                        [(p.lng * 1e5).round() / 1e5, (p.lat * 1e5).round() / 1e5]
                                    })
                                    .collect()
                            })
                            .collect()
                    })
                    .collect();
                geojson::Feature::new(None, "MultiPolygon", coordinates, CodeOnly { code: &d.code })
            })
            .collect();
        serde_json::to_string(&geojson::FeatureCollection::new(features)).unwrap_or_default()
    }

    /// A point inside a district's largest part, to stand for the district (a label, an origin
    /// for "near me"): the middle of the widest stretch of that part along the parallel through
    /// the middle of its extent.
    pub fn representative_point(&self, code: &str) -> Option<LatLng> {
        let largest = self.get(code)?.shape.iter().max_by(|a, b| extent_area(a).total_cmp(&extent_area(b)))?;
        let (south, north) = largest.exterior().coords().fold((f64::INFINITY, f64::NEG_INFINITY), |(s, n), c| (s.min(c.y), n.max(c.y)));
        let lat = (south + north) / 2.0;
        // Where the parallel crosses the part's rings, west to east; inside between each pair.
        let mut xs: Vec<f64> = crossings(rings(largest), lat).collect();
        xs.sort_by(f64::total_cmp);
        let (west, east) = xs.chunks_exact(2).map(|c| (c[0], c[1])).max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))?;
        Some(LatLng { lat, lng: (west + east) / 2.0 })
    }
}

fn rings(poly: &Polygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    std::iter::once(poly.exterior()).chain(poly.interiors())
}

/// The longitudes at which the edges of `rings` cross the parallel at `lat`.
fn crossings<'a>(rings: impl Iterator<Item = &'a LineString<f64>> + 'a, lat: f64) -> impl Iterator<Item = f64> + 'a {
    rings
        .flat_map(|ring| ring.lines())
        .filter(move |l| (l.start.y > lat) != (l.end.y > lat))
        .map(move |l| l.start.x + (lat - l.start.y) / (l.end.y - l.start.y) * (l.end.x - l.start.x))
}

fn extent_area(poly: &Polygon<f64>) -> f64 {
    let (w, s, e, n) =
        poly.exterior().coords().fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |(w, s, e, n), c| {
            (w.min(c.x), s.min(c.y), e.max(c.x), n.max(c.y))
        });
    (e - w) * (n - s)
}

#[derive(Serialize)]
struct CodeOnly<'a> {
    code: &'a str,
}

impl DistrictShape {
    /// Whether a point lies inside (even–odd rule over every ring, so holes are outside).
    pub fn contains(&self, p: LatLng) -> bool {
        crossings(self.shape.iter().flat_map(rings), p.lat).filter(|&x| p.lng < x).count() % 2 == 1
    }

    /// Approximate distance in metres from a point to the nearest border of this district
    /// (local equirectangular projection; accurate to a fraction of a percent within a city).
    pub fn distance_to_border_m(&self, p: LatLng) -> f64 {
        let kx = 111_320.0 * p.lat.to_radians().cos();
        let ky = 110_574.0;
        let mut best = f64::INFINITY;
        for poly in &self.shape {
            for ring in rings(poly) {
                for seg in ring.lines() {
                    let (ax, ay) = ((seg.start.x - p.lng) * kx, (seg.start.y - p.lat) * ky);
                    let (bx, by) = ((seg.end.x - p.lng) * kx, (seg.end.y - p.lat) * ky);
                    let (dx, dy) = (bx - ax, by - ay);
                    let len2 = dx * dx + dy * dy;
                    let t = if len2 == 0.0 { 0.0 } else { (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0) };
                    let (cx, cy) = (ax + t * dx, ay + t * dy);
                    best = best.min((cx * cx + cy * cy).sqrt());
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Boundaries {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson")).expect("bundled boundaries parse")
    }

    #[test]
    fn eleven_districts() {
        assert_eq!(bundled().districts.len(), 11);
    }

    #[test]
    fn sanity_points_fall_in_their_districts() {
        // ../shared/DOMAIN.md sanity points (WGS-84).
        let b = bundled();
        let at = |lng, lat| b.locate(LatLng { lat, lng });
        assert_eq!(at(113.3245, 23.1064), Some("440105")); // Canton Tower → 海珠区
        assert_eq!(at(113.36, 22.94), Some("440113")); // Shiqiao → 番禺区
        assert_eq!(at(113.2644, 23.1291), Some("440104")); // city government → 越秀区
        assert_eq!(at(113.3241, 23.1378), Some("440106")); // Tianhe Sports Centre → 天河区
        assert_eq!(at(116.4, 39.9), None); // Beijing
    }

    #[test]
    fn containment_agrees_with_geo() {
        use geo::{Contains, Point};
        let b = bundled();
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..3_000 {
            let p = LatLng { lat: 22.5 + 1.5 * next(), lng: 112.9 + 1.2 * next() };
            for d in &b.districts {
                assert_eq!(d.contains(p), d.shape.contains(&Point::new(p.lng, p.lat)), "{p:?} in {}", d.code);
            }
        }
    }

    #[test]
    fn representative_points_lie_inside() {
        let b = bundled();
        for d in &b.districts {
            let p = b.representative_point(&d.code).expect("non-empty");
            assert_eq!(b.locate(p), Some(d.code.as_str()));
        }
    }

    #[test]
    fn geojson_round_trips() {
        let b = bundled();
        let again = Boundaries::from_geojson(&b.to_geojson(|p| p)).expect("parses");
        assert_eq!(again.districts.len(), 11);
        assert_eq!(again.locate(LatLng { lat: 22.94, lng: 113.36 }), Some("440113"));
    }

    #[test]
    fn border_distance_is_small_on_the_border() {
        let b = bundled();
        let d = &b.districts[0];
        let v = d.shape.0[0].exterior().0[0];
        assert!(d.distance_to_border_m(LatLng { lat: v.y, lng: v.x }) < 1.0);
        let inside = b.representative_point(&d.code).expect("non-empty");
        assert!(d.distance_to_border_m(inside) > 100.0);
    }
}
