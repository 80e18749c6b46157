//! dossier's analysis: a pure library that knows nothing of LSP, async runtimes or terminals.
//! `files` is its one door to the disk, used by the two shells (`lsp`, `cli`) alike.

pub mod annotations;
pub mod answers;
pub mod article;
pub mod attribution;
pub mod catalog;
pub mod config;
pub mod coverage;
pub mod discovery;
pub mod files;
pub mod grammar;
pub mod lexicon;
pub mod located;
pub mod mentions;
pub mod rules;
pub mod text;
pub mod workspace;
