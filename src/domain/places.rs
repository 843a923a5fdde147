//! Places a person can measure distances from when the browser gives no position: a street or
//! town (街道/镇), positioned at the centre of the spaces the dataset lists there (no invented
//! coordinates); a district uses its boundary's interior point (see [`crate::domain::boundaries`]).

use std::collections::BTreeMap;

use super::model::{LatLng, Space};

/// A street or town with spaces in the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Street {
    pub district: String,
    pub name: String,
    /// Mean position of the street's spaces (WGS-84).
    pub centre: LatLng,
    pub spaces: usize,
}

/// The streets and towns of a dataset, by district code then name.
///
/// # Examples
/// ```
/// use charity_finder::domain::{load::parse_dataset, places::streets_of};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let streets = streets_of(&data.dataset.spaces);
/// assert!(streets.iter().any(|s| s.name == "沙湾街道" && s.district == "440113"));
/// ```
pub fn streets_of(spaces: &[Space]) -> Vec<Street> {
    let mut groups: BTreeMap<(&str, &str), (f64, f64, usize)> = BTreeMap::new();
    for s in spaces {
        let e = groups.entry((&*s.district, s.street.as_str())).or_default();
        e.0 += s.location.lat;
        e.1 += s.location.lng;
        e.2 += 1;
    }
    groups
        .into_iter()
        .map(|((district, name), (lat, lng, n))| Street {
            district: district.to_string(),
            name: name.to_string(),
            centre: LatLng { lat: lat / n as f64, lng: lng / n as f64 },
            spaces: n,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::parse_dataset;

    #[test]
    fn centre_is_the_mean_of_the_spaces() {
        let data = parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset.spaces;
        let streets = streets_of(&data);
        assert_eq!(streets.iter().map(|s| s.spaces).sum::<usize>(), 358);
        let shawan: Vec<&Space> = data.iter().filter(|s| s.street == "沙湾街道").collect();
        let st = streets.iter().find(|s| s.name == "沙湾街道").expect("沙湾");
        let lat = shawan.iter().map(|s| s.location.lat).sum::<f64>() / shawan.len() as f64;
        assert!((st.centre.lat - lat).abs() < 1e-12);
        assert_eq!(st.spaces, shawan.len());
    }
}
