//! Every rule's page in `docs/rules/` shows what the rule flags and what it does not; this test
//! runs those examples through the same diagnostics the editor and `dossier check` report, so a
//! page cannot promise what the rule does not do.

use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::catalog::{default_catalog, Catalog};
use crate::mentions::Matcher;
use crate::rules::{RuleSettings, RULES};

/// The examples of a page, as (fires, does not fire): each a blockquote paragraph under the
/// `## Fires` or `## Does not fire` heading, with one level of `>` taken off and the note after
/// " — *" left out.
fn examples(page: &str) -> (Vec<String>, Vec<String>) {
    let (mut fires, mut silent) = (Vec::new(), Vec::new());
    let mut section = None;
    for paragraph in page.split("\n\n") {
        let paragraph = paragraph.trim();
        if let Some(heading) = paragraph.strip_prefix("## ") {
            section = match heading {
                "Fires" => Some(true),
                "Does not fire" => Some(false),
                _ => None,
            };
            continue;
        }
        let (Some(fire), true) = (section, paragraph.starts_with('>')) else {
            continue;
        };
        let text: Vec<&str> = paragraph
            .lines()
            .map(|l| {
                l.strip_prefix("> ")
                    .or_else(|| l.strip_prefix('>'))
                    .unwrap_or(l)
            })
            .collect();
        let text = text.join("\n");
        let text = match text.rfind(" — *") {
            Some(note) if text.ends_with('*') => text[..note].to_owned(),
            _ => text,
        };
        if fire { &mut fires } else { &mut silent }.push(text);
    }
    (fires, silent)
}

/// The catalog the pages assume: the default one and, as a desk's workspace catalog might list
/// them, two people with nothing said about them.
fn catalog() -> Catalog {
    let mut catalog = default_catalog();
    let desk = r#"{"actors": [
        {"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"},
        {"id": "bobby-scott", "name": "Bobby Scott", "kind": "person"}
    ]}"#;
    catalog.extend(Catalog::parse_file(Path::new("desk.json"), desk).unwrap());
    catalog
}

#[test]
fn every_example_on_every_rule_page_does_what_the_page_says() {
    let catalog = catalog();
    let matcher = Matcher::new(&catalog);
    let codes = |text: &str| -> Vec<&'static str> {
        let article = Article::analyze(PathBuf::from("example.md"), text.to_owned(), &matcher);
        super::diagnostics::diagnostics(&catalog, &article, &RuleSettings::default())
            .into_iter()
            .map(|f| f.code)
            .collect()
    };
    let mut wrong = Vec::new();
    // A rule on annotations fires on a file beside the article, not on words of it: its page's
    // examples are checked by `annotations`' own tests.
    for rule in RULES.iter().filter(|r| !r.reads_annotations()) {
        let page = Path::new(env!("CARGO_MANIFEST_DIR")).join(rule.doc);
        let page = std::fs::read_to_string(&page).unwrap();
        let (fires, silent) = examples(&page);
        assert!(
            !fires.is_empty() && !silent.is_empty(),
            "{}: the page shows no examples under ## Fires and ## Does not fire",
            rule.code
        );
        for text in fires.iter().filter(|t| !codes(t).contains(&rule.code)) {
            wrong.push(format!("{} does not fire on: {text}", rule.code));
        }
        for text in silent.iter().filter(|t| codes(t).contains(&rule.code)) {
            wrong.push(format!("{} fires on: {text}", rule.code));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
