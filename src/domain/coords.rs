//! Conversions between WGS-84 (GPS, the dataset), GCJ-02 (AMap, Tencent, Apple in China) and
//! BD-09 (Baidu), written from the published formulas. The dataset stores WGS-84; conversions
//! happen at the edges: importing a spreadsheet picked on AMap or Baidu, building deep links.

use std::f64::consts::PI;

use super::model::LatLng;

/// A coordinate reference system a spreadsheet or a map service may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    Wgs84,
    Gcj02,
    Bd09,
}

impl std::str::FromStr for Crs {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "wgs84" | "wgs-84" => Ok(Crs::Wgs84),
            "gcj02" | "gcj-02" => Ok(Crs::Gcj02),
            "bd09" | "bd-09" => Ok(Crs::Bd09),
            other => Err(format!("unknown coordinate system {other:?} (wgs84, gcj02 or bd09)")),
        }
    }
}

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
const X_PI: f64 = PI * 3000.0 / 180.0;

fn transform_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r + (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0
}

fn transform_lng(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r + (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0
}

/// WGS-84 → GCJ-02.
///
/// # Examples
/// ```
/// use charity_finder::domain::{coords::wgs84_to_gcj02, model::LatLng};
/// let p = wgs84_to_gcj02(LatLng { lat: 23.1064, lng: 113.3245 });
/// assert!((p.lng - 113.3299212).abs() < 1e-6 && (p.lat - 23.1037981).abs() < 1e-6);
/// ```
pub fn wgs84_to_gcj02(p: LatLng) -> LatLng {
    let (x, y) = (p.lng - 105.0, p.lat - 35.0);
    let rad = p.lat / 180.0 * PI;
    let magic = 1.0 - EE * rad.sin() * rad.sin();
    let sqrt_magic = magic.sqrt();
    let dlat = transform_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let dlng = transform_lng(x, y) * 180.0 / (A / sqrt_magic * rad.cos() * PI);
    LatLng { lat: p.lat + dlat, lng: p.lng + dlng }
}

/// GCJ-02 → WGS-84, by iterating the forward transform until it reproduces the input
/// (error well under a centimetre).
pub fn gcj02_to_wgs84(p: LatLng) -> LatLng {
    let mut guess = LatLng { lat: p.lat, lng: p.lng };
    for _ in 0..30 {
        let fwd = wgs84_to_gcj02(guess);
        let (dlat, dlng) = (fwd.lat - p.lat, fwd.lng - p.lng);
        guess = LatLng { lat: guess.lat - dlat, lng: guess.lng - dlng };
        if dlat.abs() < 1e-10 && dlng.abs() < 1e-10 {
            break;
        }
    }
    guess
}

/// GCJ-02 → BD-09.
pub fn gcj02_to_bd09(p: LatLng) -> LatLng {
    let (x, y) = (p.lng, p.lat);
    let z = (x * x + y * y).sqrt() + 0.00002 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000003 * (x * X_PI).cos();
    LatLng { lat: z * theta.sin() + 0.006, lng: z * theta.cos() + 0.0065 }
}

/// BD-09 → GCJ-02.
pub fn bd09_to_gcj02(p: LatLng) -> LatLng {
    let (x, y) = (p.lng - 0.0065, p.lat - 0.006);
    let z = (x * x + y * y).sqrt() - 0.00002 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000003 * (x * X_PI).cos();
    LatLng { lat: z * theta.sin(), lng: z * theta.cos() }
}

/// Converts a position in `crs` to WGS-84.
pub fn to_wgs84(p: LatLng, crs: Crs) -> LatLng {
    match crs {
        Crs::Wgs84 => p,
        Crs::Gcj02 => gcj02_to_wgs84(p),
        Crs::Bd09 => gcj02_to_wgs84(bd09_to_gcj02(p)),
    }
}

/// Converts a WGS-84 position to `crs`.
pub fn from_wgs84(p: LatLng, crs: Crs) -> LatLng {
    match crs {
        Crs::Wgs84 => p,
        Crs::Gcj02 => wgs84_to_gcj02(p),
        Crs::Bd09 => gcj02_to_bd09(wgs84_to_gcj02(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANTON_TOWER: LatLng = LatLng { lat: 23.1064, lng: 113.3245 };

    #[test]
    fn forward_matches_reference_crates() {
        // `coordtransform` 0.4.0 and `coord-transform` 0.1.0 both give 113.3299212, 23.1037981.
        let g = wgs84_to_gcj02(CANTON_TOWER);
        assert!((g.lng - 113.329_921_2).abs() < 5e-7, "{g:?}");
        assert!((g.lat - 23.103_798_1).abs() < 5e-7, "{g:?}");
    }

    #[test]
    fn inverses_round_trip() {
        // GCJ-02 is inverted iteratively (1e-7° ≈ 1 cm); the published BD-09 inverse is a
        // closed-form approximation good to about 5 cm (1e-6° ≈ 10 cm).
        for p in [CANTON_TOWER, LatLng { lat: 22.94, lng: 113.36 }, LatLng { lat: 23.6, lng: 113.6 }] {
            for (crs, tolerance) in [(Crs::Gcj02, 1e-7), (Crs::Bd09, 1e-6)] {
                let back = to_wgs84(from_wgs84(p, crs), crs);
                assert!((back.lat - p.lat).abs() < tolerance && (back.lng - p.lng).abs() < tolerance, "{crs:?} {back:?}");
            }
        }
    }

    #[test]
    fn bd09_is_offset_beyond_gcj02() {
        let b = from_wgs84(CANTON_TOWER, Crs::Bd09);
        let g = wgs84_to_gcj02(CANTON_TOWER);
        // Baidu's offset is about 0.0065° east and 0.006° north of GCJ-02.
        assert!((b.lng - g.lng - 0.0065).abs() < 0.001 && (b.lat - g.lat - 0.006).abs() < 0.001, "{b:?}");
    }

    #[test]
    fn crs_names_parse() {
        assert_eq!("GCJ-02".parse::<Crs>(), Ok(Crs::Gcj02));
        assert!("utm".parse::<Crs>().is_err());
    }
}
