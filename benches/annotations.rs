//! The annotations benchmark: on the generated 10,000-article workspace (`corpus.rs`, ~50 MB),
//! 1,000 annotations re-anchored after a save and written back — what the server does when
//! articles are saved, and what `dossier check` and `dossier annotations` do for every article.
//! Two shapes: one annotation on each of 1,000 articles, and 1,000 on one 100 KB article; in
//! each, text was inserted at the top of the annotated articles, so that every annotation has
//! moved and is found by its quote (the slow step; an annotation still where it was is found
//! by its position). Target: ≤ 50 ms.

mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use dossier::annotations::{self, make, store, Annotation, Body, Motivation, State, Store};
use dossier::files;
use dossier::workspace::Workspace;

const ARTICLES: usize = 10_000;
const ARTICLE_SIZE: usize = 5_000;
const ANNOTATIONS: usize = 1_000;

/// An annotation on about 60 bytes from `at` (a word start) of `text`.
fn note(text: &str, mut at: usize, source: String) -> Annotation {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let start = text[at..].find(' ').map_or(at, |i| at + i + 1);
    let mut end = (start + 60).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let body = Body {
        note: Some("checked against the UN readout".into()),
        ..Body::default()
    };
    make::annotation(text, &(start..end), source, Motivation::Commenting, body)
}

/// Re-anchors every annotation of the workspace, sets the moved ones' positions in the store
/// and writes it: what a save does, for all the annotated articles at once.
fn reanchor_and_save(ws: &Workspace, root: &Path, store: &mut Store) -> usize {
    let moved = reanchor(ws, root, store);
    files::write_annotations(root, store).expect("the annotations file is written");
    moved
}

/// [`reanchor_and_save`] without the writing.
fn reanchor(ws: &Workspace, root: &Path, store: &mut Store) -> usize {
    let mut moved = 0;
    let by_article = store.by_article(root);
    for (path, notes) in &by_article {
        let Some((_, article)) = ws.get(path) else {
            continue;
        };
        let chars = annotations::anchor::Chars::new(&article.text);
        for placed in annotations::place(&article.text, notes) {
            if placed.anchor.state == State::Moved {
                let range = placed.range().expect("moved annotations have a place");
                let position = chars.position_of(&range);
                store.set_position(&placed.annotation.id, position);
                moved += 1;
            }
        }
    }
    moved
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let (paths, _) = corpus::write(root, ARTICLES, ARTICLE_SIZE);
    let mut ws = Workspace::new(files::merged_catalog([]));
    let batch = files::load(
        &paths,
        dossier::config::DEFAULT_MAX_FILE_SIZE,
        &ws.matcher(),
    );
    ws.insert_all(batch.articles);

    // One annotation on each of 1,000 articles spread over the workspace; then each of those
    // articles edited at the top.
    let mut spread = Store::default();
    let step = ARTICLES / ANNOTATIONS;
    let annotated: Vec<PathBuf> = paths
        .iter()
        .step_by(step)
        .take(ANNOTATIONS)
        .cloned()
        .collect();
    for (i, path) in annotated.iter().enumerate() {
        let text = ws.get(path).unwrap().1.text.clone();
        let source = store::source_of(root, path).unwrap();
        spread.push(note(
            &text,
            (i * 997) % (text.len() / 2) + text.len() / 4,
            source,
        ));
        ws.update(
            path.clone(),
            format!("UPDATE: corrected on Friday.\n\n{text}"),
        );
    }

    // 1,000 annotations on one article of 100 KB, text inserted at its top.
    let long_path = root.join("long.md");
    let long = corpus::article(7, 100_000);
    let source = store::source_of(root, &long_path).unwrap();
    let mut dense = Store::default();
    for i in 0..ANNOTATIONS {
        dense.push(note(
            &long,
            i * (long.len() - 200) / ANNOTATIONS,
            source.clone(),
        ));
    }
    ws.update(long_path.clone(), format!("Correction appended.\n\n{long}"));

    let runs = |store: &Store, write: bool| -> (Duration, usize) {
        let mut samples = Vec::new();
        let mut moved = 0;
        for _ in 0..15 {
            let mut store = store.clone();
            let t = Instant::now();
            moved = if write {
                reanchor_and_save(&ws, root, &mut store)
            } else {
                reanchor(&ws, root, &mut store)
            };
            samples.push(t.elapsed());
        }
        assert_eq!(moved, ANNOTATIONS);
        (median(samples), moved)
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("| what | target | re-anchor and update | with the file written (fsync, rename) |");
    println!("| --- | --- | --- | --- |");
    for (what, store) in [
        (
            "1,000 annotations on 1,000 of 10,000 articles, all moved",
            &spread,
        ),
        ("1,000 annotations on one 100 KB article, all moved", &dense),
    ] {
        let (alone, _) = runs(store, false);
        let (saved, _) = runs(store, true);
        println!(
            "| {what} | ≤ 50 ms | {:.1} ms | {:.1} ms |",
            ms(alone),
            ms(saved)
        );
    }

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("annotations");
    group.sample_size(20);
    group.bench_function(
        "re-anchor 1,000 moved annotations on 1,000 articles and save",
        |b| b.iter(|| reanchor_and_save(&ws, root, &mut spread.clone())),
    );
    group.bench_function(
        "re-anchor 1,000 moved annotations on one article and save",
        |b| b.iter(|| reanchor_and_save(&ws, root, &mut dense.clone())),
    );
    group.finish();
    c.final_summary();
}
