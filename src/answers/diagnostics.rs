//! Everything dossier reports about one article, for the editor and `dossier check` alike.

use crate::rules::{self, Finding, RuleSettings};
use crate::workspace::{ArticleId, Workspace};

/// The findings of every enabled rule on an article, sorted by position.
pub fn diagnostics(ws: &Workspace, id: ArticleId, settings: &RuleSettings) -> Vec<Finding> {
    rules::check(&ws.article(id).text, settings)
}
