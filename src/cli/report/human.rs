//! For people at a terminal, in the manner of a compiler: the severity and rule code, the message,
//! `path:line:column`, the source line with the flagged words underlined, and a summary.
//! Colours only on a terminal, and never when `NO_COLOR` is set.

use std::fmt::{self, Display, Write};
use std::io::IsTerminal;

use dossier::rules::Severity;

use super::{Checked, Tally};

/// How many characters of a (paragraph-long) line to show before the flagged words, and at most.
const CONTEXT_BEFORE: usize = 30;
const MAX_SHOWN: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// Colours when standard output is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            colour: std::io::stdout().is_terminal() && !no_color,
        }
    }

    fn paint<T: Display>(self, code: &'static str, text: T) -> Painted<T> {
        Painted {
            code: self.colour.then_some(code),
            text,
        }
    }
}

/// Text in a terminal colour, or plain; written straight into the report.
struct Painted<T> {
    code: Option<&'static str>,
    text: T,
}

impl<T: Display> Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "\x1b[{code}m{}\x1b[0m", self.text),
            None => self.text.fmt(f),
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
    // Writing into a String cannot fail.
    let _ = write_part(&mut out, file, style);
    out
}

fn write_part(out: &mut String, file: &Checked, style: Style) -> fmt::Result {
    for f in file.findings {
        let (name, colour) = label(f.severity);
        let start = file.position(f.range.start);
        writeln!(
            out,
            "{}{} {}",
            style.paint(colour, format_args!("{name}[{}]", f.code)),
            style.paint("1", ":"),
            style.paint("1", &f.message)
        )?;
        let number = start.line + 1;
        let gutter = Gutter(number.to_string().len());
        writeln!(
            out,
            "{gutter}{} {}:{}:{}",
            style.paint("1;34", "-->"),
            file.path,
            number,
            start.character + 1
        )?;
        let (shown, pad, width) = excerpt(file, f.range.clone());
        let bar = style.paint("1;34", "|");
        writeln!(out, "{gutter} {bar}")?;
        writeln!(out, "{} {bar} {shown}", style.paint("1;34", number))?;
        writeln!(
            out,
            "{gutter} {bar} {:pad$}{}",
            "",
            style.paint(colour, Repeat('^', width))
        )?;
        for r in &f.related {
            let p = file.position(r.range.start);
            writeln!(
                out,
                "{gutter} {} {}:{}:{}: {}",
                style.paint("1;34", "="),
                file.path,
                p.line + 1,
                p.character + 1,
                r.message
            )?;
        }
        out.push('\n');
    }
    Ok(())
}

/// The blank margin as wide as a line number.
struct Gutter(usize);

impl Display for Gutter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:1$}", "", self.0)
    }
}

/// A character written `n` times (the underline).
struct Repeat(char, usize);

impl Display for Repeat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (0..self.1).try_for_each(|_| f.write_char(self.0))
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

/// The part of the finding's first line to show, how many characters precede the flagged words
/// in it, and how many characters to underline.
fn excerpt(file: &Checked, range: std::ops::Range<usize>) -> (String, usize, usize) {
    let line = file.lines.line_of(range.start);
    let line_range = file.lines.line_range(file.text, line);
    let text = &file.text[line_range.clone()];
    let before = file.text[line_range.start..range.start.max(line_range.start)]
        .chars()
        .count();
    let end = range.end.min(line_range.end).max(range.start);
    let flagged = file.text[range.start..end].chars().count().max(1);
    let skip = before.saturating_sub(CONTEXT_BEFORE);
    let take = MAX_SHOWN.max(before - skip + flagged);
    let mut chars = text.chars().skip(skip);
    let mut shown: String = chars
        .by_ref()
        .take(take)
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let mut pad = before - skip;
    if skip > 0 {
        shown.insert(0, '…');
        pad += 1;
    }
    if chars.next().is_some() {
        shown.push('…');
    }
    (shown, pad, flagged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier::rules::{check, RuleSettings};
    use dossier::text::LineIndex;

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
            "{} Observers say it failed. {}",
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
