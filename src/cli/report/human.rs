//! For people at a terminal, in the manner of a compiler: the severity and rule code, the message,
//! `path:line:column`, the source line with the flagged words underlined, and a summary.
//! Colours only on a terminal, and never when `NO_COLOR` is set.

use std::io::IsTerminal;

use dossier::rules::Severity;
use dossier::text::char_count;

use super::{Checked, Tally};

/// How many characters of a (paragraph-long) line to show before the flagged words, and at most.
const CONTEXT_BEFORE: usize = 30;
const MAX_SHOWN: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// Colours when the report goes to standard output, that is a terminal, and `NO_COLOR` is
    /// unset or empty.
    pub fn detect(to_stdout: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            colour: to_stdout && std::io::stdout().is_terminal() && !no_color,
        }
    }

    /// Writes `text` in a terminal colour, or plain.
    fn paint(self, out: &mut String, code: &str, text: &str) {
        if self.colour {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
            out.push_str(text);
            out.push_str("\x1b[0m");
        } else {
            out.push_str(text);
        }
    }
}

fn label(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
        Severity::Information => ("info", "1;34"),
        Severity::Hint => ("hint", "1;36"),
    }
}

/// A file's findings, each with its location, source line and underline.
pub fn part(file: &Checked, style: Style) -> String {
    let mut out = String::with_capacity(file.findings.len() * 512);
    // A report can be as long as the articles: written with plain pushes, not the formatting
    // machinery, which costs several times more per finding.
    let mut number = String::new();
    let mut text = String::new();
    for f in file.findings {
        let (name, colour) = label(f.severity);
        let start = file.position(f.range.start);
        text.clear();
        text.extend([name, "[", f.code, "]"]);
        style.paint(&mut out, colour, &text);
        style.paint(&mut out, "1", ":");
        out.push(' ');
        style.paint(&mut out, "1", &f.message);
        out.push('\n');
        number.clear();
        push_number(&mut number, start.line + 1);
        let gutter = number.len();
        pad(&mut out, gutter);
        style.paint(&mut out, "1;34", "-->");
        out.push(' ');
        location(&mut out, file.path, start.line, start.character);
        out.push('\n');
        pad(&mut out, gutter + 1);
        style.paint(&mut out, "1;34", "|");
        out.push('\n');
        style.paint(&mut out, "1;34", &number);
        out.push(' ');
        style.paint(&mut out, "1;34", "|");
        out.push(' ');
        let (before, width) = excerpt(&mut out, file, f.range.clone());
        out.push('\n');
        pad(&mut out, gutter + 1);
        style.paint(&mut out, "1;34", "|");
        pad(&mut out, before + 1);
        text.clear();
        repeat(&mut text, CARETS, width);
        style.paint(&mut out, colour, &text);
        out.push('\n');
        for r in &f.related {
            let p = file.position(r.range.start);
            pad(&mut out, gutter + 1);
            style.paint(&mut out, "1;34", "=");
            out.push(' ');
            location(&mut out, file.path, p.line, p.character);
            out.push_str(": ");
            out.push_str(&r.message);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// `path:line:column`, one-based.
fn location(out: &mut String, path: &str, line: u32, character: u32) {
    out.push_str(path);
    out.push(':');
    push_number(out, line + 1);
    out.push(':');
    push_number(out, character + 1);
}

/// A number in decimal.
fn push_number(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// `n` spaces.
fn pad(out: &mut String, n: usize) {
    repeat(out, SPACES, n);
}

const SPACES: &str = "                                ";
const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

/// `n` characters of `run`, a run of one ASCII character, pushed a run at a time.
fn repeat(out: &mut String, run: &str, n: usize) {
    let mut left = n;
    while left > 0 {
        let k = left.min(run.len());
        out.push_str(&run[..k]);
        left -= k;
    }
}

/// The closing line: how many findings of each severity, in how many files.
pub fn summary(tally: &Tally) -> String {
    let [hints, infos, warnings, errors] = tally.counts;
    if hints + infos + warnings + errors == 0 {
        return format!("dossier: no findings in {}\n", plural(tally.files, "file"));
    }
    let parts: Vec<String> = [
        (errors, "error", "errors"),
        (warnings, "warning", "warnings"),
        (infos, "information", "information"),
        (hints, "hint", "hints"),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
    .collect();
    format!(
        "dossier: {} in {} of {}\n",
        parts.join(", "),
        tally.files_with_findings,
        plural(tally.files, "file")
    )
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Writes the part of the finding's first line to show; returns how many characters precede
/// the flagged words in it, and how many characters to underline.
fn excerpt(out: &mut String, file: &Checked, range: std::ops::Range<usize>) -> (usize, usize) {
    let line = file.lines.line_of(range.start);
    let line_range = file.lines.line_range(file.text, line);
    let text = &file.text[line_range.clone()];
    let start = range.start.max(line_range.start) - line_range.start;
    let before = char_count(&text[..start]);
    let end = range.end.min(line_range.end).max(range.start);
    let flagged = char_count(&file.text[range.start..end]).max(1);
    let skip = before.saturating_sub(CONTEXT_BEFORE);
    let take = MAX_SHOWN.max(before - skip + flagged);
    // Lines are often whole paragraphs: the shown part is found counting on bytes, and back
    // from the flagged words rather than on from the start of the line.
    let from = if skip == 0 {
        0
    } else {
        last_chars(&text[..start], CONTEXT_BEFORE)
    };
    let to = from + nth_char(&text[from..], take);
    let mut pad = before - skip;
    if skip > 0 {
        out.push('…');
        pad += 1;
    }
    let shown = &text[from..to];
    if shown.contains('\t') {
        out.push_str(&shown.replace('\t', " "));
    } else {
        out.push_str(shown);
    }
    if to < text.len() {
        out.push('…');
    }
    (pad, flagged)
}

/// The byte offset of character `n` of `s` (its length if it has no more), counted on bytes.
fn nth_char(s: &str, n: usize) -> usize {
    // Prose is mostly ASCII, where characters are bytes.
    if s.as_bytes()[..n.min(s.len())].is_ascii() {
        return n.min(s.len());
    }
    let mut seen = 0;
    for (i, b) in s.bytes().enumerate() {
        if (b & 0xC0) != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    s.len()
}

/// The byte offset where the last `n` characters of `s` start (0 if it has no more).
fn last_chars(s: &str, n: usize) -> usize {
    if let Some(from) = s
        .len()
        .checked_sub(n)
        .filter(|&k| s.as_bytes()[k..].is_ascii())
    {
        return from;
    }
    let mut seen = 0;
    for (i, b) in s.bytes().enumerate().rev() {
        if (b & 0xC0) != 0x80 {
            seen += 1;
            if seen == n {
                return i;
            }
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier::rules::{check, RuleSettings};
    use dossier::text::LineIndex;

    proptest::proptest! {
        /// Counted on bytes, where the characters are.
        #[test]
        fn character_offsets(text in "[a-c]{0,40}|\\PC{0,40}|[aé’]{0,40}", n in 1usize..45) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let nth = starts.get(n).copied().unwrap_or(text.len());
            proptest::prop_assert_eq!(nth_char(&text, n), nth);
            let last = starts.len().checked_sub(n).map_or(0, |k| starts[k]);
            proptest::prop_assert_eq!(last_chars(&text, n), last);
        }
    }

    /// The uncoloured report on one file holding `text`.
    fn report(text: &str) -> String {
        let lines = LineIndex::new(text);
        let findings = check(text, &RuleSettings::default());
        let file = Checked {
            path: "a.txt",
            text,
            lines: &lines,
            findings: &findings,
        };
        super::super::render(
            super::super::ReportFormat::Human,
            Style { colour: false },
            &[file],
        )
    }

    #[test]
    fn numbers_and_runs() {
        let mut out = String::new();
        for n in [0, 7, 10, 4_294_967_295] {
            push_number(&mut out, n);
            out.push(' ');
        }
        repeat(&mut out, CARETS, 70);
        assert_eq!(out, format!("0 7 10 4294967295 {}", "^".repeat(70)));
    }

    #[test]
    fn compiler_like_output() {
        let out = report("Title\nTalks stalled. Observers say it failed.\n");
        assert_eq!(
            out.lines().take(5).collect::<Vec<_>>(),
            [
                "warning[vague-attribution]: “Observers say” gives a source no reader can check. Say who “Observers” are — by name, or by institution and position: wire-service style guides ask for named sources.",
                " --> a.txt:2:16",
                "  |",
                "2 | Talks stalled. Observers say it failed.",
                "  |                ^^^^^^^^^^^^^",
            ]
        );
        assert!(
            out.ends_with("dossier: 1 warning in 1 of 1 file\n"),
            "{out}"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_finding() {
        let text = format!(
            "{}. Observers say it failed. {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let out = report(&text);
        let shown = out.lines().nth(3).unwrap();
        assert!(
            shown.starts_with("1 | …") && shown.ends_with('…'),
            "{shown}"
        );
        let carets = out.lines().nth(4).unwrap();
        let col = |s: &str, pat: &str| s.chars().position(|c| pat.starts_with(c)).unwrap();
        assert_eq!(col(carets, "^"), col(shown, "O"));
    }

    #[test]
    fn clean_summary() {
        let out = report("Haddad said the talks failed.\n");
        assert_eq!(out, "dossier: no findings in 1 file\n");
    }
}
