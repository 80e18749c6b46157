//! A problem in a file, at a place: what a bad `dossier.json` or catalog reports, so that the
//! editor can underline it and `dossier check` can print `path:line:column: message`.

use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedError {
    pub path: PathBuf,
    /// Zero-based line and column (in bytes of the line, as serde_json counts).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for LocatedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line + 1,
            self.column + 1,
            self.message
        )
    }
}
