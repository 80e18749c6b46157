//! Report formats of `dossier check`, one file each. They all render the same [`Checked`] files.

mod github;
mod human;
mod json;
mod sarif;

use dossier::rules::Finding;
use dossier::text::{Encoding, LineIndex, Position};

/// One article after checking.
pub struct Checked {
    /// The path as reports show it (relative, `/`-separated).
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
    pub findings: Vec<Finding>,
}

impl Checked {
    /// The zero-based LSP position (UTF-16 characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset, Encoding::Utf16)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// The whole report as it goes to standard output.
pub fn render(format: ReportFormat, files: &[Checked]) -> String {
    match format {
        ReportFormat::Human => human::render(files, human::Style::detect()),
        ReportFormat::Json => json::render(files),
        ReportFormat::Sarif => sarif::render(files),
        ReportFormat::Github => github::render(files),
    }
}
