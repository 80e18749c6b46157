//! The integration tests, as one binary: each module was a test binary of its own, and each
//! linked the whole crate again. Most start the real `dossier` binary and speak to it over stdio
//! (`common` is the small LSP client they share).

#[path = "../checks/mod.rs"]
mod checks;
mod common;

mod actors_corpus;
mod annotations;
mod architecture;
mod attribution_corpus;
mod bursts;
mod check_ci;
mod check_cli;
mod docs;
mod fixtures;
mod framing;
mod front_matter;
mod fuzz_regressions;
mod large_documents;
mod lifecycle;
mod lsp;
mod lsp_diagnostics;
mod lsp_discovered;
mod lsp_editing_aids;
mod lsp_fixes;
mod lsp_lenses;
mod outside_the_workspace;
mod properties;
mod report;
mod robustness;
mod rules_never_panic;
