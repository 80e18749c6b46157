//! `orphaned-annotation`: an annotation of the article (`.dossier/annotations.jsonl`) no longer
//! finds its words — neither where they were, nor elsewhere, nor anything close to them. It is
//! reported at the top of the article, never dropped, so that a fact-checker's verdict or an
//! editor's note is not lost with the sentence it was on.

use super::{Finding, Reads, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "orphaned-annotation",
    default_severity: Severity::Information,
    summary: "An annotation of the article no longer finds the words it was made on.",
    doc: "docs/rules/orphaned-annotation.md",
    reads: Reads::Annotations,
};

/// The finding for one orphaned annotation, described in a line (what it says, of which words).
pub fn finding(described: &str, severity: Severity) -> Finding {
    Finding {
        code: RULE.code,
        severity,
        range: 0..0,
        message: format!(
            "An annotation no longer finds its words in this article: {described}. It is kept in \
             .dossier/annotations.jsonl; annotate the words again, or delete its line there."
        ),
        related: Vec::new(),
        suggestion: None,
    }
}
