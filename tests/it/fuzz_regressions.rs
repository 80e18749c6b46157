//! Replays every input the fuzzers kept (`fuzz/regressions/<target>/*`) through the same checks
//! the fuzz targets run, so a bug they once found stays fixed without running a fuzzer in CI.

use crate::checks;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    paths
}

#[test]
fn analyze_regressions_replay() {
    let mut ws = checks::fuzz_workspace();
    for path in inputs("analyze") {
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            checks::analyze(&mut ws, &data)
        }));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}

#[test]
fn edits_regressions_replay() {
    for path in inputs("edits") {
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| checks::edits(&data));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}
