//! The people that a workspace's articles introduce and no catalog file lists, made actors:
//! their role as written is their card, their first introduction (by path) its source.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use super::introduced;
use crate::article::Article;
use crate::catalog::{Actor, ActorKind, Catalog, Role};
use crate::mentions::Matcher;

/// The people that `articles` introduce with a role and that the catalog files (`base`) do not
/// know, as actors, by name. `catalog` is the one the articles were analysed with (`base` and
/// the people found before): only its names from catalog files are no discovery.
pub fn people<'a>(
    base: &Catalog,
    catalog: &Catalog,
    articles: impl IntoIterator<Item = &'a Article>,
) -> Vec<Actor> {
    let mut articles: Vec<&Article> = articles.into_iter().collect();
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    // The patterns run here, not in `Article::analyze`, so that a keystroke does not pay for
    // them.
    let introductions: Vec<Vec<(String, String)>> = articles
        .par_iter()
        .map(|article| {
            let known: Vec<Range<usize>> = article
                .mentions
                .iter()
                .filter(|m| {
                    m.target
                        .candidates()
                        .iter()
                        .any(|&a| !catalog.get(a).discovered)
                })
                .map(|m| m.range.clone())
                .collect();
            introduced(&article.text, &known)
                .into_iter()
                .map(|intro| (article.text[intro.name].to_owned(), intro.role))
                .collect()
        })
        .collect();
    let mut found: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (article, intros) in articles.iter().zip(introductions) {
        for (name, role) in intros {
            if base.actors().any(|(_, a)| a.name == name) {
                continue;
            }
            let file = article.path.file_name().map_or_else(
                || article.path.display().to_string(),
                |f| f.to_string_lossy().into_owned(),
            );
            found.entry(name).or_insert((role, file));
        }
    }
    found
        .into_iter()
        .map(|(name, (role, file))| Actor {
            id: format!("discovered-{}", slug(&name)),
            description: format!("Not in the catalog; introduced in `{file}` as “{role}”."),
            roles: vec![Role {
                title: role,
                organization: None,
                from: None,
                to: None,
            }],
            name,
            kind: ActorKind::Person,
            aliases: Vec::new(),
            surname: None,
            ambiguous: Vec::new(),
            metonyms: Vec::new(),
            links: Default::default(),
            discovered: true,
        })
        .collect()
}

/// `catalog` with the people its `articles` introduce, and the articles analysed again with
/// it when there are any, so that their names and surnames are found everywhere: the articles
/// as a workspace sees them, without its index across articles.
pub fn with_people(mut catalog: Catalog, articles: Vec<Article>) -> (Catalog, Vec<Article>) {
    let people = people(&catalog, &catalog, &articles);
    if people.is_empty() {
        return (catalog, articles);
    }
    catalog.extend(people.into_iter().map(|actor| (actor, None)));
    let articles = Article::analyze_again(articles, &Matcher::new(&catalog));
    (catalog, articles)
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
