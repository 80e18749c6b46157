//! Edits shared by the rules' code actions.

use std::ops::Range;
use std::sync::LazyLock;

use super::context::Context;
use super::{Finding, Fix};

impl Fix {
    /// The edits with each snippet tab stop as its placeholder's words (`${1:source}` →
    /// `source`), for a client that cannot expand snippets: the word stays in the text for the
    /// writer to replace.
    pub fn plain_edits(&self) -> Vec<(Range<usize>, String)> {
        static TAB_STOP: LazyLock<regex::Regex> =
            LazyLock::new(|| regex::Regex::new(r"\$\{\d+:([^}]*)\}|\$\d+").unwrap());
        self.edits
            .iter()
            .map(|(range, text)| {
                let text = if self.snippet {
                    TAB_STOP.replace_all(text, "$1").into_owned()
                } else {
                    text.clone()
                };
                (range.clone(), text)
            })
            .collect()
    }

    /// Whether the fix, applied to `text` as plain edits, would leave it as it is: a
    /// placeholder over the very words it replaces ("Observers" → "Observers") selects them to
    /// type over in a client that expands snippets, and does nothing in any other.
    pub fn changes_nothing_as_plain(&self, text: &str) -> bool {
        self.plain_edits()
            .iter()
            .all(|(range, new)| text.get(range.clone()) == Some(new.as_str()))
    }
}

/// Inserts `, according to ${1:source}` where the sentence holding `offset` ends: before its
/// final full stop (or at its end, for a heading), so the sentence stays grammatical.
pub(crate) fn append_source(cx: &Context, offset: usize, title: &str) -> Option<Fix> {
    let i = cx.sentence_at(offset)?;
    let sentence = cx.sentence_text(i);
    let start = cx.sentences[i].start;
    let body = sentence.trim_end_matches(['.', '!', '?', '…']);
    // A sentence ending inside a quotation ("… he said.”") has nowhere grammatical to add a
    // source at its end.
    if body.ends_with(['”', '"', '’']) && body.len() < sentence.len() {
        return None;
    }
    let at = start + body.len();
    Some(Fix {
        title: title.to_string(),
        edits: vec![(at..at, ", according to ${1:source}".to_string())],
        snippet: true,
    })
}

/// The comment that disables the finding's rule for its line, inserted on a line of its own
/// above it: an HTML comment in Markdown, the bare words in plain text.
pub(crate) fn disable_next_line(text: &str, finding: &Finding, markdown: bool) -> Fix {
    let line_start = text[..finding.range.start].rfind('\n').map_or(0, |i| i + 1);
    let directive = format!("dossier-disable-next-line {}", finding.code);
    let line = if markdown {
        format!("<!-- {directive} -->\n")
    } else {
        format!("{directive}\n")
    };
    Fix {
        title: format!("Disable {} for this line", finding.code),
        edits: vec![(line_start..line_start, line)],
        snippet: false,
    }
}

/// The attribution of the finding's sentence whose phrase (or speaker) is the finding's range.
pub(crate) fn attribution_at<'c>(
    cx: &'c Context,
    finding: &Finding,
) -> Option<&'c crate::attribution::Attribution> {
    let i = cx.sentence_at(finding.range.start)?;
    cx.attributions(i)
        .iter()
        .find(|a| a.range == finding.range || a.speaker == finding.range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_over_its_own_words_changes_nothing_as_plain_text() {
        let text = "Observers say the plan is dead.";
        let fix = |new: &str, snippet| Fix {
            title: String::new(),
            edits: vec![(0..9, new.to_string())],
            snippet,
        };
        assert!(fix("${1:Observers}", true).changes_nothing_as_plain(text));
        assert!(!fix("${1:source}", true).changes_nothing_as_plain(text));
        assert!(!fix("${1:Observers}", false).changes_nothing_as_plain(text));
        assert_eq!(fix("$1 and ${2:b}", true).plain_edits()[0].1, " and b");
    }
}
