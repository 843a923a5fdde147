//! Native benchmarks of the finder's core (criterion): `make bench` or `cargo bench --bench core`.
//! The 100 000-space dataset is generated on demand, never committed.

use std::hint::black_box;

use charity_finder::domain::boundaries::Boundaries;
use charity_finder::domain::export::to_csv;
use charity_finder::domain::filter::{run, Catalog, Filter, Sort};
use charity_finder::domain::hours::CstTime;
use charity_finder::domain::load::parse_dataset;
use charity_finder::domain::model::{district, service, LatLng};
use charity_finder::tools::import::{import, Format, Options};
use charity_finder::tools::streets::streets;
use charity_finder::tools::{generate::generate, to_json};
use criterion::{criterion_group, criterion_main, Criterion};

const NOON_WED: CstTime = CstTime::at(2, 720);

fn filters() -> Vec<(&'static str, Filter, Sort)> {
    vec![
        ("all", Filter::default(), Sort::Name),
        (
            "panyu+certified",
            Filter { districts: vec![district("440113").expect("Panyu")], certified_only: true, ..Filter::default() },
            Sort::Name,
        ),
        ("pinyin query", Filter { query: "panyu shawan".into(), ..Filter::default() }, Sort::Name),
        (
            "services+open+query",
            Filter {
                services: vec![service("elderly").expect("a service"), service("food").expect("a service")],
                open_now: true,
                query: "街".into(),
                ..Filter::default()
            },
            Sort::Name,
        ),
        ("near, by distance", Filter { near: Some(LatLng { lat: 23.1064, lng: 113.3245 }), ..Filter::default() }, Sort::Distance),
    ]
}

fn bench(c: &mut Criterion) {
    let boundaries = Boundaries::from_geojson(include_str!("../public/data/districts.geojson")).expect("boundaries");
    let bundled = include_str!("../public/data/spaces.json");
    let large = to_json(&generate(7, 100_000, &boundaries));

    // The importer: an office's spreadsheet (title rows, merged cells, GCJ-02, Chinese hours), and
    // 20 000 rows as the CSV the finder exports (a province's list).
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let office = include_bytes!("../tests/fixtures/offices/01-panyu-title-rows.xlsx");
    let list = streets();
    group.bench_function("office-xlsx", |b| b.iter(|| import(black_box(office), Format::Xlsx, &Options::default(), &boundaries, &list)));
    let spaces = generate(7, 20_000, &boundaries).spaces;
    let csv = to_csv(spaces.iter());
    group.bench_function("csv-20k", |b| b.iter(|| import(black_box(csv.as_bytes()), Format::Csv, &Options::default(), &boundaries, &list)));
    group.finish();

    let mut group = c.benchmark_group("parse+index");
    group.sample_size(10);
    // First, on the heap of a fresh process like a page load: after the queries below have run,
    // the same loading measured up to 1.7x slower. Freeing a catalog (a million small strings at
    // 100 000) is not part of loading one.
    group.bench_function("358", |b| {
        b.iter_with_large_drop(|| Catalog::new(parse_dataset(black_box(bundled)).expect("loads").dataset.spaces))
    });
    group.bench_function("100k", |b| {
        b.iter_with_large_drop(|| Catalog::new(parse_dataset(black_box(&large)).expect("loads").dataset.spaces))
    });
    group.finish();

    for (label, text) in [("358", bundled), ("100k", large.as_str())] {
        let catalog = std::sync::Arc::new(Catalog::new(parse_dataset(text).expect("loads").dataset.spaces));
        let mut group = c.benchmark_group(format!("filter+search+sort/{label}"));
        for (name, filter, sort) in filters() {
            group.bench_function(name, |b| b.iter(|| run(black_box(&catalog), black_box(&filter), sort, NOON_WED)));
        }
        group.finish();
        let tower = LatLng { lat: 23.1064, lng: 113.3245 };
        let mut group = c.benchmark_group(format!("spatial/{label}"));
        group.bench_function("nearest-20", |b| b.iter(|| catalog.index().nearest(black_box(tower), 20)));
        group.bench_function("within 3 km", |b| b.iter(|| catalog.index().within(black_box(tower), 3_000.0)));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
