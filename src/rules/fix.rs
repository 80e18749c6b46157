//! Edits shared by the rules' code actions.

use super::context::Context;
use super::{Finding, Fix};

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
