//! Hover latency in the real server (`dossier lsp` over stdio, as an editor drives it) on a
//! generated archive of 10,000 articles, a third of them introducing people the catalog does
//! not know (`corpus::write_archive`): while the first index runs, and while an open article
//! is changed and saved every 100 ms, every other save introducing someone new (which changes
//! the workspace's actors). Figures only (`cargo bench --bench latency`); `DOSSIER_BENCH_ARTICLES`
//! sets a smaller archive.

#[path = "../tests/it/common.rs"]
mod common;
mod corpus;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{editor_capabilities, uri, Client};
use serde_json::json;

const ARTICLE_SIZE: usize = 5_000;
const SAVE_EVERY: Duration = Duration::from_millis(100);
const SAVING_FOR: Duration = Duration::from_secs(20);

/// Where a hover finds a name: the word before the first " said " (a surname).
fn name_position(text: &str) -> serde_json::Value {
    let said = text.find(" said ").expect("a surname that speaks");
    let start = text[..said].rfind([' ', '\n']).map_or(0, |i| i + 1);
    let line = text[..start].matches('\n').count();
    let character = start - text[..start].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": character})
}

/// Hovers once over `at` in `path`, timed.
fn hover(client: &mut Client, path: &Path, at: &serde_json::Value) -> Duration {
    let t = Instant::now();
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(path)}, "position": at}),
    );
    t.elapsed()
}

fn indexed(client: &Client) -> bool {
    client.seen.iter().any(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.starts_with("indexed "))
    })
}

/// A text that introduces a person no article has named yet (the `n`th).
fn newcomer(n: usize, text: &str) -> String {
    const SYLLABLES: [&str; 8] = ["ber", "kin", "lor", "vel", "dun", "gar", "mes", "tov"];
    let surname = format!(
        "Qa{}{}{}",
        SYLLABLES[n % 8],
        SYLLABLES[n / 8 % 8],
        SYLLABLES[n / 64 % 8]
    );
    format!("Businessman Karim {surname} said the border would open.\n\n{text}")
}

fn figures(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    println!(
        "hover {what}: {} hovers, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        samples.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
    );
}

fn main() {
    let articles: usize = std::env::var("DOSSIER_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (paths, bytes) = corpus::write_archive(dir.path(), articles, ARTICLE_SIZE);
    println!(
        "{articles} articles, {:.1} MB, a third introducing people the catalog does not know",
        bytes as f64 / 1e6
    );

    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    // A hover in an open article, answered while the folder is read and indexed.
    let probe = &paths[1];
    let probe_text = std::fs::read_to_string(probe).unwrap();
    let probe_at = name_position(&probe_text);
    client.open(probe, &probe_text);
    let mut during_index = Vec::new();
    let started = Instant::now();
    while !indexed(&client) {
        during_index.push(hover(&mut client, probe, &probe_at));
    }
    println!("first index: {:.2} s", started.elapsed().as_secs_f64());
    figures("during the first index", during_index);
    // The people found after the index: let that settle before the saves begin.
    std::thread::sleep(Duration::from_secs(5));

    let edited = &paths[2];
    let original = std::fs::read_to_string(edited).unwrap();
    client.open(edited, &original);
    let mut while_saving = Vec::new();
    let mut saves = 0;
    let mut last_save = Instant::now() - SAVE_EVERY;
    let saving = Instant::now();
    while saving.elapsed() < SAVING_FOR {
        if last_save.elapsed() >= SAVE_EVERY {
            saves += 1;
            let text = if saves % 2 == 0 {
                newcomer(saves / 2, &original)
            } else {
                format!("{original}\nEdited {saves} times.\n")
            };
            std::fs::write(edited, &text).unwrap();
            let document = json!({"uri": uri(edited), "version": saves + 1});
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": document, "contentChanges": [{"text": text}]}),
            );
            client.notify(
                "textDocument/didSave",
                json!({"textDocument": {"uri": uri(edited)}}),
            );
            last_save = Instant::now();
        }
        while_saving.push(hover(&mut client, probe, &probe_at));
    }
    figures(
        &format!("while saving every 100 ms ({saves} saves, every other one a new person)"),
        while_saving,
    );
    client.shutdown();
}
