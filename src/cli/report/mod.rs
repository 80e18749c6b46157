//! Report formats of `dossier check`, one file each. A report is made of one part per checked
//! file, rendered where the file is checked (in parallel), then written in path order between
//! what the format puts first and last.

mod github;
mod human;
mod json;
mod sarif;

pub use human::summary;

use std::io::Write;

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
    /// The tally of one file with these findings.
    pub fn of(findings: &[Finding]) -> Self {
        let mut tally = Self {
            files: 1,
            files_with_findings: usize::from(!findings.is_empty()),
            counts: [0; 4],
        };
        for f in findings {
            tally.counts[f.severity as usize] += 1;
        }
        tally
    }

    fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.files_with_findings += other.files_with_findings;
        for (count, more) in self.counts.iter_mut().zip(other.counts) {
            *count += more;
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
    /// A report in `format`, written to standard output or (`to_stdout` false) to a file.
    pub fn new(format: ReportFormat, to_stdout: bool) -> Self {
        Self {
            format,
            style: human::Style::detect(to_stdout),
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

    /// Starts writing the report to `out`: what the format puts before the files' parts.
    pub fn writer(self, out: &mut (dyn Write + Send)) -> Writer<'_> {
        let mut writer = Writer {
            report: self,
            out,
            failed: false,
            wrote_part: false,
            tally: Tally::default(),
        };
        if self.format == ReportFormat::Sarif {
            writer.put(sarif::head().as_bytes());
        }
        writer
    }
}

/// A report being written, file by file in the order given. A reader that went away
/// (`dossier check | head`) ends the writing, not the counting the exit code needs.
pub struct Writer<'o> {
    report: Report,
    out: &'o mut (dyn Write + Send),
    failed: bool,
    /// A file's part is written already: SARIF separates the next one's results with a comma.
    wrote_part: bool,
    tally: Tally,
}

impl Writer<'_> {
    fn put(&mut self, bytes: &[u8]) {
        self.failed = self.failed || self.out.write_all(bytes).is_err();
    }

    /// One file's part and the tally of its findings.
    pub fn file(&mut self, part: &str, tally: &Tally) {
        self.tally.add(tally);
        if part.is_empty() {
            return;
        }
        if self.report.format == ReportFormat::Sarif && self.wrote_part {
            self.put(b",\n");
        }
        self.put(part.as_bytes());
        self.wrote_part = true;
    }

    /// Writes what the format puts after the files' parts; returns what was found.
    pub fn finish(mut self) -> Tally {
        match self.report.format {
            ReportFormat::Human => self.put(human::summary(&self.tally).as_bytes()),
            ReportFormat::Sarif => self.put(sarif::TAIL.as_bytes()),
            ReportFormat::Json | ReportFormat::Github => {}
        }
        let _ = self.out.flush();
        self.tally
    }
}

/// The whole report as one string: what the formats' tests compare.
#[cfg(test)]
fn render(format: ReportFormat, style: human::Style, files: &[Checked]) -> String {
    let report = Report { format, style };
    let mut out = Vec::new();
    let mut writer = report.writer(&mut out);
    for file in files {
        writer.file(&report.part(file), &Tally::of(file.findings));
    }
    writer.finish();
    String::from_utf8(out).unwrap()
}
