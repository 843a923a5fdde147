//! Guangzhou's streets and towns (街道/镇), from `public/data/streets.json`.

use serde::Deserialize;

/// One street or town.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Street {
    /// NBS 2023 code (9 digits).
    pub code: String,
    pub name: String,
    /// District code.
    pub district: String,
    /// `false` for the two non-administrative units (a reservoir, a forest farm).
    pub residential: bool,
}

#[derive(Deserialize)]
struct File {
    streets: Vec<Street>,
}

/// The bundled list.
pub fn streets() -> Vec<Street> {
    serde_json::from_str::<File>(include_str!("../../public/data/streets.json")).map(|f| f.streets).unwrap_or_default()
}

/// Whether `name` names a street or town of a district, in its official (沙湾街道) or short
/// (沙湾街, 沙湾) form.
pub fn is_street_of(list: &[Street], district: &str, name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && list.iter().any(|s| {
            s.district == district
                && (s.name == name
                    || s.name.strip_suffix("街道").is_some_and(|b| name == b || name == format!("{b}街"))
                    || s.name.strip_suffix('镇') == Some(name))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_list_has_178() {
        let list = streets();
        assert_eq!(list.len(), 178);
        assert_eq!(list.iter().filter(|s| !s.residential).count(), 2);
    }

    #[test]
    fn short_forms_match() {
        let list = streets();
        for name in ["沙湾街道", "沙湾街", "沙湾", "石碁镇", "石碁"] {
            assert!(is_street_of(&list, "440113", name), "{name}");
        }
        assert!(!is_street_of(&list, "440106", "沙湾街道"));
        assert!(!is_street_of(&list, "440113", ""));
    }
}
