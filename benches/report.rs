//! The report benchmark: on the generated 10,000-article workspace (`corpus.rs`, ~50 MB), the
//! time `dossier report -o report.html` takes end to end (the real binary), and the cost of the
//! code lenses: placing an article's, and resolving the lens of the most mentioned actor.
//! Figures only, printed as a table (`cargo bench --bench report`); `DOSSIER_REPORT_KEEP=DIR`
//! leaves the workspace and its page in DIR, to open the page in a browser.

mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::coverage::lenses;
use dossier::files;
use dossier::workspace::Workspace;

const ARTICLES: usize = 10_000;
const ARTICLE_SIZE: usize = 5_000;
const RUNS: usize = 5;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// `dossier report ROOT -o PAGE`, timed.
fn report(root: &Path, page: &Path) -> Duration {
    let t = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("report")
        .arg(root)
        .arg("-o")
        .arg(page)
        .status()
        .expect("dossier runs");
    assert!(status.success(), "dossier report failed");
    t.elapsed()
}

fn main() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var_os("DOSSIER_REPORT_KEEP").map_or(temp.path().to_owned(), Into::into);
    let root = dir.join("articles");
    let (_, bytes) = corpus::write(&root, ARTICLES, ARTICLE_SIZE);
    let page = dir.join("report.html");
    let runs: Vec<Duration> = (0..RUNS).map(|_| report(&root, &page)).collect();
    let size = std::fs::metadata(&page).map_or(0, |m| m.len());

    let mut ws = Workspace::new(files::merged_catalog([]));
    let paths = files::discover(&root, &Default::default());
    let batch = files::load(
        &paths,
        dossier::config::DEFAULT_MAX_FILE_SIZE,
        &ws.matcher(),
    );
    ws.insert_all(batch.articles);
    let (_, article) = ws.articles().next().expect("an article");
    let t = Instant::now();
    let placed = lenses::first_mentions(&ws, article).len();
    let place = t.elapsed();
    let (actor, _) = ws
        .catalog()
        .actors()
        .max_by_key(|&(id, _)| ws.article_count(id))
        .expect("an actor");
    let t = Instant::now();
    let title = lenses::actor_title(&ws, actor);
    let resolve = t.elapsed();

    println!(
        "report benchmark: {ARTICLES} articles, {} MB",
        bytes / 1_000_000
    );
    println!("| | |\n| --- | --- |");
    println!(
        "| `dossier report -o report.html`, median of {RUNS} | {:.2} s (runs: {}) |",
        median(runs.clone()).as_secs_f64(),
        runs.iter()
            .map(|d| format!("{:.2}", d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("| the page | {:.1} MB |", size as f64 / 1e6);
    println!("| code lenses of an article placed ({placed}) | {place:.2?} |");
    println!(
        "| the lens of the most mentioned actor ({}) resolved: “{title}” | {resolve:.2?} |",
        ws.catalog().get(actor).name
    );
}
