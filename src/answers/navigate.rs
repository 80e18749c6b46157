//! Go to definition, references and highlights of the actor under the cursor.

use std::ops::Range;

use super::Location;
use crate::catalog::ActorId;
use crate::workspace::{ArticleId, Workspace};

/// Where an actor is defined: its entry in a workspace catalog file, else the mention that
/// introduces it to the workspace.
pub fn definition_of(ws: &Workspace, actor: ActorId) -> Option<Location> {
    if let Some(origin) = ws.catalog().origin(actor) {
        return Some(Location::CatalogEntry {
            path: origin.path.clone(),
            line: origin.line,
        });
    }
    let intro = ws.introduction(actor)?;
    let range = ws.article(intro.article).mentions[intro.mention]
        .range
        .clone();
    Some(Location::Article {
        article: intro.article,
        range,
    })
}

pub fn definition(ws: &Workspace, id: ArticleId, offset: usize) -> Option<Location> {
    let (_, actor) = ws.actor_at(id, offset)?;
    definition_of(ws, actor)
}

/// Every mention of the actor under the cursor across the workspace. Without
/// `include_declaration`, the introducing mention is left out.
pub fn references(
    ws: &Workspace,
    id: ArticleId,
    offset: usize,
    include_declaration: bool,
) -> Vec<(ArticleId, Range<usize>)> {
    let Some((_, actor)) = ws.actor_at(id, offset) else {
        return Vec::new();
    };
    let declaration = if include_declaration {
        None
    } else {
        ws.introduction(actor).map(|i| (i.article, i.mention))
    };
    ws.mentions_of(actor)
        .into_iter()
        .filter(|&hit| Some(hit) != declaration)
        .map(|(article, i)| (article, ws.article(article).mentions[i].range.clone()))
        .collect()
}

/// The mentions of the actor under the cursor in the same article.
pub fn highlights(ws: &Workspace, id: ArticleId, offset: usize) -> Vec<Range<usize>> {
    let Some((_, actor)) = ws.actor_at(id, offset) else {
        return Vec::new();
    };
    ws.article(id)
        .mentions
        .iter()
        .filter(|m| ws.resolve(m) == Some(actor))
        .map(|m| m.range.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{default_catalog, Catalog};
    use std::path::{Path, PathBuf};

    fn ws(articles: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::new(default_catalog());
        for (p, text) in articles {
            ws.update(PathBuf::from(p), text.to_string());
        }
        ws
    }

    fn at(ws: &Workspace, path: &str, word: &str) -> (ArticleId, usize) {
        let id = ws.id(Path::new(path)).unwrap();
        (id, ws.article(id).text.find(word).unwrap())
    }

    #[test]
    fn a_surname_jumps_to_the_introduction_in_another_article() {
        let ws = ws(&[
            (
                "intro.md",
                "3 May 2021\nThe UN envoy, Geir Pedersen, opened the session.",
            ),
            ("later.md", "5 May 2021\nPedersen closed it."),
        ]);
        let (id, offset) = at(&ws, "later.md", "Pedersen");
        let Some(Location::Article { article, range }) = definition(&ws, id, offset) else {
            panic!("no definition");
        };
        let intro = ws.article(article);
        assert_eq!(intro.path, Path::new("intro.md"));
        assert_eq!(&intro.text[range], "Geir Pedersen");
    }

    #[test]
    fn a_workspace_catalog_entry_is_the_definition() {
        let mut catalog = default_catalog();
        let text = "{\"actors\": [\n  {\"id\": \"layla-nasser\", \"name\": \"Layla Nasser\", \"kind\": \"person\"}\n]}";
        catalog.extend(Catalog::parse_file(Path::new("/w/desk.json"), text).unwrap());
        let mut ws = Workspace::new(catalog);
        ws.update("a.md".into(), "Layla Nasser says".into());
        let (id, offset) = at(&ws, "a.md", "Nasser");
        assert_eq!(
            definition(&ws, id, offset),
            Some(Location::CatalogEntry {
                path: "/w/desk.json".into(),
                line: 1
            })
        );
    }

    #[test]
    fn references_across_files_honour_include_declaration() {
        let ws = ws(&[
            ("a.md", "UN envoy Geir Pedersen met Lavrov. Pedersen left."),
            ("b.md", "Pedersen said so."),
        ]);
        let (id, offset) = at(&ws, "b.md", "Pedersen");
        assert_eq!(references(&ws, id, offset, true).len(), 3);
        let without = references(&ws, id, offset, false);
        assert_eq!(without.len(), 2);
        assert!(without
            .iter()
            .all(|(a, r)| ws.article(*a).text[r.clone()] == *"Pedersen"));
        assert_eq!(
            highlights(&ws, ws.id(Path::new("a.md")).unwrap(), 10).len(),
            2
        );
    }

    #[test]
    fn nothing_under_the_cursor() {
        let ws = ws(&[("a.md", "No actors here.")]);
        let id = ws.id(Path::new("a.md")).unwrap();
        assert_eq!(definition(&ws, id, 3), None);
        assert!(references(&ws, id, 3, true).is_empty());
        assert!(highlights(&ws, id, 999).is_empty());
    }
}
