//! Throughput of the attribution rules over realistic prose: the labelled corpus articles,
//! repeated to about 4 MB so that per-call overheads do not dominate.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::rules::{check, RuleSettings};

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
    group.finish();
}

criterion_group!(benches, rules);
criterion_main!(benches);
