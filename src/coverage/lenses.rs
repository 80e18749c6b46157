//! The lines an editor shows above an article's text: at its top how many sources it gives and
//! of which class, above each actor's first mention how widely the workspace mentions and quotes
//! it. Where they go is cheap to find; what they say is worked out only when the editor shows
//! one (the counts of an actor parse every article that mentions it).

use std::ops::Range;

use super::sources;
use crate::article::Article;
use crate::catalog::ActorId;
use crate::workspace::{ArticleId, Workspace};

/// Each actor the article mentions, at its first mention, in text order.
pub fn first_mentions(ws: &Workspace, article: &Article) -> Vec<(ActorId, Range<usize>)> {
    let mut seen = rustc_hash::FxHashSet::default();
    article
        .mentions
        .iter()
        .filter_map(|m| ws.resolve(m).map(|actor| (actor, m.range.clone())))
        .filter(|(actor, _)| seen.insert(*actor))
        .collect()
}

/// "mentioned in 3 articles · quoted 2 times": the articles that mention the actor, the
/// relations whose source it is.
pub fn actor_title(ws: &Workspace, actor: ActorId) -> String {
    let mentions = ws.mentions_of(actor);
    let mut articles: Vec<ArticleId> = mentions.iter().map(|&(id, _)| id).collect();
    articles.dedup();
    let quoted = super::times_quoted(ws, actor);
    format!(
        "mentioned in {} · quoted {}",
        counted(articles.len(), "article", "articles"),
        counted(quoted, "time", "times")
    )
}

/// "4 sources: 1 named, 2 anonymous, 1 vague": the article's relations, and those of the
/// classes an editor asks about first (anonymous counts those the text explains).
pub fn sources_title(ws: &Workspace, article: &Article) -> String {
    let c = sources(ws, article).by_class;
    format!(
        "{}: {} named, {} anonymous, {} vague",
        counted(c.total(), "source", "sources"),
        c.named,
        c.anonymous + c.anonymous_explained,
        c.vague
    )
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::catalog::default_catalog;

    fn workspace() -> Workspace {
        let mut ws = Workspace::new(default_catalog());
        let a = "Faisal Mekdad said the talks would resume. Observers say Mekdad is wrong. \
                 A source said so.\n";
        ws.update(PathBuf::from("a.txt"), a.into());
        ws.update(
            PathBuf::from("b.txt"),
            "Faisal Mekdad met the envoy.\n".into(),
        );
        ws
    }

    #[test]
    fn one_lens_an_actor_at_its_first_mention() {
        let ws = workspace();
        let (_, article) = ws.get(Path::new("a.txt")).unwrap();
        let firsts = first_mentions(&ws, article);
        let mekdad = ws.catalog().by_id("faisal-mekdad").unwrap();
        assert_eq!(firsts, vec![(mekdad, 0..13)]);
        assert_eq!(
            actor_title(&ws, mekdad),
            "mentioned in 2 articles · quoted 1 time"
        );
    }

    #[test]
    fn the_article_lens_counts_its_sources_by_class() {
        let ws = workspace();
        let (_, article) = ws.get(Path::new("a.txt")).unwrap();
        assert_eq!(
            sources_title(&ws, article),
            "3 sources: 1 named, 1 anonymous, 1 vague"
        );
        let (_, b) = ws.get(Path::new("b.txt")).unwrap();
        assert_eq!(
            sources_title(&ws, b),
            "0 sources: 0 named, 0 anonymous, 0 vague"
        );
    }
}
