//! `dossier check --baseline FILE`: findings already known are neither reported nor failed on,
//! so that a newsroom can adopt dossier over an archive and hold only new text to it.
//!
//! The baseline is a report of `dossier check --format json` (JSON Lines). A finding matches an
//! entry by its path, rule and the words it flags, with runs of white space counted as one —
//! not by line or column, which every edit above it moves, nor by message, which a release may
//! word better. Entries are counted: a baseline that holds one "Observers say" in a file lets one
//! such finding in that file pass, not a second one written later.

use std::collections::HashMap;
use std::path::Path;

use dossier::rules::Finding;
use serde::Deserialize;

/// The entries of a baseline, counted per file, then per rule and words.
#[derive(Debug, Default)]
pub struct Baseline {
    files: HashMap<String, Known>,
}

/// A file's known findings: how many of each rule and words.
pub type Known = HashMap<(String, String), usize>;

/// The fields of a JSON report's line that a baseline reads.
#[derive(Deserialize)]
struct Entry {
    path: String,
    code: String,
    text: String,
}

impl Baseline {
    /// Reads a baseline file; a line that is not a finding of a JSON report is an error naming
    /// the file and line.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        Self::parse(&text).map_err(|(line, e)| {
            format!(
                "{}:{line}: not a finding of `dossier check --format json`: {e}",
                path.display()
            )
        })
    }

    /// Parses JSON Lines; an error comes with its one-based line.
    fn parse(text: &str) -> Result<Self, (usize, serde_json::Error)> {
        let mut baseline = Self::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry: Entry = serde_json::from_str(line).map_err(|e| (i + 1, e))?;
            *baseline
                .files
                .entry(entry.path)
                .or_default()
                .entry((entry.code, words(&entry.text)))
                .or_default() += 1;
        }
        Ok(baseline)
    }

    /// What the baseline knows of the file reported as `path`.
    pub fn known(&self, path: &str) -> Known {
        self.files.get(path).cloned().unwrap_or_default()
    }
}

/// Leaves out of `findings` (of the article `text`) those `known` holds, each entry matching
/// once; returns how many were left out.
pub fn leave_out_known(mut known: Known, text: &str, findings: &mut Vec<Finding>) -> usize {
    let before = findings.len();
    if !known.is_empty() {
        findings.retain(|f| {
            let key = (f.code.to_string(), words(&text[f.range.clone()]));
            match known.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
    }
    before - findings.len()
}

/// The words of a flagged phrase with each run of white space made one space: a paragraph
/// wrapped anew is the same finding.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier::rules::Severity;

    fn finding(code: &'static str, text: &str, words: &str) -> Finding {
        let start = text.find(words).unwrap();
        Finding {
            code,
            severity: Severity::Warning,
            range: start..start + words.len(),
            message: String::new(),
            related: Vec::new(),
            suggestion: None,
        }
    }

    #[test]
    fn entries_match_by_rule_and_words_once_each() {
        let baseline = Baseline::parse(
            "{\"path\":\"a.md\",\"code\":\"vague-attribution\",\"text\":\"Observers\\n say\",\"message\":\"old wording\"}\n\n",
        )
        .unwrap();
        let text = "Observers say one thing. Observers say another. Experts say a third.";
        let mut findings = vec![
            finding("vague-attribution", text, "Observers say one"),
            finding("vague-attribution", text, "Experts say"),
        ];
        findings[0].range.end = findings[0].range.start + "Observers say".len();
        let mut second = finding("vague-attribution", text, "Observers say another");
        second.range.end = second.range.start + "Observers say".len();
        findings.insert(1, second);
        let left_out = leave_out_known(baseline.known("a.md"), text, &mut findings);
        assert_eq!(left_out, 1);
        let left: Vec<&str> = findings.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(left, ["Observers say", "Experts say"]);
        assert!(baseline.known("b.md").is_empty());
    }

    #[test]
    fn a_line_that_is_no_finding_is_an_error_with_its_line() {
        let err =
            Baseline::parse("{\"path\":\"a.md\",\"code\":\"x\",\"text\":\"y\"}\n{\"path\":1}\n")
                .unwrap_err();
        assert_eq!(err.0, 2);
    }
}
