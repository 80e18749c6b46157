//! Everything dossier reports about one article, for the editor and `dossier check` alike.

use crate::annotations::{self, Annotation, Verified};
use crate::article::Article;
use crate::catalog::Catalog;
use crate::rules::{self, Finding, RuleSettings};

/// The findings of every enabled rule on an article — those of the text and those that need the
/// catalog its mentions were found with — without the ones inline comments switch off, sorted
/// by position. Nothing of the other articles counts but the people they introduce, which are
/// in the catalog: so `dossier check` needs no index across articles.
pub fn diagnostics(catalog: &Catalog, article: &Article, settings: &RuleSettings) -> Vec<Finding> {
    // The text's own rules read the article's prose: a Markdown file's front matter, code and
    // HTML are no sentences of the article (`text::markdown`). What inline comments switch off
    // is read from the file as written.
    let markdown = crate::text::markdown::is_markdown(&article.path);
    let prose = crate::text::markdown::prose(&article.text, markdown);
    let mut findings = rules::check_prose(&article.text, &prose, settings);
    findings.extend(rules::article_findings(catalog, article, settings));
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}

/// Findings with the article's annotations taken into account (`annotations::review`): those on
/// a claim marked verified left out (`dossier check`) or turned into information that says so
/// (the editor), one finding at the top for each annotation whose words are gone.
pub fn with_annotations(
    mut findings: Vec<Finding>,
    article: &Article,
    notes: &[Annotation],
    settings: &RuleSettings,
    verified: Verified,
) -> Vec<Finding> {
    if !notes.is_empty() {
        let placed = annotations::place(&article.text, notes);
        annotations::review(&mut findings, &placed, settings, verified);
    }
    findings
}
