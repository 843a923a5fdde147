//! The deterministic generator of the bundled **sample** dataset (same seed → same file).
//!
//! The official list is not published in machine-readable form, so the sample reproduces the
//! published 2021 totals: 358 registered, 165 certified, Panyu 100 (the most of any district),
//! every district some. Names and streets are real place names; addresses, phones and hours are
//! illustrative. Every point lies inside its district, at least 600 m from the border.

use crate::domain::boundaries::Boundaries;
use crate::domain::model::{Code, Dataset, LatLng, Meta, Space, Status, Totals, DISTRICTS, SCHEMA_VERSION};

use super::keys::{pinyin_key, search_keys};
use super::streets::{streets, Street};

/// SplitMix64: tiny, fast and stable across Rust and crate versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A uniform number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Spaces per district for the 2021 totals, in the order of [`DISTRICTS`]: Panyu 100 as
/// published; the other 258 spread roughly by the number of streets and towns.
const PER_DISTRICT_2021: [usize; DISTRICTS.len()] = [24, 30, 28, 30, 36, 22, 100, 26, 18, 20, 24];
/// Certified spaces in 2021.
const CERTIFIED_2021: usize = 165;

const NAME_PATTERNS: &[&str] = &[
    "{d}{s}慈善空间",
    "{s}{c}社区慈善空间",
    "{s}党群服务中心慈善空间",
    "{s}长者饭堂慈善空间",
    "{s}社工站慈善空间",
    "{s}{c}慈善驿站",
    "{s}图书馆慈善空间",
    "{s}慈善超市",
];
const COMMUNITIES: &[&str] = &["东", "西", "南", "北", "新村", "和平", "幸福", "康乐", "育才", "东风", "光明", "龙岗", "文昌", "朝阳"];
const ROADS: &[&str] =
    &["中心路", "文化路", "兴业路", "建设路", "人民路", "康乐路", "福宁路", "新村路", "东华路", "青年路", "育才路", "市场路"];
const HOURS: &[&str] = &[
    "Mo-Fr 09:00-17:30",
    "Mo-Fr 09:00-12:00,14:00-17:30",
    "Mo-Sa 08:30-17:30",
    "Mo-Su 09:00-21:00",
    "Tu-Su 09:00-17:00; PH off",
    "Mo-Fr 08:30-12:00,14:30-18:00; Sa 09:00-12:00",
    "Mo-Su 08:00-20:00",
    "We-Su 10:00-18:00",
    "",
];
const ACCESSIBILITY: &[&str] =
    &["一楼，无障碍通道，设无障碍卫生间", "一楼，门口有坡道", "二楼，有电梯", "二楼，无电梯，可电话预约一楼接待", ""];
/// Who may use a space, by its first service (適用對象).
const ELIGIBILITY: &[(&str, &[&str])] = &[
    ("elderly", &["本街道60周岁以上长者，独居、空巢长者优先", "辖区内长者及其照顾者"]),
    ("children", &["本区困境儿童及其家庭", "辖区内6–14岁儿童（需家长陪同）"]),
    ("disability", &["持残疾人证的本区居民及其家属"]),
    ("donation", &["所有市民均可捐赠衣物、书籍和日用品"]),
    ("volunteer", &["年满16周岁的市民均可报名做志愿者"]),
    ("food", &["本街道低保、低收入家庭及临时遇困群众"]),
    ("education", &["本区困难家庭在读学生"]),
    ("medical", &["本区患大病、重病的困难群众"]),
];
const FEES: &[&str] = &["免费", "免费", "免费", "免费", "部分活动收取材料费，困难群众免收", "长者饭堂午餐10元/餐，80岁以上长者减免"];
/// What to bring, by first service.
const DOCUMENTS: &[(&str, &[&str])] = &[
    ("elderly", &["身份证", "长者优待证"]),
    ("children", &["户口簿", "监护人身份证"]),
    ("disability", &["身份证", "残疾人证"]),
    ("volunteer", &["身份证"]),
    ("food", &["身份证", "低保证或低收入困难家庭证明"]),
    ("education", &["学生证", "低保证或低收入困难家庭证明"]),
    ("medical", &["身份证", "医院诊断证明", "低保证或低收入困难家庭证明"]),
];
const HOSTS: &[&str] = &["{s}社工服务站", "{s}党群服务中心", "{d}慈善会", "{s}{c}社区居委会", "{d}社会工作协会"];

/// Which services a space in a district is likely to offer, weighted by the 2021 report
/// (elderly care and children in difficulty are the main work; Baiyun runs a time bank,
/// Conghua and the outer districts rural revitalisation, Yuexiu donation points).
fn services_for(rng: &mut Rng, district: &str) -> Vec<Code> {
    let mut pool: Vec<&'static str> = vec![
        "elderly",
        "elderly",
        "elderly",
        "children",
        "children",
        "volunteer",
        "donation",
        "fund",
        "disability",
        "food",
        "education",
        "medical",
    ];
    match district {
        "440111" => pool.extend(["timebank", "timebank", "volunteer"]),
        "440104" => pool.extend(["donation", "donation"]),
        "440117" | "440118" | "440114" | "440115" => pool.extend(["rural", "rural"]),
        _ => {}
    }
    let n = 1 + rng.below(3);
    let mut chosen: Vec<Code> = Vec::new();
    while chosen.len() < n {
        let s = Code::from(rng.pick(&pool));
        if !chosen.contains(&s) {
            chosen.push(s);
        }
    }
    // Keep taxonomy order so records read consistently.
    chosen.sort_by_key(|s| crate::domain::model::SERVICES.iter().position(|x| x.id == s));
    chosen
}

/// Fills who may come, what it costs, what to bring and the languages spoken, from the space's
/// first service and district. A generator of its own, so that adding these fields left every
/// other value of the sample as it was.
fn before_you_go(rng: &mut Rng, space: &mut Space) {
    // A charity supermarket (慈善超市) hands out goods: its rules are those of food aid.
    let first = if space.name.contains("慈善超市") { "food" } else { space.services.first().map_or("", |s| s.as_ref()) };
    let of = |table: &[(&str, &'static [&'static str])]| table.iter().find(|(id, _)| *id == first).map(|(_, v)| *v);
    if rng.below(4) > 0 {
        if let Some(texts) = of(ELIGIBILITY) {
            space.eligibility_description = rng.pick(texts).into();
        }
    }
    if rng.below(5) > 0 {
        space.fees_description = rng.pick(FEES).into();
    }
    if rng.below(3) > 0 {
        space.required_documents = of(DOCUMENTS).unwrap_or_default().iter().map(|d| d.to_string()).collect();
    }
    if rng.below(6) > 0 {
        let mut languages = vec!["zh-cmn", "yue"];
        if matches!(&*space.district, "440117" | "440118") && rng.below(2) == 0 {
            languages.push("hak");
        }
        if matches!(&*space.district, "440104" | "440106") && rng.below(3) == 0 {
            languages.push("en");
        }
        if first == "disability" && rng.below(2) == 0 {
            languages.push("csl");
        }
        space.languages = languages.into_iter().map(Code::from).collect();
    }
}

fn point_in(rng: &mut Rng, boundaries: &Boundaries, code: &str) -> LatLng {
    let shape = boundaries.get(code).expect("every district has a boundary");
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for c in shape.shape.0.iter().flat_map(|p| p.exterior().0.iter()) {
        (w, s, e, n) = (w.min(c.x), s.min(c.y), e.max(c.x), n.max(c.y));
    }
    loop {
        let p = LatLng { lat: s + rng.unit() * (n - s), lng: w + rng.unit() * (e - w) };
        let p = LatLng { lat: (p.lat * 1e5).round() / 1e5, lng: (p.lng * 1e5).round() / 1e5 };
        if boundaries.locate(p) == Some(code) && shape.distance_to_border_m(p) > 600.0 {
            return p;
        }
    }
}

fn short_street(s: &Street) -> String {
    s.name.strip_suffix("街道").map(|x| format!("{x}街")).unwrap_or_else(|| s.name.clone())
}

fn title_case(pinyin: &str) -> String {
    let mut c = pinyin.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Generates a dataset of `total` spaces (358 reproduces 2021; other sizes scale the same
/// district shares, for benchmarks) from a seed.
pub fn generate(seed: u64, total: usize, boundaries: &Boundaries) -> Dataset {
    let mut rng = Rng::new(seed);
    let all_streets = streets();
    let base: usize = PER_DISTRICT_2021.iter().sum();
    let mut per_district: Vec<usize> = PER_DISTRICT_2021.iter().map(|n| n * total / base).collect();
    let mut k = 0;
    while per_district.iter().sum::<usize>() < total {
        per_district[k % DISTRICTS.len()] += 1;
        k += 1;
    }
    let certified_target = CERTIFIED_2021 * total / base;

    let mut spaces = Vec::with_capacity(total);
    let mut extra = Rng::new(seed ^ 0xB4F0_4E60);
    for (d, count) in DISTRICTS.iter().zip(per_district) {
        let local: Vec<&Street> = all_streets.iter().filter(|s| s.district == d.code && s.residential).collect();
        let mut used_names = std::collections::HashSet::new();
        for i in 0..count {
            let street = local[(i + rng.below(3)) % local.len()];
            let short = short_street(street);
            let fill = |pattern: &str, community: &str| pattern.replace("{d}", d.zh).replace("{s}", &short).replace("{c}", community);
            let mut name = fill(rng.pick(NAME_PATTERNS), rng.pick(COMMUNITIES));
            let mut attempt = 2;
            while !used_names.insert(name.clone()) {
                name = format!("{}（{}）", fill(rng.pick(NAME_PATTERNS), rng.pick(COMMUNITIES)), attempt);
                attempt += 1;
            }
            let location = point_in(&mut rng, boundaries, d.code);
            let name_en = (rng.below(3) == 0).then(|| {
                let street_py = pinyin_key(short.trim_end_matches(['街', '镇'])).0;
                let kind = if street.name.ends_with('镇') { "Town" } else { "Street" };
                format!("{} {kind} Charity Space, {}", title_case(&street_py), d.en)
            });
            let mut space = Space {
                id: format!("gz-{}-{:03}", d.code, i + 1),
                name,
                name_en,
                district: d.code.into(),
                street: street.name.clone(),
                address: format!("广州市{}{}{}{}号", d.zh, street.name, rng.pick(ROADS), 1 + rng.below(300)),
                location,
                status: Status::Registered,
                certified_on: None,
                services: services_for(&mut rng, d.code),
                opening_hours: rng.pick(HOURS).to_string(),
                hours_text: String::new(),
                phone: format!("020-{}{:07}", 3 + rng.below(6), rng.below(10_000_000)),
                organization: fill(rng.pick(HOSTS), rng.pick(COMMUNITIES)),
                accessibility: rng.pick(ACCESSIBILITY).to_string(),
                eligibility_description: String::new(),
                fees_description: String::new(),
                required_documents: Vec::new(),
                languages: Vec::new(),
                last_verified: format!("2026-{:02}-{:02}", 5 + rng.below(6), 1 + rng.below(28)),
                keys: Default::default(),
            };
            before_you_go(&mut extra, &mut space);
            space.keys = search_keys(&space);
            spaces.push(space);
        }
    }
    // Certify a fixed number, chosen by a seeded shuffle.
    let mut order: Vec<usize> = (0..spaces.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for &i in order.iter().take(certified_target) {
        spaces[i].status = Status::Certified;
        spaces[i].certified_on = Some(format!("2021-{:02}-{:02}", 3 + rng.below(10), 1 + rng.below(28)));
    }
    let certified = spaces.iter().filter(|s| s.status == Status::Certified).count();
    Dataset {
        meta: Meta {
            schema_version: SCHEMA_VERSION,
            as_of: "2026-11-01".into(),
            source: format!(
                "Sample records generated by `spaces generate --seed {seed} --count {total}`, reproducing the totals of the Guangzhou Civil Affairs Bureau's 2021 report (358 registered, 165 certified, Panyu 100). Not the official list."
            ),
            licence: "CC0-1.0 (generated sample data)".into(),
            sample: true,
            totals: Some(Totals { registered: spaces.len(), certified }),
        },
        spaces,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boundaries() -> Boundaries {
        Boundaries::from_geojson(include_str!("../../public/data/districts.geojson")).expect("parses")
    }

    #[test]
    fn reproduces_the_2021_totals() {
        let d = generate(2021, 358, &boundaries());
        assert_eq!(d.spaces.len(), 358);
        assert_eq!(d.spaces.iter().filter(|s| s.status == Status::Certified).count(), 165);
        let panyu = d.spaces.iter().filter(|s| s.district == "440113").count();
        assert_eq!(panyu, 100);
        for code in DISTRICTS.iter().map(|d| d.code) {
            let n = d.spaces.iter().filter(|s| s.district == code).count();
            assert!(n > 0 && (code == "440113" || n < 100), "{code}: {n}");
        }
    }

    #[test]
    fn same_seed_same_data() {
        let b = boundaries();
        assert_eq!(generate(7, 50, &b), generate(7, 50, &b));
        assert_ne!(generate(7, 50, &b), generate(8, 50, &b));
    }

    #[test]
    fn bundled_file_is_the_generators_output() {
        let d = generate(2021, 358, &boundaries());
        let text = super::super::to_json(&d);
        assert!(text == include_str!("../../public/data/spaces.json"), "run `make data` to regenerate public/data/spaces.json");
    }
}
