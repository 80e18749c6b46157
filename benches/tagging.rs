//! Part-of-speech tagging as the attribution parse asks for it: every word of the fixtures in the
//! window of two words either side that `Sent::pos` tags, and each word alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::grammar::tag;

mod fixtures;
use fixtures::FIXTURES;

/// Words and marks, roughly: marks at a word's ends stand apart.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for token in text.split_whitespace() {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(at) = token.find(core).filter(|_| !core.is_empty()) else {
            out.push(token);
            continue;
        };
        let (before, after) = (&token[..at], &token[at + core.len()..]);
        out.extend([before, core, after].into_iter().filter(|s| !s.is_empty()));
    }
    out
}

fn tagging(c: &mut Criterion) {
    let text = FIXTURES.join("\n\n");
    let words = words(&text);
    let mut group = c.benchmark_group("tagging");
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("each word in its 5-word window", |b| {
        b.iter(|| {
            (0..words.len())
                .map(|i| tag(&words[i.saturating_sub(2)..(i + 3).min(words.len())]).len())
                .sum::<usize>()
        })
    });
    group.bench_function("each word alone", |b| {
        b.iter(|| words.iter().map(|w| tag(&[w]).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
