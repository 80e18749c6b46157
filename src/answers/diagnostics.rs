//! Everything dossier reports about one article, for the editor and `dossier check` alike.

use crate::rules::{self, inconsistent_spelling, unintroduced_actor, Finding, RuleSettings};
use crate::workspace::{ArticleId, Workspace};

/// The findings of every enabled rule on an article — those of the text and those that need the
/// catalog and workspace — without the ones inline comments switch off, sorted by position.
pub fn diagnostics(ws: &Workspace, id: ArticleId, settings: &RuleSettings) -> Vec<Finding> {
    let text = &ws.article(id).text;
    let mut findings = rules::check(text, settings);
    let mut editorial = Vec::new();
    if let Some(severity) = settings.severity(unintroduced_actor::RULE.code) {
        editorial.extend(unintroduced_actor::findings(ws, id, severity));
    }
    if let Some(severity) = settings.severity(inconsistent_spelling::RULE.code) {
        editorial.extend(inconsistent_spelling::findings(ws, id, severity));
    }
    rules::retain_unsuppressed(text, &mut editorial);
    findings.extend(editorial);
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}
