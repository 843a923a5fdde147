//! District boundaries (`districts.geojson`): which district a point lies in, how far it is from
//! the border, and a point inside each district to stand for it.

use geo::{Contains, Coord, InteriorPoint, LineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;

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
        let pt = Point::new(p.lng, p.lat);
        self.districts.iter().find(|d| d.shape.contains(&pt)).map(|d| d.code.as_str())
    }

    /// The shape of a district.
    pub fn get(&self, code: &str) -> Option<&DistrictShape> {
        self.districts.iter().find(|d| d.code == code)
    }

    /// The shapes as GeoJSON (`code` property only), each position passed through `shift`
    /// (e.g. WGS-84 → GCJ-02 to draw over AMap-style tiles).
    pub fn to_geojson(&self, shift: impl Fn(LatLng) -> LatLng) -> String {
        let features: Vec<serde_json::Value> = self
            .districts
            .iter()
            .map(|d| {
                let polygons: Vec<Vec<Vec<[f64; 2]>>> = d
                    .shape
                    .iter()
                    .map(|poly| {
                        std::iter::once(poly.exterior())
                            .chain(poly.interiors())
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
                serde_json::json!({"type": "Feature", "properties": {"code": d.code},
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
            })
            .collect();
        serde_json::json!({"type": "FeatureCollection", "features": features}).to_string()
    }

    /// A point guaranteed inside a district's largest part (its interior point).
    pub fn representative_point(&self, code: &str) -> Option<LatLng> {
        let p = self.get(code)?.shape.interior_point()?;
        Some(LatLng { lat: p.y(), lng: p.x() })
    }
}

impl DistrictShape {
    /// Approximate distance in metres from a point to the nearest border of this district
    /// (local equirectangular projection; accurate to a fraction of a percent within a city).
    pub fn distance_to_border_m(&self, p: LatLng) -> f64 {
        let kx = 111_320.0 * p.lat.to_radians().cos();
        let ky = 110_574.0;
        let mut best = f64::INFINITY;
        for poly in &self.shape {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
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
