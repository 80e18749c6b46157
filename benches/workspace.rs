//! The workspace benchmark: a generated folder of 10,000 articles (~50 MB), then the first full
//! index, hover, definition, references, a keystroke in a 100 KB article, and `dossier check`
//! over the folder (the real binary).
//!
//! Criterion measures the means; the latency percentiles and resident memory that the targets
//! name are measured here too and printed as a table at the start.

mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use dossier::answers::{card, navigate};
use dossier::files;
use dossier::text::{document::Edit, Document, Encoding, Position};
use dossier::workspace::{ArticleId, Workspace};

const ARTICLES: usize = 10_000;
const ARTICLE_SIZE: usize = 5_000;

fn index(root: &Path) -> Workspace {
    let mut ws = Workspace::new(files::merged_catalog([]));
    let paths = files::discover(root, &Default::default());
    let batch = files::load(&paths, files_limit(), &ws.matcher());
    ws.insert_all(batch.articles);
    ws
}

/// `dossier check` end to end, as CI runs it: the real binary over the folder, its report (the
/// default, for people) written to a file. Returns the time and the report's summary line.
fn check(root: &Path) -> (Duration, String) {
    let report = root.with_extension("report.txt");
    let out = std::fs::File::create(&report).expect("a report file");
    let t = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("check")
        .arg(root)
        .stdout(out)
        .status()
        .expect("dossier runs");
    let elapsed = t.elapsed();
    // Exit code 1: findings at warning level, as this corpus has.
    assert_eq!(status.code(), Some(1), "dossier check failed");
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    let _ = std::fs::remove_file(&report);
    let summary = text.lines().last().unwrap_or_default().to_string();
    (elapsed, summary)
}

fn files_limit() -> u64 {
    dossier::config::DEFAULT_MAX_FILE_SIZE
}

/// Resident and peak memory of this process, in bytes.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Positions of mentions to ask about, spread over the workspace.
fn probes(ws: &Workspace, n: usize) -> Vec<(ArticleId, usize)> {
    let articles: Vec<(ArticleId, usize)> = ws
        .articles()
        .filter(|(_, a)| !a.mentions.is_empty())
        .map(|(id, a)| (id, a.mentions.len()))
        .collect();
    (0..n)
        .map(|i| {
            let (id, count) = articles[(i * 7919) % articles.len()];
            let m = &ws.article(id).mentions[(i * 31) % count];
            (id, m.range.start + 1)
        })
        .collect()
}

fn percentile(mut samples: Vec<Duration>, p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)]
}

fn time_each(probes: &[(ArticleId, usize)], mut f: impl FnMut(ArticleId, usize)) -> Vec<Duration> {
    probes
        .iter()
        .map(|&(id, offset)| {
            let t = Instant::now();
            f(id, offset);
            t.elapsed()
        })
        .collect()
}

fn keystroke_setup(ws: &mut Workspace) -> (PathBuf, Document) {
    let path = PathBuf::from("/bench/open-100k.md");
    let text = corpus::article(424_242, 100_000);
    ws.update(path.clone(), text.clone());
    (path, Document::new(&text, 1))
}

fn keystroke(ws: &mut Workspace, path: &Path, doc: &mut Document, version: i32) {
    let at = Position::new(2, 5);
    let edit = Edit {
        range: Some((at, at)),
        text: "x".into(),
    };
    doc.apply([edit], version, Encoding::Utf16);
    ws.update(path.to_owned(), doc.text());
}

fn figures(root: &Path, bytes: usize) {
    let (rss_before, _) = memory();
    let t = Instant::now();
    let mut ws = index(root);
    let index_time = t.elapsed();
    // The server looks for people introduced with a role after the index is complete.
    let t = Instant::now();
    ws.refresh_discovered();
    let discovery_time = t.elapsed();
    let (rss_after, peak) = memory();
    let mentions: usize = ws.articles().map(|(_, a)| a.mentions.len()).sum();

    let checks: Vec<(Duration, String)> = (0..5).map(|_| check(root)).collect();
    let summary = checks[0].1.clone();
    let check_times: Vec<Duration> = checks.into_iter().map(|(t, _)| t).collect();

    let probes = probes(&ws, 10_000);
    let hover = time_each(&probes, |id, o| {
        std::hint::black_box(card::hover(&ws, id, o));
    });
    let definition = time_each(&probes, |id, o| {
        std::hint::black_box(navigate::definition(&ws, id, o));
    });
    let references = time_each(&probes[..500], |id, o| {
        std::hint::black_box(navigate::references(&ws, id, o, true));
    });
    let (path, mut doc) = keystroke_setup(&mut ws);
    let keystrokes: Vec<Duration> = (0..2_000)
        .map(|v| {
            let t = Instant::now();
            keystroke(&mut ws, &path, &mut doc, v + 2);
            t.elapsed()
        })
        .collect();

    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    println!(
        "== dossier workspace figures ({} articles, {:.1} MB, {mentions} mentions)",
        ws.len() - 1,
        bytes as f64 / 1e6
    );
    println!("first full index      {}", ms(index_time));
    println!("then discovery        {}", ms(discovery_time));
    let mb_per_s = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let (median, best) = (
        percentile(check_times.clone(), 0.5),
        percentile(check_times, 0.0),
    );
    println!(
        "dossier check, end to end (5 runs)  median {} = {:.0} MB/s, best {} = {:.0} MB/s  ({summary})",
        ms(median),
        mb_per_s(median),
        ms(best),
        mb_per_s(best)
    );
    println!(
        "hover       p50 {}  p99 {}",
        ms(percentile(hover.clone(), 0.5)),
        ms(percentile(hover, 0.99))
    );
    println!(
        "definition  p50 {}  p99 {}",
        ms(percentile(definition.clone(), 0.5)),
        ms(percentile(definition, 0.99))
    );
    println!(
        "references  p50 {}  p99 {}  max {}",
        ms(percentile(references.clone(), 0.5)),
        ms(percentile(references.clone(), 0.99)),
        ms(percentile(references, 1.0))
    );
    println!(
        "keystroke (100 KB)  p50 {}  p99 {}",
        ms(percentile(keystrokes.clone(), 0.5)),
        ms(percentile(keystrokes, 0.99))
    );
    println!(
        "resident memory of the index {:.1} MB = {:.2}x the corpus (process peak {:.1} MB)",
        (rss_after.saturating_sub(rss_before)) as f64 / 1e6,
        rss_after.saturating_sub(rss_before) as f64 / bytes as f64,
        peak as f64 / 1e6
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (_, bytes) = corpus::write(dir.path(), ARTICLES, ARTICLE_SIZE);
    figures(dir.path(), bytes);

    let mut c = Criterion::default().configure_from_args();
    let root = dir.path();
    let mut group = c.benchmark_group("workspace");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(12));
    group.bench_function("first full index, 10k articles", |b| b.iter(|| index(root)));
    group.bench_function("dossier check, 10k articles", |b| b.iter(|| check(root)));
    group.finish();

    let mut ws = index(root);
    let probes = probes(&ws, 1_000);
    let mut i = 0;
    let mut next = || {
        i = (i + 1) % probes.len();
        probes[i]
    };
    c.bench_function("hover", |b| {
        b.iter(|| {
            let (id, o) = next();
            card::hover(&ws, id, o)
        })
    });
    c.bench_function("definition", |b| {
        b.iter(|| {
            let (id, o) = next();
            navigate::definition(&ws, id, o)
        })
    });
    c.bench_function("references", |b| {
        b.iter(|| {
            let (id, o) = next();
            navigate::references(&ws, id, o, true)
        })
    });
    let (path, mut doc) = keystroke_setup(&mut ws);
    let mut version = 1;
    c.bench_function("keystroke in a 100 KB article", |b| {
        b.iter(|| {
            version += 1;
            keystroke(&mut ws, &path, &mut doc, version)
        })
    });
    c.final_summary();
}
