//! JSON Lines: one object per diagnostic, with an LSP range (zero-based line, UTF-16 character)
//! and the words flagged. A report in this format is also what `--baseline` reads.

use dossier::rules::Severity;
use dossier::text::Position;
use serde::Serialize;

use super::Checked;

/// One line per finding of the file.
pub fn part(file: &Checked) -> String {
    let mut out = Vec::with_capacity(file.findings.len() * 400);
    for f in file.findings {
        let line = Line {
            code: f.code,
            message: &f.message,
            path: file.path,
            range: range(file, &f.range),
            related: f
                .related
                .iter()
                .map(|r| Related {
                    message: &r.message,
                    range: range(file, &r.range),
                })
                .collect(),
            severity: f.severity,
            source: "dossier",
            text: &file.text[f.range.clone()],
        };
        // Serialising plain structs into memory cannot fail.
        let _ = serde_json::to_writer(&mut out, &line);
        out.push(b'\n');
    }
    String::from_utf8(out).unwrap_or_default()
}

// Fields in alphabetical order, as a JSON object's keys are listed.
#[derive(Serialize)]
struct Line<'a> {
    code: &'a str,
    message: &'a str,
    path: &'a str,
    range: Range,
    related: Vec<Related<'a>>,
    severity: Severity,
    source: &'static str,
    /// The words flagged: what a baseline matches a finding by, as lines move with every edit.
    text: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    end: Point,
    start: Point,
}

#[derive(Serialize)]
struct Point {
    character: u32,
    line: u32,
}

fn range(file: &Checked, bytes: &std::ops::Range<usize>) -> Range {
    let point = |p: Position| Point {
        character: p.character,
        line: p.line,
    };
    Range {
        end: point(file.position(bytes.end)),
        start: point(file.position(bytes.start)),
    }
}
