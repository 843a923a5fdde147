//! Filtering, faceted counts and sorting: the finder's core, free of browser types.
//!
//! Within one filter the chosen options are alternatives (district 番禺 *or* 天河; a space
//! offering elderly care *or* food aid); different filters combine with *and*.

use std::cmp::Ordering;

use super::distance::metres;
use super::hours::{self, CstTime, Hours, OpenState};
use super::model::{LatLng, Space, Status, DISTRICTS, SERVICES};
use super::nearest::SpatialIndex;
use super::search::{tokens, Haystack};

/// The spaces of a dataset, prepared for fast repeated filtering.
pub struct Catalog {
    pub spaces: Vec<Space>,
    haystacks: Vec<Haystack>,
    hours: Vec<Option<Hours>>,
    district_index: Vec<usize>,
    service_masks: Vec<u16>,
    index: SpatialIndex,
    /// Space indices in name (pinyin) order, so that sorting by name needs no sort per query.
    by_name: Vec<usize>,
    /// Each space's position in `by_name`.
    name_rank: Vec<usize>,
}

impl Catalog {
    /// Prepares spaces (parsing hours, folding search text) once per dataset.
    pub fn new(spaces: Vec<Space>) -> Catalog {
        let haystacks = spaces.iter().map(Haystack::new).collect();
        let hours = spaces.iter().map(|s| hours::parse(&s.opening_hours).ok().flatten()).collect();
        let district_index = spaces.iter().map(|s| DISTRICTS.iter().position(|d| d.code == s.district).unwrap_or(usize::MAX)).collect();
        let service_masks = spaces.iter().map(|s| service_mask(s.services.iter().map(String::as_str))).collect();
        let index = SpatialIndex::new(spaces.iter().map(|s| s.location).collect());
        let mut by_name: Vec<usize> = (0..spaces.len()).collect();
        by_name.sort_by(|&a, &b| {
            let (x, y) = (&spaces[a], &spaces[b]);
            x.keys.py.cmp(&y.keys.py).then_with(|| x.name.cmp(&y.name)).then_with(|| x.id.cmp(&y.id))
        });
        let mut name_rank = vec![0; spaces.len()];
        for (rank, &i) in by_name.iter().enumerate() {
            name_rank[i] = rank;
        }
        Catalog { spaces, haystacks, hours, district_index, service_masks, index, by_name, name_rank }
    }

    /// The spatial index over the spaces' positions (indices into [`Catalog::spaces`]).
    pub fn index(&self) -> &SpatialIndex {
        &self.index
    }

    /// The open state of space `i` at a moment.
    pub fn state(&self, i: usize, now: CstTime) -> OpenState {
        self.hours[i].as_ref().map_or(OpenState::Unknown, |h| h.state_at(now))
    }

    /// The parsed hours of space `i`, if its text parses.
    pub fn hours(&self, i: usize) -> Option<&Hours> {
        self.hours[i].as_ref()
    }

    /// The index of the space with an id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.spaces.iter().position(|s| s.id == id)
    }
}

fn service_mask<'a>(ids: impl Iterator<Item = &'a str>) -> u16 {
    ids.filter_map(|id| SERVICES.iter().position(|s| s.id == id)).fold(0, |m, i| m | (1 << i))
}

/// What the person has chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// District codes; empty = all.
    pub districts: Vec<String>,
    /// Service ids; empty = all.
    pub services: Vec<String>,
    pub certified_only: bool,
    pub open_now: bool,
    pub query: String,
    /// With `radius_m`, keep only spaces within that many metres of this point.
    pub near: Option<LatLng>,
    pub radius_m: Option<f64>,
}

impl Filter {
    /// Whether any filter narrows the results.
    pub fn is_active(&self) -> bool {
        !self.districts.is_empty()
            || !self.services.is_empty()
            || self.certified_only
            || self.open_now
            || !self.query.trim().is_empty()
            || (self.near.is_some() && self.radius_m.is_some())
    }
}

/// Adds `item` to a multi-select list, or removes it when it is there.
pub fn toggle(list: &mut Vec<String>, item: &str) {
    match list.iter().position(|x| x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item.to_string()),
    }
}

/// One chosen filter, as shown in a removable chip.
#[derive(Debug, Clone, PartialEq)]
pub enum Chip {
    District(String),
    Service(String),
    Certified,
    OpenNow,
    Query(String),
    Radius(f64),
}

impl Filter {
    /// The chosen filters, in display order.
    pub fn chips(&self) -> Vec<Chip> {
        let mut out: Vec<Chip> = self.districts.iter().cloned().map(Chip::District).collect();
        out.extend(self.services.iter().cloned().map(Chip::Service));
        if self.certified_only {
            out.push(Chip::Certified);
        }
        if self.open_now {
            out.push(Chip::OpenNow);
        }
        if !self.query.trim().is_empty() {
            out.push(Chip::Query(self.query.trim().to_string()));
        }
        if let (Some(_), Some(r)) = (self.near, self.radius_m) {
            out.push(Chip::Radius(r));
        }
        out
    }

    /// Removes one chosen filter.
    pub fn remove(&mut self, chip: &Chip) {
        match chip {
            Chip::District(c) => self.districts.retain(|x| x != c),
            Chip::Service(c) => self.services.retain(|x| x != c),
            Chip::Certified => self.certified_only = false,
            Chip::OpenNow => self.open_now = false,
            Chip::Query(_) => self.query.clear(),
            Chip::Radius(_) => self.radius_m = None,
        }
    }

    /// Every filter cleared; a chosen position is kept (it orders, it does not narrow).
    pub fn cleared(&self) -> Filter {
        Filter { near: self.near, ..Filter::default() }
    }
}

/// How many spaces each option would yield, given the other filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// In the order of [`DISTRICTS`].
    pub districts: [usize; 11],
    /// In the order of [`SERVICES`].
    pub services: [usize; 11],
    pub certified: usize,
    pub open_now: usize,
}

/// The result of filtering.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Indices into [`Catalog::spaces`], in the requested order.
    pub indices: Vec<usize>,
    /// Distance in metres from `Filter::near` for each entry of `indices`, when near is set.
    pub distances: Vec<Option<f64>>,
    pub facets: Facets,
}

/// The order of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// By name in pinyin order.
    #[default]
    Name,
    /// Nearest first (needs `Filter::near`; falls back to name without it).
    Distance,
}

/// Filters, counts facets and sorts in one pass over the catalog.
///
/// # Examples
/// ```
/// use charity_finder::domain::{filter::{run, Catalog, Filter, Sort}, hours::CstTime, load::parse_dataset};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let catalog = Catalog::new(data.dataset.spaces);
/// let now = CstTime { weekday: 2, minute: 600 };
/// let panyu = Filter { districts: vec!["440113".into()], ..Filter::default() };
/// assert_eq!(run(&catalog, &panyu, Sort::Name, now).indices.len(), 100);
/// ```
pub fn run(catalog: &Catalog, filter: &Filter, sort: Sort, now: CstTime) -> Outcome {
    let wanted_districts: Vec<usize> = filter.districts.iter().filter_map(|c| DISTRICTS.iter().position(|d| d.code == *c)).collect();
    let wanted_services = service_mask(filter.services.iter().map(String::as_str));
    let query = tokens(&filter.query);
    let radius = filter.near.zip(filter.radius_m);

    let mut facets = Facets::default();
    let mut hits: Vec<(usize, Option<f64>)> = Vec::new();
    // With a radius, only the spaces the spatial index finds inside it are considered.
    let candidates: Box<dyn Iterator<Item = (usize, Option<f64>)>> = match radius {
        Some((p, r)) => Box::new(catalog.index.within(p, r).into_iter().map(|(i, d)| (i, Some(d)))),
        // Read in name order: the name sort then needs no sorting at all.
        None => Box::new(catalog.by_name.iter().map(|&i| (i, filter.near.map(|p| metres(p, catalog.spaces[i].location))))),
    };
    for (i, distance) in candidates {
        let space = &catalog.spaces[i];
        if !query.is_empty() && !catalog.haystacks[i].matches(&query) {
            continue;
        }
        let district = catalog.district_index[i];
        let d_ok = wanted_districts.is_empty() || wanted_districts.contains(&district);
        let mask = catalog.service_masks[i];
        let s_ok = wanted_services == 0 || mask & wanted_services != 0;
        let certified = space.status == Status::Certified;
        let c_ok = !filter.certified_only || certified;
        let open = hours::is_open(catalog.state(i, now));
        let o_ok = !filter.open_now || open;

        if s_ok && c_ok && o_ok {
            if let Some(n) = facets.districts.get_mut(district) {
                *n += 1;
            }
        }
        if d_ok && c_ok && o_ok {
            for (bit, n) in facets.services.iter_mut().enumerate() {
                *n += usize::from(mask & (1 << bit) != 0);
            }
        }
        if d_ok && s_ok && o_ok && certified {
            facets.certified += 1;
        }
        if d_ok && s_ok && c_ok && open {
            facets.open_now += 1;
        }
        if d_ok && s_ok && c_ok && o_ok {
            hits.push((i, distance));
        }
    }

    let rank = |i: usize| catalog.name_rank[i];
    match (sort, filter.near, radius) {
        (Sort::Distance, Some(_), _) => {
            hits.sort_unstable_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal).then_with(|| rank(a.0).cmp(&rank(b.0))))
        }
        // Radius hits come nearest-first from the index; everything else is already in name order.
        (_, _, Some(_)) => hits.sort_unstable_by_key(|h| rank(h.0)),
        _ => {}
    }
    let (indices, distances) = hits.into_iter().unzip();
    Outcome { indices, distances, facets }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::parse_dataset;

    fn catalog() -> Catalog {
        Catalog::new(parse_dataset(include_str!("../../public/data/spaces.json")).expect("bundled data loads").dataset.spaces)
    }

    const NOON_WED: CstTime = CstTime { weekday: 2, minute: 720 };

    fn count(c: &Catalog, f: &Filter) -> usize {
        run(c, f, Sort::Name, NOON_WED).indices.len()
    }

    /// The oracle: a plain predicate per space.
    fn oracle(c: &Catalog, f: &Filter) -> usize {
        let q = tokens(&f.query);
        c.spaces
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                (f.districts.is_empty() || f.districts.contains(&s.district))
                    && (f.services.is_empty() || s.services.iter().any(|x| f.services.contains(x)))
                    && (!f.certified_only || s.status == Status::Certified)
                    && (!f.open_now || hours::is_open(c.state(*i, NOON_WED)))
                    && Haystack::new(s).matches(&q)
            })
            .count()
    }

    #[test]
    fn no_filter_yields_everything_in_pinyin_order() {
        let c = catalog();
        let out = run(&c, &Filter::default(), Sort::Name, NOON_WED);
        assert_eq!(out.indices.len(), 358);
        assert!(out.indices.windows(2).all(|w| c.spaces[w[0]].keys.py <= c.spaces[w[1]].keys.py));
        assert_eq!(out.facets.districts.iter().sum::<usize>(), 358);
        assert_eq!(out.facets.certified, 165);
    }

    #[test]
    fn filters_agree_with_the_oracle() {
        let c = catalog();
        let filters = [
            Filter { districts: vec!["440113".into()], ..Filter::default() },
            Filter { districts: vec!["440113".into(), "440106".into()], certified_only: true, ..Filter::default() },
            Filter { services: vec!["elderly".into(), "food".into()], open_now: true, ..Filter::default() },
            Filter { query: "panyu".into(), ..Filter::default() },
            Filter { query: "沙湾".into(), services: vec!["donation".into()], ..Filter::default() },
        ];
        for f in &filters {
            assert_eq!(count(&c, f), oracle(&c, f), "{f:?}");
        }
    }

    #[test]
    fn facets_count_each_option_under_the_other_filters() {
        let c = catalog();
        let base = Filter { certified_only: true, services: vec!["elderly".into()], ..Filter::default() };
        let out = run(&c, &base, Sort::Name, NOON_WED);
        for (k, d) in DISTRICTS.iter().enumerate() {
            let with = Filter { districts: vec![d.code.into()], ..base.clone() };
            assert_eq!(out.facets.districts[k], oracle(&c, &with), "{}", d.zh);
        }
        for (k, s) in SERVICES.iter().enumerate() {
            let with = Filter { services: vec![s.id.into()], ..base.clone() };
            assert_eq!(out.facets.services[k], oracle(&c, &with), "{}", s.id);
        }
        let uncertified = Filter { certified_only: false, ..base.clone() };
        assert_eq!(out.facets.certified, oracle(&c, &Filter { certified_only: true, ..uncertified }));
    }

    #[test]
    fn chips_remove_one_filter_each() {
        let mut f = Filter {
            districts: vec!["440113".into(), "440106".into()],
            services: vec!["food".into()],
            certified_only: true,
            open_now: true,
            query: " 沙湾 ".into(),
            near: Some(LatLng { lat: 23.1, lng: 113.3 }),
            radius_m: Some(1000.0),
        };
        let chips = f.chips();
        assert_eq!(chips.len(), 7);
        assert_eq!(chips[5], Chip::Query("沙湾".into()));
        for chip in &chips {
            f.remove(chip);
        }
        assert!(!f.is_active());
        assert!(f.near.is_some());
        assert_eq!(f.cleared(), f);
    }

    #[test]
    fn panyu_has_one_hundred() {
        let c = catalog();
        assert_eq!(count(&c, &Filter { districts: vec!["440113".into()], ..Filter::default() }), 100);
    }

    #[test]
    fn distance_sort_and_radius() {
        let c = catalog();
        let tower = LatLng { lat: 23.1064, lng: 113.3245 };
        let f = Filter { near: Some(tower), radius_m: Some(3_000.0), ..Filter::default() };
        let out = run(&c, &f, Sort::Distance, NOON_WED);
        let d: Vec<f64> = out.distances.iter().map(|d| d.expect("near is set")).collect();
        assert!(!d.is_empty());
        assert!(d.windows(2).all(|w| w[0] <= w[1]));
        assert!(d.iter().all(|m| *m <= 3_000.0));
        let all = c.spaces.iter().filter(|s| metres(tower, s.location) <= 3_000.0).count();
        assert_eq!(d.len(), all);
    }
}
