//! Inline control of the rules, written in the article itself.
//!
//! Markdown: `<!-- dossier-disable-next-line CODE -->`, `<!-- dossier-disable CODE -->` and
//! `<!-- dossier-enable CODE -->`. Plain text: the same words on a line of their own, without the
//! comment markers (both forms are understood in both kinds of file). Several codes may follow,
//! separated by spaces or commas; none means every rule. A code that names no rule switches
//! nothing off and is reported where it is written ([`UNKNOWN_RULE`]): a misspelt code would
//! otherwise leave the finding it was meant to silence in place without a word.
//! "Next line" is the next line that is not blank.

use std::ops::Range;
use std::sync::LazyLock;

use super::RULES;

/// A set of rules as bits over their index in [`RULES`].
type Mask = u32;
const ALL: Mask = Mask::MAX;

#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    /// From each offset on, the rules that are disabled (until the next change).
    changes: Vec<(usize, Mask)>,
    /// Lines (byte ranges) on which some rules are disabled by the line above.
    lines: Vec<(Range<usize>, Mask)>,
    /// Where a directive names a code that is no rule's.
    pub unknown: Vec<Range<usize>>,
}

/// The code of the finding on a directive's unknown rule code. It is no rule of [`RULES`]: it
/// cannot be switched off, as it reports the switch itself.
pub const UNKNOWN_RULE: &str = "unknown-rule";

impl Suppressions {
    pub fn parse(text: &str) -> Self {
        let mut out = Self::default();
        // Asked of every article, twice: a vectorised search for the one word all directives
        // share, built once, rather than the standard library's.
        static DIRECTIVE: LazyLock<memchr::memmem::Finder> =
            LazyLock::new(|| memchr::memmem::Finder::new("dossier-"));
        if DIRECTIVE.find(text.as_bytes()).is_none() {
            return out;
        }
        let mut disabled: Mask = 0;
        let mut pending_next_line: Mask = 0;
        let mut offset = 0;
        for line in crate::text::lines_inclusive(text) {
            let start = offset;
            offset += line.len();
            let content = line.trim();
            if content.is_empty() {
                continue;
            }
            if pending_next_line != 0 {
                out.lines.push((start..offset, pending_next_line));
                pending_next_line = 0;
            }
            let Some((directive, mask, unknown)) = directive(content) else {
                continue;
            };
            let base = start + line.len() - line.trim_start().len();
            out.unknown
                .extend(unknown.into_iter().map(|r| base + r.start..base + r.end));
            match directive {
                Directive::DisableNextLine => pending_next_line = mask,
                Directive::Disable => {
                    disabled |= mask;
                    out.changes.push((offset, disabled));
                }
                Directive::Enable => {
                    disabled &= !mask;
                    out.changes.push((start, disabled));
                }
            }
        }
        out
    }

    pub fn is_suppressed(&self, code: &str, offset: usize) -> bool {
        let Some(bit) = bit(code) else {
            return false;
        };
        let i = self.changes.partition_point(|&(at, _)| at <= offset);
        let region = i > 0 && self.changes[i - 1].1 & bit != 0;
        region
            || self
                .lines
                .iter()
                .any(|(r, m)| r.contains(&offset) && m & bit != 0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Directive {
    DisableNextLine,
    Disable,
    Enable,
}

/// Reads a control line, with or without the HTML comment markers: the directive, the rules it
/// names and where in `line` it names codes that are no rule's.
fn directive(line: &str) -> Option<(Directive, Mask, Vec<Range<usize>>)> {
    let inner = line
        .strip_prefix("<!--")
        .and_then(|l| l.strip_suffix("-->"))
        .unwrap_or(line)
        .trim();
    let mut words = inner
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let d = match words.next()? {
        "dossier-disable-next-line" => Directive::DisableNextLine,
        "dossier-disable" => Directive::Disable,
        "dossier-enable" => Directive::Enable,
        _ => return None,
    };
    let mut mask = 0;
    let mut any = false;
    let mut unknown = Vec::new();
    for code in words {
        any = true;
        match bit(code) {
            Some(b) => mask |= b,
            None => {
                // `code` is a slice of `line`: where it starts is how far apart they begin.
                let start = code.as_ptr() as usize - line.as_ptr() as usize;
                unknown.push(start..start + code.len());
            }
        }
    }
    Some((d, if any { mask } else { ALL }, unknown))
}

fn bit(code: &str) -> Option<Mask> {
    RULES.iter().position(|r| r.code == code).map(|i| 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn next_line_in_markdown_and_plain_text() {
        let text = "<!-- dossier-disable-next-line hedged-report, vague-attribution -->\nA line.\nB line.\n";
        let s = Suppressions::parse(text);
        assert!(s.is_suppressed("hedged-report", at(text, "A line")));
        assert!(s.is_suppressed("vague-attribution", at(text, "A line")));
        assert!(!s.is_suppressed("unattributed-claim", at(text, "A line")));
        assert!(!s.is_suppressed("hedged-report", at(text, "B line")));

        let text = "dossier-disable-next-line\n\nA line.\nB line.";
        let s = Suppressions::parse(text);
        assert!(s.is_suppressed("unsourced-figure", at(text, "A line")));
        assert!(!s.is_suppressed("unsourced-figure", at(text, "B line")));
    }

    #[test]
    fn regions() {
        let text = "A.\n<!-- dossier-disable unattributed-quote -->\nB.\ndossier-disable\nC.\n<!-- dossier-enable unattributed-quote -->\nD.\ndossier-enable\nE.";
        let s = Suppressions::parse(text);
        let q = "unattributed-quote";
        let h = "hedged-report";
        assert!(!s.is_suppressed(q, at(text, "A.")));
        assert!(s.is_suppressed(q, at(text, "B.")) && !s.is_suppressed(h, at(text, "B.")));
        assert!(s.is_suppressed(q, at(text, "C.")) && s.is_suppressed(h, at(text, "C.")));
        assert!(!s.is_suppressed(q, at(text, "D.")) && s.is_suppressed(h, at(text, "D.")));
        assert!(!s.is_suppressed(q, at(text, "E.")) && !s.is_suppressed(h, at(text, "E.")));
    }

    #[test]
    fn prose_mentioning_the_words_is_not_a_directive() {
        let text = "Write dossier-disable to silence it.\nA line.";
        let s = Suppressions::parse(text);
        assert!(!s.is_suppressed("hedged-report", at(text, "A line")));
        assert!(!s.is_suppressed("nonsense", 0));
    }

    #[test]
    fn unknown_codes_are_found_where_they_are_written() {
        let text = "A.\n<!-- dossier-disable-next-line vague-atribution, hedged-report -->\nB.\ndossier-enable nonsense\n";
        let s = Suppressions::parse(text);
        let found: Vec<&str> = s.unknown.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["vague-atribution", "nonsense"]);
        assert!(s.is_suppressed("hedged-report", at(text, "B.")));
    }
}
