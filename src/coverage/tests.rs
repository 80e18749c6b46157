use std::path::PathBuf;

use super::*;
use crate::catalog::default_catalog;

fn workspace(articles: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new(default_catalog());
    for (path, text) in articles {
        ws.update(PathBuf::from(path), text.to_string());
    }
    ws
}

const SYRIA: &str =
    "---\ndate: 2013-07-14\n---\nDeputy Foreign Minister Faisal Mekdad said the talks \
                     would resume. A senior official said the envoy was unwelcome. Observers say \
                     the United Nations is divided.\n";
const IRAN: &str = "DAMASCUS, 3 August 2013 — Faisal Mekdad told reporters that Iran would help. \
                    It is believed that Russia agreed.\n";

#[test]
fn an_article_counts_its_relations_by_class_as_the_rules_read_them() {
    let ws = workspace(&[("syria/a.md", SYRIA)]);
    let (_, article) = ws.get(std::path::Path::new("syria/a.md")).unwrap();
    let found = sources(&ws, article);
    let mut expected = ByClass::default();
    for a in rules::attributions(&article.text) {
        expected.add(&a.class);
    }
    assert_eq!(found.by_class, expected);
    assert_eq!(found.by_class.named, 1, "{:?}", found.by_class);
    assert_eq!(found.by_class.anonymous, 1, "{:?}", found.by_class);
    assert_eq!(found.by_class.vague, 1, "{:?}", found.by_class);
    assert_eq!(found.by_class.total(), 3);
    assert_eq!(found.by_class.unnamed(), 2);
}

#[test]
fn a_named_source_is_the_person_its_words_name() {
    let ws = workspace(&[("syria/a.md", SYRIA)]);
    let mekdad = ws.catalog().by_id("faisal-mekdad").unwrap();
    let (_, article) = ws.get(std::path::Path::new("syria/a.md")).unwrap();
    let quotes = sources(&ws, article).quotes;
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].0, mekdad);
    assert_eq!(quotes[0].2, Class::Named);
}

#[test]
fn a_relative_pronoun_source_is_the_person_named_before_it() {
    let text = "Faisal Mekdad, who said the talks would resume, left Geneva early.\n";
    let ws = workspace(&[("a.md", text)]);
    let mekdad = ws.catalog().by_id("faisal-mekdad").unwrap();
    let (_, article) = ws.get(std::path::Path::new("a.md")).unwrap();
    let quotes = sources(&ws, article).quotes;
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(&text[quotes[0].1.clone()], "who");
    assert_eq!(quotes[0].0, mekdad);
    assert_eq!(quotes[0].2, Class::Pronoun);
    assert_eq!(times_quoted(&ws, mekdad), 1);
}

#[test]
fn times_quoted_sums_over_the_articles_that_mention_the_actor() {
    let ws = workspace(&[("syria/a.md", SYRIA), ("iran/b.txt", IRAN)]);
    let mekdad = ws.catalog().by_id("faisal-mekdad").unwrap();
    assert_eq!(times_quoted(&ws, mekdad), 2);
    let un = ws.catalog().by_id("united-nations").unwrap();
    assert_eq!(times_quoted(&ws, un), 0);
}

#[test]
fn the_map_sums_articles_into_months_actors_and_pairs() {
    let ws = workspace(&[
        ("syria/a.md", SYRIA),
        ("iran/b.txt", IRAN),
        ("c.txt", "No date.\n"),
    ]);
    let map = Map::of(&ws);
    assert_eq!(map.totals.articles, 3);
    let paths: Vec<&str> = map.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["c.txt", "iran/b.txt", "syria/a.md"]);

    let a = &map.articles[2];
    assert_eq!(a.folder, "syria");
    assert_eq!(a.date.as_deref(), Some("2013-07-14"));
    assert_eq!(a.month.as_deref(), Some("2013-07"));
    assert!((a.unnamed_share - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(a.quotes[0].line, 4);
    assert_eq!(
        a.quotes[0]
            .role
            .as_deref()
            .map(|r| r.contains("Deputy Foreign Minister")),
        Some(true)
    );
    assert_eq!(map.articles[0].date, None);
    assert_eq!(map.articles[0].unnamed_share, 0.0);

    let months: Vec<&str> = map.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2013-07", "2013-08"]);
    assert_eq!(map.months[1].by_class.agentless, 1);
    assert_eq!(
        map.totals.attributions,
        map.articles.iter().map(|a| a.attributions).sum::<usize>()
    );

    let mekdad = map.actors.iter().find(|a| a.id == "faisal-mekdad").unwrap();
    assert_eq!(
        (mekdad.articles, mekdad.quoted, mekdad.kind),
        (2, 2, "person")
    );
    assert_eq!(
        map.actors[0].id, "faisal-mekdad",
        "the most quoted comes first"
    );
    let pair = |x: &str, y: &str| {
        map.co_mentions
            .iter()
            .find(|p| p.actors.contains(&x.to_string()) && p.actors.contains(&y.to_string()))
            .map(|p| p.articles)
    };
    assert_eq!(pair("faisal-mekdad", "united-nations"), Some(1));
}

#[test]
fn times_quoted_parses_only_near_the_mentions_and_agrees_with_the_map() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut ws = Workspace::new(default_catalog());
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        ws.update(path, text);
    }
    let map = Map::of(&ws);
    assert!(map.actors.iter().filter(|a| a.quoted > 0).count() >= 5);
    for a in &map.actors {
        let id = ws.catalog().by_id(&a.id).unwrap();
        assert_eq!(times_quoted(&ws, id), a.quoted, "{}", a.id);
    }
}
