//! The actors of one article, grouped by kind, and actors across the workspace by fuzzy name.

use std::ops::Range;

use super::navigate::definition_of;
use super::Location;
use crate::catalog::{ActorId, ActorKind};
use crate::workspace::{ArticleId, Workspace};

/// An actor in an article: its first mention there and how often it is mentioned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleActor {
    pub actor: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub first: Range<usize>,
    /// From the first mention to the last, for an outline.
    pub span: Range<usize>,
    pub mentions: usize,
}

/// The actors an article mentions, grouped by kind (in the order of [`ActorKind`]), each group
/// in order of first mention.
pub fn article_actors(ws: &Workspace, id: ArticleId) -> Vec<(ActorKind, Vec<ArticleActor>)> {
    let mut actors: Vec<ArticleActor> = Vec::new();
    for mention in &ws.article(id).mentions {
        let Some(actor) = ws.resolve(mention) else {
            continue;
        };
        match actors.iter_mut().find(|a| a.actor == actor) {
            Some(a) => {
                a.mentions += 1;
                a.span.end = mention.range.end;
            }
            None => {
                let a = ws.catalog().get(actor);
                actors.push(ArticleActor {
                    actor,
                    name: a.name.clone(),
                    kind: a.kind,
                    first: mention.range.clone(),
                    span: mention.range.clone(),
                    mentions: 1,
                });
            }
        }
    }
    let mut groups: Vec<(ActorKind, Vec<ArticleActor>)> = Vec::new();
    actors.sort_by_key(|a| a.kind);
    for a in actors {
        match groups.last_mut() {
            Some((kind, list)) if *kind == a.kind => list.push(a),
            _ => groups.push((a.kind, vec![a])),
        }
    }
    groups
}

/// A match for a workspace symbol query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundActor {
    pub actor: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub location: Location,
}

/// Actors whose name or an alias matches `query` fuzzily (its characters in order,
/// case-insensitively), best first: those with a place to go to, at most `limit`.
pub fn find_actors(ws: &Workspace, query: &str, limit: usize) -> Vec<FoundActor> {
    let query: Vec<char> = query
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut scored: Vec<(u32, ActorId)> = ws
        .catalog()
        .actors()
        .filter_map(|(id, a)| {
            let best = std::iter::once(&a.name)
                .chain(&a.aliases)
                .filter_map(|name| fuzzy_score(&query, name))
                .max()?;
            Some((best, id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .filter_map(|(_, actor)| {
            let location = definition_of(ws, actor)?;
            let a = ws.catalog().get(actor);
            Some(FoundActor {
                actor,
                name: a.name.clone(),
                kind: a.kind,
                location,
            })
        })
        .take(limit)
        .collect()
}

/// A score when every query character appears in `name` in order: higher for matches at word
/// starts and in runs, so "pede" ranks "Geir Pedersen" above "Speaker of the Federation".
fn fuzzy_score(query: &[char], name: &str) -> Option<u32> {
    if query.is_empty() {
        return Some(0);
    }
    let mut score = 0;
    let mut q = 0;
    let mut previous: Option<char> = None;
    let mut run = false;
    for c in name.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        if q < query.len() && lower == query[q] {
            let word_start = previous.is_none_or(|p| !p.is_alphanumeric());
            score += 1 + if word_start { 8 } else { 0 } + if run { 4 } else { 0 };
            q += 1;
            run = true;
        } else {
            run = false;
        }
        previous = Some(c);
    }
    (q == query.len()).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use std::path::{Path, PathBuf};

    #[test]
    fn actors_of_an_article_grouped_by_kind() {
        let mut ws = Workspace::new(default_catalog());
        ws.update(
            PathBuf::from("a.md"),
            "Lavrov met Pedersen in Geneva. Russia and Pedersen agreed. Lavrov left.".into(),
        );
        let groups = article_actors(&ws, ws.id(Path::new("a.md")).unwrap());
        let kinds: Vec<ActorKind> = groups.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            vec![ActorKind::Person, ActorKind::State, ActorKind::Place]
        );
        let people: Vec<(&str, usize)> = groups[0]
            .1
            .iter()
            .map(|a| (a.name.as_str(), a.mentions))
            .collect();
        assert_eq!(people, vec![("Sergey Lavrov", 2), ("Geir Pedersen", 2)]);
    }

    #[test]
    fn fuzzy_workspace_symbols() {
        let mut ws = Workspace::new(default_catalog());
        ws.update(
            PathBuf::from("a.md"),
            "UN envoy Geir Pedersen and Staffan de Mistura.".into(),
        );
        let found = find_actors(&ws, "pede", 10);
        assert_eq!(found[0].name, "Geir Pedersen");
        let found = find_actors(&ws, "stmis", 10);
        assert_eq!(found[0].name, "Staffan de Mistura");
        // Known to the catalog but mentioned nowhere: nowhere to go.
        assert!(find_actors(&ws, "Lavrov", 10).is_empty());
        assert!(fuzzy_score(&['x', 'q'], "Pedersen").is_none());
    }
}
