//! Throughput of the attribution rules over realistic prose, repeated to about 4 MB so that
//! per-call overheads do not dominate: the labelled corpus (dense with attribution problems, a
//! worst case) and the workspace fixtures (ordinary articles).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::rules::{check, RuleSettings};

mod fixtures;
use fixtures::FIXTURES;

const ARTICLES: &[&str] = &[
    include_str!("../tests/corpus/attribution/wire-geneva-round.txt"),
    include_str!("../tests/corpus/attribution/regional-daily-translated.txt"),
    include_str!("../tests/corpus/attribution/thinktank-workshop.md"),
    include_str!("../tests/corpus/attribution/feature-border-town.md"),
    include_str!("../tests/corpus/attribution/paywalled-analysis.txt"),
    include_str!("../tests/corpus/attribution/hard-negatives.txt"),
    include_str!("../tests/corpus/attribution/weekly-bulletin.md"),
    include_str!("../tests/corpus/attribution/heldout-astana-wire.txt"),
    include_str!("../tests/corpus/attribution/heldout-opinion-roundup.md"),
    include_str!("../tests/corpus/attribution/heldout-quotes-hedges.md"),
    include_str!("../tests/corpus/attribution/heldout-caesar-explainer.txt"),
];

fn rules(c: &mut Criterion) {
    let one: String = ARTICLES.join("\n\n");
    let big = one.repeat((4 << 20) / one.len() + 1);
    let settings = RuleSettings::default();
    let mut group = c.benchmark_group("rules");
    group.throughput(Throughput::Bytes(one.len() as u64));
    group.bench_function("check one set of articles", |b| {
        b.iter(|| {
            ARTICLES
                .iter()
                .map(|a| check(a, &settings).len())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("check 4 MB", |b| b.iter(|| check(&big, &settings).len()));
    let ordinary: String = FIXTURES.join("\n\n");
    let ordinary = ordinary.repeat((4 << 20) / ordinary.len() + 1);
    group.throughput(Throughput::Bytes(ordinary.len() as u64));
    group.bench_function("check 4 MB of fixtures", |b| {
        b.iter(|| check(&ordinary, &settings).len())
    });
    group.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
