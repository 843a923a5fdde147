//! Filtering, faceted counts and sorting: the finder's core, free of browser types.
//!
//! Within one filter the chosen options are alternatives (district 番禺 *or* 天河; a space
//! offering elderly care *or* food aid); different filters combine with *and*.

use std::collections::HashMap;
use std::sync::Arc;

use super::distance::{human, Origin};
use super::hours::{self, CstTime, Hours, OpenState};
use super::i18n::Lang;
use super::model::{district_index, District, LatLng, Service, Space, Status, DISTRICTS, SERVICES};
use super::nearest::SpatialIndex;
use super::search::{tokens, SearchIndex};

/// The spaces of a dataset, prepared for fast repeated filtering: kept in name (pinyin) order,
/// so that the default order needs no sorting, with what every query reads stored compactly
/// side by side.
pub struct Catalog {
    /// In name order; [`Outcome::indices`] point into it.
    pub spaces: Vec<Space>,
    search: SearchIndex,
    /// The distinct opening-hours texts, parsed once (a dataset has few).
    schedules: Vec<Option<Hours>>,
    schedule: Vec<u32>,
    district: Vec<u8>,
    services: Vec<u16>,
    certified: Vec<bool>,
    index: SpatialIndex,
}

impl Catalog {
    /// Prepares spaces (ordering, parsing hours, folding search text) once per dataset.
    pub fn new(spaces: Vec<Space>) -> Catalog {
        // One pass over the records in file order, where the parser left each record's texts
        // side by side in memory, reads what the queries need into compact rows; only those
        // rows are then put in name order. Every further pass over large records costs time, and
        // a walk in name order, reaching into memory at random, twice that (BENCHMARKS.md).
        let mut texts: HashMap<&str, u32> = HashMap::new();
        let mut schedules = Vec::new();
        let mut rows: Vec<_> = spaces
            .iter()
            .map(|s| {
                let schedule = *texts.entry(s.opening_hours.as_str()).or_insert_with(|| {
                    schedules.push(hours::parse(&s.opening_hours).ok().flatten());
                    (schedules.len() - 1) as u32
                });
                let district = district_index(&s.district).map_or(u8::MAX, |i| i as u8);
                let services = service_mask(s.services.iter().map(|id| &**id));
                (schedule, district, services, s.status == Status::Certified, s.location)
            })
            .collect();
        let mut search = SearchIndex::new(&spaces);
        let order = name_order(&spaces);
        let mut spaces = spaces;
        // A file written by the data tools is in this order already: nothing moves.
        if order.iter().enumerate().any(|(k, &i)| k != i) {
            rows = order.iter().map(|&i| rows[i]).collect();
            search.reorder(&order);
            // The records move in place, cycle by cycle (no second copy of them).
            let mut placed = vec![false; spaces.len()];
            for start in 0..spaces.len() {
                let mut at = start;
                while !placed[at] {
                    placed[at] = true;
                    let from = order[at];
                    if from == start {
                        break;
                    }
                    spaces.swap(at, from);
                    at = from;
                }
            }
        }
        Catalog {
            search,
            schedules,
            schedule: rows.iter().map(|r| r.0).collect(),
            district: rows.iter().map(|r| r.1).collect(),
            services: rows.iter().map(|r| r.2).collect(),
            certified: rows.iter().map(|r| r.3).collect(),
            index: SpatialIndex::new(rows.iter().map(|r| r.4).collect()),
            spaces,
        }
    }

    /// The spatial index over the spaces' positions (indices into [`Catalog::spaces`]).
    pub fn index(&self) -> &SpatialIndex {
        &self.index
    }

    /// The open state of space `i` at a moment.
    pub fn state(&self, i: usize, now: CstTime) -> OpenState {
        self.hours(i).map_or(OpenState::Unknown, |h| h.state_at(now))
    }

    /// The parsed hours of space `i`, if its text parses.
    pub fn hours(&self, i: usize) -> Option<&Hours> {
        self.schedules[self.schedule[i] as usize].as_ref()
    }

    /// The index of the space with an id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.spaces.iter().position(|s| s.id == id)
    }
}

/// The order the finder lists spaces in, as positions in `spaces`: by the pinyin of the name,
/// then the name, then the id. The data tools write datasets in this order.
pub fn name_order(spaces: &[Space]) -> Vec<usize> {
    // Positions are sorted, not records (hundreds of bytes each). The first eight bytes of the
    // pinyin key, side by side, settle most comparisons without reaching into each record.
    let prefix = |s: &Space| {
        let mut head = [0u8; 8];
        let py = s.keys.py.as_bytes();
        head[..py.len().min(8)].copy_from_slice(&py[..py.len().min(8)]);
        u64::from_be_bytes(head)
    };
    let mut order: Vec<(u64, usize)> = spaces.iter().map(prefix).zip(0..).collect();
    order.sort_unstable_by(|&(pa, a), &(pb, b)| {
        let (x, y) = (&spaces[a], &spaces[b]);
        pa.cmp(&pb).then_with(|| x.keys.py.cmp(&y.keys.py)).then_with(|| x.name.cmp(&y.name)).then_with(|| x.id.cmp(&y.id))
    });
    order.into_iter().map(|(_, i)| i).collect()
}

fn service_mask<'a>(ids: impl Iterator<Item = &'a str>) -> u16 {
    ids.filter_map(|id| SERVICES.iter().position(|s| s.id == id)).fold(0, |m, i| m | (1 << i))
}

/// What the person has chosen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Empty = all.
    pub districts: Vec<&'static District>,
    /// Empty = all.
    pub services: Vec<&'static Service>,
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
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

/// One chosen filter, as shown in a removable chip.
#[derive(Debug, Clone, PartialEq)]
pub enum Chip {
    District(&'static District),
    Service(&'static Service),
    Certified,
    OpenNow,
    Query(String),
    Radius(f64),
}

impl Chip {
    /// The chip's text in a language.
    pub fn label(&self, l: Lang) -> String {
        match self {
            Chip::District(d) => l.district(d).to_string(),
            Chip::Service(s) => l.service(s).to_string(),
            Chip::Certified => l.texts().certified_only.to_string(),
            Chip::OpenNow => l.texts().open_now.to_string(),
            Chip::Query(q) => format!("“{q}”"),
            Chip::Radius(r) => format!("≤ {}", human(*r, l.texts().metre, l.texts().kilometre)),
        }
    }
}

impl Filter {
    /// The chosen filters, in display order.
    pub fn chips(&self) -> Vec<Chip> {
        let mut out: Vec<Chip> = self.districts.iter().copied().map(Chip::District).collect();
        out.extend(self.services.iter().copied().map(Chip::Service));
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
    pub districts: [usize; DISTRICTS.len()],
    /// In the order of [`SERVICES`].
    pub services: [usize; SERVICES.len()],
    pub certified: usize,
    pub open_now: usize,
}

/// The result of filtering.
///
/// It carries the catalog it was computed from: its indices mean nothing against another (a part
/// of a split dataset arriving makes a new catalog, with the spaces at new positions).
#[derive(Clone)]
pub struct Outcome {
    pub catalog: Arc<Catalog>,
    /// Indices into the catalog's spaces, in the requested order.
    pub indices: Vec<usize>,
    /// Distance in metres from `Filter::near` for each entry of `indices` (in distance order
    /// without a radius, cut to whole decimetres); empty when near is not set.
    pub distances: Vec<f64>,
    pub facets: Facets,
}

impl Outcome {
    /// The spaces found, in order.
    pub fn spaces(&self) -> impl Iterator<Item = &Space> {
        self.indices.iter().map(|&i| &self.catalog.spaces[i])
    }
}

/// The same outcome: computed from the same catalog, with the same results and counts.
impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.catalog, &other.catalog)
            && self.indices == other.indices
            && self.distances == other.distances
            && self.facets == other.facets
    }
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcome").field("indices", &self.indices).field("facets", &self.facets).finish_non_exhaustive()
    }
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
/// use std::sync::Arc;
/// use charity_finder::domain::{filter::{run, Catalog, Filter, Sort}, hours::CstTime, load::parse_dataset, model::district};
/// let data = parse_dataset(include_str!("../../public/data/spaces.json")).unwrap();
/// let catalog = Arc::new(Catalog::new(data.dataset.spaces));
/// let now = CstTime::at(2, 600);
/// let panyu = Filter { districts: vec![district("440113").unwrap()], ..Filter::default() };
/// let outcome = run(&catalog, &panyu, Sort::Name, now);
/// assert_eq!(outcome.indices.len(), 100);
/// assert!(outcome.spaces().all(|s| s.district == "440113"));
/// ```
pub fn run(catalog: &Arc<Catalog>, filter: &Filter, sort: Sort, now: CstTime) -> Outcome {
    let (indices, distances, facets) = select(catalog, filter, sort, now);
    Outcome { catalog: Arc::clone(catalog), indices, distances, facets }
}

/// The positions found, their distances and the counts.
fn select(catalog: &Catalog, filter: &Filter, sort: Sort, now: CstTime) -> (Vec<usize>, Vec<f64>, Facets) {
    let wanted_districts: u16 = filter.districts.iter().filter_map(|d| district_index(d.code)).fold(0, |m, i| m | (1 << i));
    let wanted_services = service_mask(filter.services.iter().map(|s| s.id));
    let matched = catalog.search.matching(&tokens(&filter.query));
    let open: Vec<bool> = catalog.schedules.iter().map(|h| h.as_ref().is_some_and(|h| hours::is_open(h.state_at(now)))).collect();
    let radius = filter.near.zip(filter.radius_m);

    let mut facets = Facets::default();
    // Services are counted per distinct combination, then spread over the services at the end.
    let mut service_sets = vec![0usize; 1 << SERVICES.len()];
    let mut indices: Vec<usize> = Vec::new();
    let mut known: Vec<f64> = Vec::new();
    let mut consider = |i: usize| -> bool {
        if matched.as_ref().is_some_and(|bits| bits[i / 64] >> (i % 64) & 1 == 0) {
            return false;
        }
        let district = usize::from(catalog.district[i]);
        let d_ok = wanted_districts == 0 || wanted_districts >> district & 1 == 1;
        let mask = catalog.services[i];
        let s_ok = wanted_services == 0 || mask & wanted_services != 0;
        let certified = catalog.certified[i];
        let c_ok = !filter.certified_only || certified;
        let is_open = open[catalog.schedule[i] as usize];
        let o_ok = !filter.open_now || is_open;

        if s_ok && c_ok && o_ok {
            if let Some(n) = facets.districts.get_mut(district) {
                *n += 1;
            }
        }
        if d_ok && c_ok && o_ok {
            service_sets[usize::from(mask)] += 1;
        }
        facets.certified += usize::from(d_ok && s_ok && o_ok && certified);
        facets.open_now += usize::from(d_ok && s_ok && c_ok && is_open);
        d_ok && s_ok && c_ok && o_ok
    };
    match radius {
        // With a radius, only the spaces the spatial index finds inside it are considered, and
        // they come nearest first (ties in name order) with their distances.
        Some((p, r)) => {
            for (i, d) in catalog.index.within(p, r) {
                if consider(i) {
                    indices.push(i);
                    known.push(d);
                }
            }
        }
        None => indices.extend((0..catalog.spaces.len()).filter(|&i| consider(i))),
    }
    for (mask, n) in service_sets.into_iter().enumerate().filter(|&(_, n)| n > 0) {
        for (bit, count) in facets.services.iter_mut().enumerate() {
            *count += n * (mask >> bit & 1);
        }
    }

    let Some(near) = filter.near else {
        return (indices, Vec::new(), facets);
    };
    // Distances are measured for the spaces that pass, in one tight loop over the index's
    // compact positions.
    if radius.is_none() {
        let origin = Origin::new(near);
        let metres = |i: usize| origin.metres(catalog.index.point(i));
        if sort == Sort::Distance {
            // The spaces are in name order here; a stable sort on whole decimetres keeps that
            // order among equals. The distances are those decimetres (shown to 10 m): no second
            // vector of them, no gathering by position.
            let keyed = indices.iter().map(|&i| ((metres(i) * 10.0) as u32, i as u32)).collect();
            let sorted = radix_sort(keyed);
            let distances = sorted.iter().map(|&(d, _)| f64::from(d) / 10.0).collect();
            return (sorted.into_iter().map(|(_, i)| i as usize).collect(), distances, facets);
        }
        known = indices.iter().map(|&i| metres(i)).collect();
    }
    let order: Option<Vec<u32>> = match (sort, radius) {
        // The index gave them nearest first: back to name order.
        (Sort::Name, Some(_)) => {
            let mut order: Vec<u32> = (0..indices.len() as u32).collect();
            order.sort_unstable_by_key(|&k| indices[k as usize]);
            Some(order)
        }
        _ => None,
    };
    match order {
        Some(order) => (order.iter().map(|&k| indices[k as usize]).collect(), order.iter().map(|&k| known[k as usize]).collect(), facets),
        None => (indices, known, facets),
    }
}

/// Sorts pairs by their first number, keeping the order of pairs with equal ones: a radix sort,
/// 11 bits per pass, as few passes as the largest number needs (two for decimetres up to 419 km,
/// three for any distance on Earth). Several times faster than a comparison sort at 100 000 pairs.
fn radix_sort(mut items: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    const BITS: u32 = 11;
    let max = items.iter().map(|p| p.0).max().unwrap_or(0);
    let mut spare = vec![(0, 0); items.len()];
    let mut shift = 0;
    while shift < u32::BITS && max >> shift != 0 {
        let digit = |key: u32| (key >> shift) as usize & ((1 << BITS) - 1);
        let mut starts = vec![0usize; 1 << BITS];
        items.iter().for_each(|p| starts[digit(p.0)] += 1);
        let mut sum = 0;
        for start in starts.iter_mut() {
            (*start, sum) = (sum, sum + *start);
        }
        for &p in &items {
            let at = &mut starts[digit(p.0)];
            spare[*at] = p;
            *at += 1;
        }
        std::mem::swap(&mut items, &mut spare);
        shift += BITS;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::distance::metres;
    use crate::domain::load::parse_dataset;
    use crate::domain::search::Haystack;

    fn catalog() -> Arc<Catalog> {
        Arc::new(Catalog::new(parse_dataset(include_str!("../../public/data/spaces.json")).expect("bundled data loads").dataset.spaces))
    }

    fn d(code: &str) -> &'static District {
        crate::domain::model::district(code).expect("a district")
    }

    fn sv(id: &str) -> &'static Service {
        crate::domain::model::service(id).expect("a service")
    }

    const NOON_WED: CstTime = CstTime::at(2, 720);

    fn count(c: &Arc<Catalog>, f: &Filter) -> usize {
        run(c, f, Sort::Name, NOON_WED).indices.len()
    }

    /// The oracle: a plain predicate per space.
    fn oracle(c: &Catalog, f: &Filter) -> usize {
        let q = tokens(&f.query);
        c.spaces
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                (f.districts.is_empty() || f.districts.iter().any(|d| d.code == s.district))
                    && (f.services.is_empty() || s.services.iter().any(|x| f.services.iter().any(|c| c.id == *x)))
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
    fn any_file_order_gives_the_same_catalog() {
        let spaces = parse_dataset(include_str!("../../public/data/spaces.json")).expect("bundled data loads").dataset.spaces;
        // The data tools write in name order, so the bundled file takes the path where nothing moves.
        assert!(name_order(&spaces).into_iter().eq(0..spaces.len()));
        let mut shuffled = spaces.clone();
        shuffled.reverse();
        shuffled.rotate_left(100);
        let (in_place, moved) = (Arc::new(Catalog::new(spaces)), Arc::new(Catalog::new(shuffled)));
        assert_eq!(in_place.spaces, moved.spaces);
        let filters = [
            Filter::default(),
            Filter { districts: vec![d("440113")], certified_only: true, ..Filter::default() },
            Filter { services: vec![sv("elderly"), sv("food")], open_now: true, query: "街".into(), ..Filter::default() },
            Filter { query: "panyu shawan".into(), ..Filter::default() },
            Filter { near: Some(LatLng { lat: 23.1064, lng: 113.3245 }), ..Filter::default() },
        ];
        for f in &filters {
            let (a, b) = (run(&in_place, f, Sort::Distance, NOON_WED), run(&moved, f, Sort::Distance, NOON_WED));
            assert_eq!((a.indices, a.facets), (b.indices, b.facets), "{f:?}");
        }
    }

    #[test]
    fn filters_agree_with_the_oracle() {
        let c = catalog();
        let filters = [
            Filter { districts: vec![d("440113")], ..Filter::default() },
            Filter { districts: vec![d("440113"), d("440106")], certified_only: true, ..Filter::default() },
            Filter { services: vec![sv("elderly"), sv("food")], open_now: true, ..Filter::default() },
            Filter { query: "panyu".into(), ..Filter::default() },
            Filter { query: "沙湾".into(), services: vec![sv("donation")], ..Filter::default() },
        ];
        for f in &filters {
            assert_eq!(count(&c, f), oracle(&c, f), "{f:?}");
        }
    }

    #[test]
    fn facets_count_each_option_under_the_other_filters() {
        let c = catalog();
        let base = Filter { certified_only: true, services: vec![sv("elderly")], ..Filter::default() };
        let out = run(&c, &base, Sort::Name, NOON_WED);
        for (k, d) in DISTRICTS.iter().enumerate() {
            let with = Filter { districts: vec![d], ..base.clone() };
            assert_eq!(out.facets.districts[k], oracle(&c, &with), "{}", d.zh);
        }
        for (k, s) in SERVICES.iter().enumerate() {
            let with = Filter { services: vec![s], ..base.clone() };
            assert_eq!(out.facets.services[k], oracle(&c, &with), "{}", s.id);
        }
        let uncertified = Filter { certified_only: false, ..base.clone() };
        assert_eq!(out.facets.certified, oracle(&c, &Filter { certified_only: true, ..uncertified }));
    }

    #[test]
    fn chips_remove_one_filter_each() {
        let mut f = Filter {
            districts: vec![d("440113"), d("440106")],
            services: vec![sv("food")],
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
        assert_eq!(count(&c, &Filter { districts: vec![d("440113")], ..Filter::default() }), 100);
    }

    #[test]
    fn distance_sort_and_radius() {
        let c = catalog();
        let tower = LatLng { lat: 23.1064, lng: 113.3245 };
        let f = Filter { near: Some(tower), radius_m: Some(3_000.0), ..Filter::default() };
        let out = run(&c, &f, Sort::Distance, NOON_WED);
        let d = &out.distances;
        assert_eq!(d.len(), out.indices.len());
        assert!(!d.is_empty());
        assert!(d.windows(2).all(|w| w[0] <= w[1]));
        assert!(d.iter().all(|m| *m <= 3_000.0));
        let all = c.spaces.iter().filter(|s| metres(tower, s.location) <= 3_000.0).count();
        assert_eq!(d.len(), all);
        // The same spaces in name order, each with its distance.
        let by_name = run(&c, &f, Sort::Name, NOON_WED);
        assert!(by_name.indices.windows(2).all(|w| w[0] < w[1]));
        for (i, d) in by_name.indices.iter().zip(&by_name.distances) {
            let at = out.indices.iter().position(|j| j == i).expect("same spaces");
            assert_eq!(*d, out.distances[at]);
        }
    }

    #[test]
    fn distance_sort_without_radius_orders_everything_nearest_first() {
        let c = catalog();
        let f = Filter { near: Some(LatLng { lat: 23.1064, lng: 113.3245 }), ..Filter::default() };
        let out = run(&c, &f, Sort::Distance, NOON_WED);
        assert_eq!(out.indices.len(), c.spaces.len());
        let keyed: Vec<(u32, usize)> = out.indices.iter().zip(&out.distances).map(|(&i, d)| ((d * 10.0).round() as u32, i)).collect();
        // Nearest first by whole decimetres; equal distances in name order.
        assert!(keyed.windows(2).all(|w| w[0] < w[1]), "{keyed:?}");
        // Each distance is the exact one cut to whole decimetres.
        let tower = LatLng { lat: 23.1064, lng: 113.3245 };
        for (&i, d) in out.indices.iter().zip(&out.distances) {
            let exact = metres(tower, c.spaces[i].location);
            assert!(*d <= exact + 1e-9 && exact - d < 0.1, "{d} {exact}");
        }
        // Without a position there is nothing to measure, nor to order by.
        let plain = run(&c, &Filter::default(), Sort::Distance, NOON_WED);
        assert!(plain.distances.is_empty() && plain.indices.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn radix_sort_is_a_stable_sort() {
        let mut seed = 11u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 32) as u32
        };
        for (n, range) in [(0, 1), (1, 1), (5000, 7), (5000, 1 << 20), (5000, u32::MAX)] {
            let items: Vec<(u32, u32)> = (0..n).map(|k| (next() % range, k)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            assert_eq!(radix_sort(items), expected, "{n} keys below {range}");
        }
    }
}
