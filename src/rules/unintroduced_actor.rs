//! `unintroduced-actor`: a person's first mention in an article gives no role or affiliation,
//! and nothing in the catalog says who they are. Readers meet a bare name.

use super::{run_elsewhere, suggested_only, Finding, Rule, Severity};
use crate::catalog::{ActorKind, ActorSet};
use crate::workspace::{ArticleId, Workspace};

pub static RULE: Rule = Rule {
    code: "unintroduced-actor",
    default_severity: Severity::Hint,
    summary:
        "A person is named without a role or affiliation, and the catalog cannot say who they are.",
    doc: "docs/rules/unintroduced-actor.md",
    needs_workspace: true,
    check: run_elsewhere,
    fix: suggested_only,
};

pub fn findings(ws: &Workspace, id: ArticleId, severity: Severity) -> Vec<Finding> {
    let article = ws.article(id);
    let catalog = ws.catalog();
    let mut seen = ActorSet::new(catalog.len());
    let mut out = Vec::new();
    for mention in &article.mentions {
        let Some(actor) = mention.target.actor() else {
            continue;
        };
        if !seen.insert(actor) {
            continue;
        }
        let a = catalog.get(actor);
        // A discovered person's role comes from another article: readers of this one still
        // meet a bare name.
        let known = !a.discovered && (!a.description.is_empty() || !a.roles.is_empty());
        if a.kind != ActorKind::Person || known || mention.with_role {
            continue;
        }
        out.push(Finding {
            code: RULE.code,
            severity,
            range: mention.range.clone(),
            message: format!(
                "{} is named here for the first time without a role or affiliation, and the catalog \
                 has no description of them. Say who they are on first mention (“the head of …, {}”).",
                a.name, a.name
            ),
            related: Vec::new(),
            suggestion: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{default_catalog, Catalog};
    use std::path::{Path, PathBuf};

    fn check(text: &str) -> Vec<String> {
        let mut catalog = default_catalog();
        let extra =
            r#"{"actors": [{"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"}]}"#;
        catalog.extend(Catalog::parse_file(Path::new("desk.json"), extra).unwrap());
        let mut ws = Workspace::new(catalog);
        ws.update(PathBuf::from("a.md"), text.into());
        let id = ws.id(Path::new("a.md")).unwrap();
        findings(&ws, id, Severity::Hint)
            .into_iter()
            .map(|f| text[f.range].to_owned())
            .collect()
    }

    #[test]
    fn a_bare_name_the_catalog_cannot_explain() {
        assert_eq!(
            check("Layla Nasser says the talks failed. Nasser left."),
            vec!["Layla Nasser"]
        );
    }

    #[test]
    fn a_person_introduced_in_another_article_only() {
        let mut ws = Workspace::new(default_catalog());
        ws.update(
            PathBuf::from("a.md"),
            "Former Lebanese minister of finance, Karim Haddad, says so.".into(),
        );
        ws.update(PathBuf::from("b.md"), "Karim Haddad says so again.".into());
        ws.refresh_discovered();
        let hint = |p: &str| findings(&ws, ws.id(Path::new(p)).unwrap(), Severity::Hint).len();
        assert_eq!((hint("a.md"), hint("b.md")), (0, 1));
    }

    #[test]
    fn a_role_on_first_mention_or_a_catalog_description_is_enough() {
        assert!(check("Former Jordanian minister of state Layla Nasser says so.").is_empty());
        assert!(check("Layla Nasser, a former minister of state, says so.").is_empty());
        // The catalog describes Geir Pedersen.
        assert!(check("Geir Pedersen says so.").is_empty());
    }
}
