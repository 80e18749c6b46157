//! Completion of actor names while a capitalised word is typed.

use std::ops::Range;

use crate::catalog::{ActorId, ActorKind};
use crate::mentions::surname_of;
use crate::workspace::{ArticleId, Workspace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub actor: ActorId,
    /// What the list shows: the canonical name.
    pub label: String,
    /// The spelling the typed prefix matched, for the editor's own filtering.
    pub filter: String,
    /// What replaces the typed prefix: the full name on a first mention, the matched spelling
    /// once the article has named the actor.
    pub insert: String,
    pub replace: Range<usize>,
    pub kind: ActorKind,
    pub detail: String,
}

/// Completions for the capitalised word that ends at `offset` (at least two letters typed).
pub fn completions(ws: &Workspace, id: ArticleId, offset: usize) -> Vec<Completion> {
    let article = ws.article(id);
    let Some(start) = word_start(&article.text, offset) else {
        return Vec::new();
    };
    let prefix = &article.text[start..offset];
    if prefix.chars().count() < 2 || !prefix.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    let named: Vec<ActorId> = article
        .mentions
        .iter()
        .filter(|m| m.range.end <= start)
        .filter_map(|m| ws.resolve(m))
        .collect();
    let catalog = ws.catalog();
    let mut out = Vec::new();
    for (actor, a) in catalog.actors() {
        let surname = surname_of(a);
        let mut spellings = std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .chain(surname.as_deref());
        let Some(matched) = spellings.rfind(|s| word_prefix_of(s, prefix)) else {
            continue;
        };
        let insert = if named.contains(&actor) {
            matched
        } else {
            a.name.as_str()
        };
        out.push(Completion {
            actor,
            label: a.name.clone(),
            filter: matched.to_owned(),
            insert: insert.strip_prefix("the ").unwrap_or(insert).to_owned(),
            replace: start..offset,
            kind: a.kind,
            detail: a
                .role_at(article.date())
                .map_or_else(|| a.description.clone(), |r| r.title.clone()),
        });
    }
    // Actors the workspace mentions most come first.
    out.sort_by_key(|c| {
        (
            std::cmp::Reverse(ws.article_count(c.actor)),
            c.label.clone(),
        )
    });
    out
}

/// Does some word of `spelling` start with `prefix` ("Ped" in "Geir Pedersen")?
fn word_prefix_of(spelling: &str, prefix: &str) -> bool {
    spelling
        .split([' ', '-'])
        .any(|word| word.starts_with(prefix))
}

/// Where the name being typed at `offset` starts: after the last character that cannot be part
/// of a name.
fn word_start(text: &str, offset: usize) -> Option<usize> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let head = &text[..offset];
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use std::path::{Path, PathBuf};

    fn complete(text: &str) -> Vec<(String, String)> {
        let mut ws = Workspace::new(default_catalog());
        ws.update(PathBuf::from("a.md"), text.into());
        let id = ws.id(Path::new("a.md")).unwrap();
        completions(&ws, id, text.len())
            .into_iter()
            .map(|c| (c.label, c.insert))
            .collect()
    }

    #[test]
    fn a_capitalised_prefix_completes_to_the_full_name() {
        let items = complete("The envoy, Ped");
        assert_eq!(
            items,
            vec![("Geir Pedersen".to_owned(), "Geir Pedersen".to_owned())]
        );
        assert!(
            complete("Talks with Lav").contains(&("Sergey Lavrov".into(), "Sergey Lavrov".into()))
        );
    }

    #[test]
    fn once_named_the_surname_is_enough() {
        let items = complete("UN envoy Geir Pedersen spoke. Then Ped");
        assert_eq!(
            items,
            vec![("Geir Pedersen".to_owned(), "Pedersen".to_owned())]
        );
    }

    #[test]
    fn lower_case_or_one_letter_prefixes_complete_nothing() {
        assert!(complete("the ped").is_empty());
        assert!(complete("P").is_empty());
        assert!(complete("").is_empty());
    }
}
