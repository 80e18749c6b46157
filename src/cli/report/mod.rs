//! Report formats of `dossier check`, one file each. A report is made of one part per checked
//! file, rendered where the file is checked (in parallel), then written in path order between the
//! format's opening and closing lines.

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use dossier::rules::{Finding, Severity};
use dossier::text::{Encoding, LineIndex, Position};

/// One article after checking.
pub struct Checked<'a> {
    /// The path as reports show it (relative, `/`-separated).
    pub path: &'a str,
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub findings: &'a [Finding],
}

impl Checked<'_> {
    /// The zero-based LSP position (UTF-16 characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(self.text, offset, Encoding::Utf16)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// How many files were checked and what was found, for summaries and the exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub files_with_findings: usize,
    /// Findings per severity, indexed by `Severity as usize`.
    pub counts: [usize; 4],
}

impl Tally {
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        self.files_with_findings += usize::from(!findings.is_empty());
        for f in findings {
            self.counts[f.severity as usize] += 1;
        }
    }

    /// Whether any finding is at `level` or above.
    pub fn reaches(&self, level: Severity) -> bool {
        self.counts[level as usize..].iter().any(|&n| n > 0)
    }
}

/// A report in one format, with the terminal's colour settings read once.
#[derive(Clone, Copy, Debug)]
pub struct Report {
    format: ReportFormat,
    style: human::Style,
}

impl Report {
    pub fn new(format: ReportFormat) -> Self {
        Self {
            format,
            style: human::Style::detect(),
        }
    }

    /// The part of the report about one file.
    pub fn part(&self, file: &Checked) -> String {
        match self.format {
            ReportFormat::Human => human::part(file, self.style),
            ReportFormat::Json => json::part(file),
            ReportFormat::Sarif => sarif::part(file),
            ReportFormat::Github => github::part(file),
        }
    }

    /// Writes the report: the files' parts in the order given, and what the format puts around
    /// them.
    pub fn write(&self, out: &mut dyn Write, parts: &[String], tally: &Tally) -> io::Result<()> {
        match self.format {
            ReportFormat::Human => {
                concat(out, parts)?;
                out.write_all(human::summary(tally).as_bytes())
            }
            ReportFormat::Json | ReportFormat::Github => concat(out, parts),
            ReportFormat::Sarif => sarif::write(out, parts),
        }
    }
}

fn concat(out: &mut dyn Write, parts: &[String]) -> io::Result<()> {
    parts.iter().try_for_each(|p| out.write_all(p.as_bytes()))
}

/// The whole report as one string: what the formats' tests compare.
#[cfg(test)]
fn render(format: ReportFormat, style: human::Style, files: &[Checked]) -> String {
    let report = Report { format, style };
    let mut tally = Tally::default();
    let parts: Vec<String> = files
        .iter()
        .map(|f| {
            tally.add(f.findings);
            report.part(f)
        })
        .collect();
    let mut out = Vec::new();
    report.write(&mut out, &parts, &tally).unwrap();
    String::from_utf8(out).unwrap()
}
