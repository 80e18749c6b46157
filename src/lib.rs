//! dossier's analysis: a pure library that knows nothing of LSP, async runtimes or terminals.

pub mod catalog;
pub mod rules;
pub mod text;
