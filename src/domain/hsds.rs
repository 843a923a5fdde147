//! The spaces as Open Referral HSDS 3.0 data: the *organization package* HSDS publishes (an
//! array of organizations, each with its services, their locations and schedules), valid against
//! the 3.0 schemas (`tests/data/hsds-3.0/`, checked in `tests/e2e/hsds.test.mjs`).
//!
//! Every id is a UUID v5 of what it describes (`service:` and the space's id, …) under
//! [`NAMESPACE`], so two exports of the same data carry the same ids.

use serde::Serialize;
use uuid::Uuid;

use super::hours::{self, Range};
use super::model::{district, language, service, Space, Status};

/// The namespace of every id: the UUID v5 of `https://github.com/guangzhou-charity-space-finder/hsds`
/// in the URL namespace. Changing it changes every id a portal has stored.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x8ca1_1b1a_c1a2_512f_a00d_aa46_f9e3_2caa);

/// The id of the thing `kind` named `name` (`id("service", "gz-440113-001")`).
///
/// # Examples
/// ```
/// use charity_finder::domain::hsds::id;
/// assert_eq!(id("service", "gz-440113-001"), id("service", "gz-440113-001"));
/// assert_ne!(id("service", "gz-440113-001"), id("location", "gz-440113-001"));
/// assert_eq!(id("service", "x").len(), 36);
/// ```
pub fn id(kind: &str, name: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{name}").as_bytes()).to_string()
}

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The taxonomies of the attributes: the finder's service types and the space's status.
const SERVICE_TAXONOMY: &str = "广州市慈善空间服务类型 (Guangzhou charity space service types)";
const STATUS_TAXONOMY: &str = "广州市慈善空间挂牌状态 (Guangzhou charity space status)";

/// The organization package of `spaces`: one organization per host (a space without one is its
/// own host), in the order they first appear.
pub fn to_hsds<'a>(spaces: impl IntoIterator<Item = &'a Space>) -> String {
    let mut organizations: Vec<Organization> = Vec::new();
    for s in spaces {
        let host = if s.organization.is_empty() { &s.name } else { &s.organization };
        let at = match organizations.iter().position(|o| o.name == host) {
            Some(at) => at,
            None => {
                organizations.push(Organization {
                    id: id("organization", host),
                    name: host,
                    description: String::new(),
                    services: Vec::new(),
                });
                organizations.len() - 1
            }
        };
        let organization = &mut organizations[at];
        organization.services.push(service_of(s, &organization.id));
    }
    for o in &mut organizations {
        o.description = format!("主办 {} 个广州市慈善空间", o.services.len());
    }
    serde_json::to_string(&organizations).unwrap_or_default()
}

fn service_of<'a>(s: &'a Space, organization_id: &str) -> Service<'a> {
    let service_id = id("service", &s.id);
    let location_id = id("location", &s.id);
    let nonempty = |text: &'a str| (!text.is_empty()).then_some(text);
    let mut attributes: Vec<Attribute> = s
        .services
        .iter()
        .filter_map(|code| service(code))
        .map(|x| attribute(s, &service_id, "service_type", code_term(x.id, x.zh, x.en, SERVICE_TAXONOMY)))
        .collect();
    let (code, zh, en) = match s.status {
        Status::Registered => ("registered", "申报挂牌", "Registered"),
        Status::Certified => ("certified", "认证通过挂牌", "Certified"),
    };
    attributes.push(attribute(s, &service_id, "status", code_term(code, zh, en, STATUS_TAXONOMY)));
    Service {
        organization_id: organization_id.to_string(),
        name: &s.name,
        alternate_name: s.name_en.as_deref(),
        // A registered space is running whether certified or not: `inactive` would tell a portal
        // to hide it. Certification is an attribute, and for a certified space its accreditation.
        status: "active",
        accreditations: s
            .certified_on
            .as_deref()
            .map(|on| format!("广州市认证慈善空间，{on} 认证通过 (certified Guangzhou charity space, {on})")),
        eligibility_description: nonempty(&s.eligibility_description),
        fees_description: nonempty(&s.fees_description),
        assured_date: nonempty(&s.last_verified),
        attributes,
        phones: nonempty(&s.phone)
            .map(|number| Phone { id: id("phone", &s.id), service_id: service_id.clone(), number })
            .into_iter()
            .collect(),
        schedules: schedules(s, &service_id),
        required_documents: s
            .required_documents
            .iter()
            .enumerate()
            .map(|(k, document)| RequiredDocument {
                id: id("required_document", &format!("{}:{k}", s.id)),
                service_id: service_id.clone(),
                document,
            })
            .collect(),
        languages: s
            .languages
            .iter()
            .filter_map(|code| language(code))
            .map(|l| LanguageEntry {
                id: id("language", &format!("{}:{}", s.id, l.code)),
                service_id: service_id.clone(),
                name: l.zh,
                code: l.code,
            })
            .collect(),
        service_at_locations: [ServiceAtLocation {
            id: id("service_at_location", &s.id),
            service_id: service_id.clone(),
            location_id: location_id.clone(),
            location: location(s, location_id),
        }],
        id: service_id,
    }
}

fn location(s: &Space, location_id: String) -> Location<'_> {
    Location {
        location_type: "physical",
        name: &s.name,
        alternate_name: s.name_en.as_deref(),
        latitude: s.location.lat,
        longitude: s.location.lng,
        addresses: [Address {
            id: id("address", &s.id),
            location_id: location_id.clone(),
            address_1: &s.address,
            city: "广州市",
            region: district(&s.district).map_or("", |d| d.zh),
            state_province: "广东省",
            // The bureau's list has no postal codes; HSDS requires the field.
            postal_code: "",
            country: "CN",
            address_type: "physical",
        }],
        accessibility: (!s.accessibility.is_empty())
            .then(|| Accessibility { id: id("accessibility", &s.id), location_id: location_id.clone(), description: &s.accessibility })
            .into_iter()
            .collect(),
        id: location_id,
    }
}

/// A term of one of the finder's taxonomies, its id from its taxonomy and code.
fn code_term(code: &'static str, zh: &'static str, en: &'static str, taxonomy: &'static str) -> Term {
    Term { id: id("taxonomy_term", &format!("{taxonomy}:{code}")), code, name: zh, description: en, taxonomy, language: "zh" }
}

/// Links a term to a service; `link_type` says what the term describes.
fn attribute(s: &Space, service_id: &str, link_type: &'static str, term: Term) -> Attribute {
    Attribute {
        id: id("attribute", &format!("{}:{}", s.id, term.id)),
        link_id: service_id.to_string(),
        link_type,
        link_entity: "service",
        taxonomy_term_id: term.id.clone(),
        taxonomy_term: term,
    }
}

/// The week as iCal-style weekly schedules, one per opening range with the days it applies to
/// (`MO,TU,WE,TH,FR` 09:00–17:30), times with the +08:00 offset; the whole rule, public holidays
/// included, in each schedule's description.
fn schedules<'a>(s: &'a Space, service_id: &str) -> Vec<Schedule<'a>> {
    let Some(week) = hours::parse(&s.opening_hours).ok().flatten().map(|h| h.week) else { return Vec::new() };
    let mut ranges: Vec<(Range, Vec<&str>)> = Vec::new();
    for (day, day_ranges) in week.iter().enumerate() {
        for r in day_ranges {
            match ranges.iter_mut().find(|(x, _)| x == r) {
                Some((_, days)) => days.push(DAYS[day]),
                None => ranges.push((*r, vec![DAYS[day]])),
            }
        }
    }
    ranges
        .into_iter()
        .enumerate()
        .map(|(k, (r, days))| Schedule {
            id: id("schedule", &format!("{}:{k}", s.id)),
            service_id: service_id.to_string(),
            freq: "WEEKLY",
            wkst: "MO",
            byday: days.join(","),
            opens_at: format!("{}+08:00", hours::hhmm(r.start)),
            closes_at: format!("{}+08:00", hours::hhmm(r.end)),
            timezone: 8,
            description: &s.opening_hours,
        })
        .collect()
}

#[derive(Serialize)]
struct Organization<'a> {
    id: String,
    name: &'a str,
    description: String,
    services: Vec<Service<'a>>,
}

#[derive(Serialize)]
struct Service<'a> {
    id: String,
    organization_id: String,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    accreditations: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eligibility_description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fees_description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assured_date: Option<&'a str>,
    attributes: Vec<Attribute>,
    phones: Vec<Phone<'a>>,
    schedules: Vec<Schedule<'a>>,
    required_documents: Vec<RequiredDocument<'a>>,
    languages: Vec<LanguageEntry>,
    service_at_locations: [ServiceAtLocation<'a>; 1],
}

#[derive(Serialize)]
struct Attribute {
    id: String,
    link_id: String,
    link_type: &'static str,
    link_entity: &'static str,
    taxonomy_term_id: String,
    taxonomy_term: Term,
}

#[derive(Serialize)]
struct Term {
    id: String,
    code: &'static str,
    name: &'static str,
    description: &'static str,
    taxonomy: &'static str,
    language: &'static str,
}

#[derive(Serialize)]
struct Phone<'a> {
    id: String,
    service_id: String,
    number: &'a str,
}

#[derive(Serialize)]
struct Schedule<'a> {
    id: String,
    service_id: String,
    freq: &'static str,
    wkst: &'static str,
    byday: String,
    opens_at: String,
    closes_at: String,
    timezone: u8,
    description: &'a str,
}

#[derive(Serialize)]
struct RequiredDocument<'a> {
    id: String,
    service_id: String,
    document: &'a str,
}

#[derive(Serialize)]
struct LanguageEntry {
    id: String,
    service_id: String,
    name: &'static str,
    code: &'static str,
}

#[derive(Serialize)]
struct ServiceAtLocation<'a> {
    id: String,
    service_id: String,
    location_id: String,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    id: String,
    location_type: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    latitude: f64,
    longitude: f64,
    addresses: [Address<'a>; 1],
    accessibility: Vec<Accessibility<'a>>,
}

#[derive(Serialize)]
struct Address<'a> {
    id: String,
    location_id: String,
    address_1: &'a str,
    city: &'static str,
    region: &'static str,
    state_province: &'static str,
    postal_code: &'static str,
    country: &'static str,
    address_type: &'static str,
}

#[derive(Serialize)]
struct Accessibility<'a> {
    id: String,
    location_id: String,
    description: &'a str,
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::domain::load::parse_dataset;

    fn spaces() -> Vec<Space> {
        parse_dataset(include_str!("../../public/data/spaces.json")).expect("loads").dataset.spaces
    }

    fn services(package: &Value) -> Vec<Value> {
        package
            .as_array()
            .expect("an array of organizations")
            .iter()
            .flat_map(|o| o["services"].as_array().cloned().unwrap_or_default())
            .collect()
    }

    #[test]
    fn the_namespace_is_the_documented_one() {
        assert_eq!(NAMESPACE, Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://github.com/guangzhou-charity-space-finder/hsds"));
        let service = Uuid::parse_str(&id("service", "gz-440113-001")).expect("a UUID");
        assert_eq!(service.get_version_num(), 5);
    }

    #[test]
    fn one_service_per_space_all_active_grouped_by_host_with_stable_ids() {
        let s = spaces();
        let text = to_hsds(&s);
        assert_eq!(text, to_hsds(&s), "the same data gives the same file, ids included");
        let package: Value = serde_json::from_str(&text).expect("json");
        let all = services(&package);
        assert_eq!(all.len(), 358);
        assert!(all.iter().all(|x| x["status"] == "active"));
        let certified = all.iter().filter(|x| x["accreditations"].is_string()).count();
        assert_eq!(certified, s.iter().filter(|x| x.status == Status::Certified).count());
        let first = &all[0];
        assert_eq!(first["id"], id("service", &s[0].id));
        assert_eq!(first["service_at_locations"][0]["location"]["location_type"], "physical");
        assert!(first.get("certification").is_none());
        let one =
            package.as_array().and_then(|o| o.iter().find(|o| o["services"].as_array().map(Vec::len) == Some(1))).expect("a host of one");
        assert_eq!(one["description"], "主办 1 个广州市慈善空间");
    }

    #[test]
    fn weekly_ranges_become_one_schedule_each() {
        let s = Space { opening_hours: "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off".into(), ..Space::example() };
        let package: Value = serde_json::from_str(&to_hsds([&s])).expect("json");
        let schedules = &services(&package)[0]["schedules"];
        assert_eq!(schedules.as_array().map(Vec::len), Some(2));
        assert_eq!(schedules[0]["byday"], "MO,TU,WE,TH,FR,SA");
        assert_eq!((schedules[0]["opens_at"].as_str(), schedules[0]["closes_at"].as_str()), (Some("09:00+08:00"), Some("12:00+08:00")));
        assert_eq!(schedules[1]["byday"], "MO,TU,WE,TH,FR");
        assert_eq!(schedules[1]["description"], s.opening_hours);
    }

    #[test]
    fn who_may_come_fees_documents_and_languages_have_their_hsds_names() {
        let s = Space {
            eligibility_description: "本街道低保家庭".into(),
            fees_description: "免费".into(),
            required_documents: vec!["身份证".into(), "低保证".into()],
            languages: vec!["yue".into()],
            ..Space::example()
        };
        let package: Value = serde_json::from_str(&to_hsds([&s])).expect("json");
        let service = &services(&package)[0];
        assert_eq!(service["eligibility_description"], "本街道低保家庭");
        assert_eq!(service["fees_description"], "免费");
        assert_eq!(service["required_documents"][1]["document"], "低保证");
        assert_eq!((service["languages"][0]["code"].as_str(), service["languages"][0]["name"].as_str()), (Some("yue"), Some("粤语")));
    }
}
