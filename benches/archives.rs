//! `dossier check` on archives shaped like real ones, side by side with `grep -rc` over the
//! same files: (a) a generated archive of 10,000 articles, a third of them introducing people
//! the catalog does not know (`corpus::write_archive`), and (b) PolNeAR's train and dev texts
//! (read from `../shared/polnear` at run time, never copied into the repository) replicated
//! to at least 50 MB. For each: the best of several runs of both in turn (the machine is
//! shared: read the ratio, not the MB/s), the peak resident memory of `dossier check`, and its
//! instructions per byte under callgrind over the whole archive and over a sample (repeatable
//! where wall-clock is not).
//!
//! `cargo bench --bench archives`; smaller, as CI runs it, `scripts/bench_archives.sh`
//! (`DOSSIER_BENCH_ARTICLES`, `DOSSIER_BENCH_MB`, `DOSSIER_BENCH_RUNS`; `DOSSIER_BENCH_CALLGRIND=0`
//! leaves callgrind out).

mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ARTICLE_SIZE: usize = 5_000;

fn setting(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn dossier() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

/// Runs a command with its output thrown away; returns its wall time and its peak resident
/// memory in bytes.
#[allow(clippy::zombie_processes)] // reaped by wait4, which also gives its peak memory
fn timed(mut command: Command) -> (Duration, u64) {
    let t = Instant::now();
    let child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the command runs");
    let mut status = 0;
    // SAFETY: wait4 writes only the status and the struct it is given; the child is ours
    // and waited for here alone (its `Child` is never waited on).
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        usage
    };
    let elapsed = t.elapsed();
    // dossier check: 1 when there are findings; grep: 1 when a file has no match.
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    assert!(matches!(code, Some(0 | 1)), "{command:?} failed");
    (elapsed, usage.ru_maxrss as u64 * 1024)
}

/// Instructions `dossier check` executes over `folder`, counted by callgrind.
fn instructions(folder: &Path) -> Option<u64> {
    if std::env::var("DOSSIER_BENCH_CALLGRIND").is_ok_and(|v| v == "0") {
        return None;
    }
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--format", "json"])
        .arg(folder)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let log = String::from_utf8_lossy(&out.stderr);
    let refs = log.lines().find_map(|l| l.split("I   refs:").nth(1))?;
    refs.trim().replace(',', "").parse().ok()
}

fn measure(name: &str, folder: &Path, bytes: usize, sample: Option<(&Path, usize)>) {
    let runs = setting("DOSSIER_BENCH_RUNS", 5.0) as usize;
    let mut check = Vec::new();
    let mut grep = Vec::new();
    let mut peak = 0;
    for _ in 0..runs + 1 {
        let mut command = dossier();
        command.args(["check", "--format", "json"]).arg(folder);
        let (time, resident) = timed(command);
        check.push(time);
        peak = peak.max(resident);
        let mut command = Command::new("grep");
        command.args(["-rc", "said"]).arg(folder);
        grep.push(timed(command).0);
    }
    // The first run of each warms the page cache.
    let best = |times: &[Duration]| times[1..].iter().min().copied().unwrap();
    let (check, grep) = (best(&check), best(&grep));
    let rate = |t: Duration| bytes as f64 / t.as_secs_f64() / 1e6;
    println!(
        "{name}: {:.1} MB. dossier check best of {runs} {:.3} s = {:.0} MB/s; grep -rc {:.3} s = \
         {:.0} MB/s; {:.1}x grep. Peak resident {:.0} MB = {:.2}x the archive",
        bytes as f64 / 1e6,
        check.as_secs_f64(),
        rate(check),
        grep.as_secs_f64(),
        rate(grep),
        check.as_secs_f64() / grep.as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / bytes as f64,
    );
    // Over the whole archive, as the target counts them; and over a sample, where what a run
    // costs once (the catalog's automaton, the tables' loading) weighs more.
    let whole = [(folder, bytes, "the whole archive")];
    let sample = sample.map(|(folder, bytes)| (folder, bytes, "a sample"));
    for (folder, bytes, what) in whole.into_iter().chain(sample) {
        match instructions(folder) {
            Some(n) => println!(
                "{name}: {:.0} instructions per byte (callgrind, over {what}: {:.1} MB)",
                n as f64 / bytes as f64,
                bytes as f64 / 1e6
            ),
            None => println!("{name}: instructions not counted (no valgrind, or left out)"),
        }
    }
}

fn polnear_texts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/polnear");
    let mut texts = Vec::new();
    for split in ["train", "dev"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(split).join("text"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        texts.extend(files);
    }
    texts
}

fn main() {
    // (a) a generated archive; its first tenth is the callgrind sample.
    let articles = setting("DOSSIER_BENCH_ARTICLES", 10_000.0) as usize;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let generated = dir.path().join("generated");
    let (_, bytes) = corpus::write_archive(&generated, articles, ARTICLE_SIZE);
    let sample = dir.path().join("generated-sample");
    let (_, sample_bytes) = corpus::write_archive(&sample, articles / 10, ARTICLE_SIZE);
    measure(
        &format!("(a) generated, {articles} articles, a third introducing people"),
        &generated,
        bytes,
        Some((&sample, sample_bytes)),
    );

    // (b) real news, replicated; one copy is the callgrind sample.
    let texts = polnear_texts();
    if texts.is_empty() {
        println!("(b) real news: skipped, no PolNeAR texts at ../shared/polnear");
        return;
    }
    let once: usize = texts
        .iter()
        .map(|t| std::fs::metadata(t).map_or(0, |m| m.len() as usize))
        .sum();
    let copies = (setting("DOSSIER_BENCH_MB", 50.0) * 1e6 / once as f64) as usize + 1;
    let news = dir.path().join("news");
    for copy in 0..copies {
        let folder = news.join(format!("copy-{copy:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        for text in &texts {
            std::fs::copy(text, folder.join(text.file_name().unwrap())).unwrap();
        }
    }
    measure(
        &format!(
            "(b) real news, {} files ({copies} copies of PolNeAR train+dev)",
            texts.len() * copies
        ),
        &news,
        once * copies,
        Some((&news.join("copy-00"), once)),
    );
}
