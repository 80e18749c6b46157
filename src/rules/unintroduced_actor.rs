//! `unintroduced-actor`: a person's first mention in an article gives no role or affiliation,
//! and nothing in the catalog says who they are. Readers meet a bare name.

use super::{Finding, Reads, Rule, Severity};
use crate::article::Article;
use crate::catalog::{ActorKind, ActorSet, Catalog};

pub static RULE: Rule = Rule {
    code: "unintroduced-actor",
    default_severity: Severity::Hint,
    summary:
        "A person is named without a role or affiliation, and the catalog cannot say who they are.",
    doc: "docs/rules/unintroduced-actor.md",
    reads: Reads::Article(findings),
};

pub fn findings(catalog: &Catalog, article: &Article, severity: Severity) -> Vec<Finding> {
    let mut seen = ActorSet::new(catalog.len());
    let mut out = Vec::new();
    for mention in article.mentions.iter().filter(|m| m.names()) {
        let Some(actor) = mention.target.actor() else {
            continue;
        };
        if !seen.insert(actor) {
            continue;
        }
        let a = catalog.get(actor);
        // A person discovered in other articles is left alone: whether this article introduces
        // its people may depend on the article and the catalog, never on how many other
        // articles the workspace holds (each would add bare names to flag here).
        let known = !a.description.is_empty() || !a.roles.is_empty();
        if a.discovered || a.kind != ActorKind::Person || known || mention.with_role(&article.text)
        {
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
    use crate::mentions::Matcher;
    use crate::workspace::Workspace;
    use std::path::{Path, PathBuf};

    fn check(text: &str) -> Vec<String> {
        let mut catalog = default_catalog();
        let extra =
            r#"{"actors": [{"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"}]}"#;
        catalog.extend(Catalog::parse_file(Path::new("desk.json"), extra).unwrap());
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        findings(&catalog, &article, Severity::Hint)
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

    /// A given name alone is no naming: the person is first named in full, where a role would
    /// introduce them, and `dossier check` (which finds no given name) says the same.
    #[test]
    fn first_named_in_full_after_a_given_name() {
        assert_eq!(
            check("Layla was at the talks. Layla Nasser says they failed."),
            vec!["Layla Nasser"]
        );
    }

    /// The same findings whether the other article is in the workspace or not.
    #[test]
    fn a_person_introduced_in_another_article_only() {
        let texts = [
            (
                "a.md",
                "Former Lebanese minister of finance, Karim Haddad, says so.",
            ),
            ("b.md", "Karim Haddad says so again."),
        ];
        // As the editor's workspace finds them …
        let mut ws = Workspace::new(default_catalog());
        for (path, text) in texts {
            ws.update(PathBuf::from(path), text.into());
        }
        ws.refresh_discovered();
        let hints: Vec<usize> = ["a.md", "b.md"]
            .iter()
            .map(|p| {
                findings(
                    ws.catalog(),
                    ws.get(Path::new(p)).unwrap().1,
                    Severity::Hint,
                )
                .len()
            })
            .collect();
        assert_eq!(hints, [0, 0]);
        // … and as `dossier check` does, each file read once, without an index across them.
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::files::write_files(dir.path(), &texts);
        let catalog = default_catalog();
        let matcher = Matcher::new(&catalog);
        let mut hints = Vec::new();
        crate::files::sweep(
            catalog,
            &matcher,
            &paths,
            1000,
            |c, _, a| findings(c, a, Severity::Hint).len(),
            |_, swept| match swept {
                crate::files::Swept::Checked { made, .. } => hints.push(made),
                crate::files::Swept::Skipped(skip) => panic!("{skip}"),
            },
        );
        assert_eq!(hints, [0, 0]);
    }

    #[test]
    fn a_role_on_first_mention_or_a_catalog_description_is_enough() {
        assert!(check("Former Jordanian minister of state Layla Nasser says so.").is_empty());
        assert!(check("Layla Nasser, a former minister of state, says so.").is_empty());
        // The catalog describes Geir Pedersen.
        assert!(check("Geir Pedersen says so.").is_empty());
    }
}
