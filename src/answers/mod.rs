//! Answers to an editor's questions, in the library's own terms: articles, byte ranges, actors.
//! The language server and the command line turn them into protocol or text.

pub mod add_to_catalog;
pub mod card;
pub mod complete;
pub mod diagnostics;
pub mod links;
pub mod navigate;
pub mod rename;
#[cfg(test)]
mod rule_docs;
pub mod symbols;
pub mod tokens;

use std::ops::Range;
use std::path::PathBuf;

use crate::workspace::ArticleId;

/// A place an answer points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A range of an article in the workspace.
    Article {
        article: ArticleId,
        range: Range<usize>,
    },
    /// A line of a workspace catalog file (zero-based).
    CatalogEntry { path: PathBuf, line: usize },
}
