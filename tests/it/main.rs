//! The integration tests, as one binary: each module was a test binary of its own, and each
//! linked the whole crate again. Most start the real `dossier` binary and speak to it over stdio
//! (`common` is the small LSP client they share).

#[path = "../checks/mod.rs"]
mod checks;
mod common;

mod architecture;
mod attribution_corpus;
mod bursts;
mod check_cli;
mod fixtures;
mod framing;
mod fuzz_regressions;
mod large_documents;
mod lifecycle;
mod lsp;
mod lsp_diagnostics;
mod lsp_discovered;
mod outside_the_workspace;
mod properties;
mod robustness;
mod rules_never_panic;
