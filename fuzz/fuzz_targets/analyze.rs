//! Arbitrary bytes as an article: analysis, every answer at many offsets, and the two
//! configuration parsers. The checks live in `tests/checks` so that the regression inputs in
//! `fuzz/regressions/analyze/` replay through the same code in `cargo test`.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/checks/mod.rs"]
mod checks;

static WORKSPACE: Mutex<Option<dossier::workspace::Workspace>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let mut guard = WORKSPACE.lock().unwrap_or_else(|e| e.into_inner());
    let ws = guard.get_or_insert_with(checks::fuzz_workspace);
    checks::analyze(ws, data);
});
