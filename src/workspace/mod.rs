//! The index across articles: every article by id, and for every actor the articles that
//! mention it. An edit re-analyses one article and swaps its entry.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use crate::annotations::{self, Annotation, Motivation};
use crate::article::Article;
use crate::catalog::{ActorId, Catalog};
use crate::mentions::{Form, Matcher, Mention, Target};

mod rediscover;

pub use rediscover::{Rediscovered, Snapshot};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(pub u32);

/// What one article holds of one actor.
#[derive(Clone, Debug, Default)]
struct Posting {
    /// Indices of the mentions resolved to the actor in the article itself.
    resolved: Vec<u32>,
    /// Mentions that might be the actor, left for the workspace to settle.
    ambiguous: u32,
    /// The article's best candidate for the actor's introduction.
    intro: Option<Intro>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Intro {
    /// 2: full name with a role beside it; 1: full name; 0: any other mention.
    rank: u8,
    mention: u32,
}

/// Where an actor is introduced: an article and the index of the mention there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Introduction {
    pub article: ArticleId,
    pub mention: usize,
}

pub struct Workspace {
    /// The catalog files' actors; `catalog` adds the people discovered in the articles.
    base: Arc<Catalog>,
    catalog: Arc<Catalog>,
    matcher: Arc<Matcher>,
    articles: Vec<Option<Arc<Held>>>,
    free: Vec<ArticleId>,
    by_path: HashMap<PathBuf, ArticleId>,
    /// By actor: the articles that mention it.
    postings: Vec<FxHashMap<ArticleId, Posting>>,
    /// By actor: in how many articles it is mentioned, settled in the article itself.
    named_in: Vec<u32>,
    /// By article path: its annotations (`.dossier/annotations.jsonl`), as the shells read them.
    /// An identifying one names the actor of the mention it covers, before the article is
    /// indexed. Shared with snapshots, which analyse articles again.
    annotations: Arc<HashMap<PathBuf, Vec<Annotation>>>,
}

/// An article as the workspace holds it: shared, so that the people the articles introduce
/// can be found again from a [`Snapshot`] with no lock held.
struct Held {
    article: Article,
    /// The people its text introduces (name and role as written), worked out once per version
    /// of the text, so that a save looks again at what changed since, not at every article.
    /// They depend on the catalog files alone, not on the people discovered.
    introduced: OnceLock<Vec<(String, String)>>,
}

impl Held {
    fn new(article: Article) -> Arc<Self> {
        Arc::new(Self {
            article,
            introduced: OnceLock::new(),
        })
    }
}

impl Workspace {
    pub fn new(catalog: Catalog) -> Self {
        let matcher = Arc::new(Matcher::new(&catalog));
        Self::with_matcher(catalog, matcher)
    }

    /// A workspace over `catalog` whose articles are analysed with `matcher`, built from it.
    pub fn with_matcher(catalog: Catalog, matcher: Arc<Matcher>) -> Self {
        Self {
            base: Arc::new(catalog.clone()),
            postings: vec![FxHashMap::default(); catalog.len()],
            named_in: vec![0; catalog.len()],
            catalog: Arc::new(catalog),
            matcher,
            articles: Vec::new(),
            free: Vec::new(),
            by_path: HashMap::new(),
            annotations: Arc::default(),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The automaton, shared so that articles can be analysed off the workspace's lock.
    pub fn matcher(&self) -> Arc<Matcher> {
        Arc::clone(&self.matcher)
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    pub fn id(&self, path: &Path) -> Option<ArticleId> {
        self.by_path.get(path).copied()
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.0 as usize]
            .as_ref()
            .expect("article ids are only handed out for live articles")
            .article
    }

    pub fn get(&self, path: &Path) -> Option<(ArticleId, &Article)> {
        self.id(path).map(|id| (id, self.article(id)))
    }

    pub fn articles(&self) -> impl Iterator<Item = (ArticleId, &Article)> {
        self.articles
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|a| (ArticleId(i as u32), &a.article)))
    }

    /// Starts over with another catalog, analysing every article again (in parallel) from the
    /// texts already held. People discovered in the articles are found again.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        use rayon::prelude::*;
        let held: Vec<Arc<Held>> = self.articles.drain(..).flatten().collect();
        let annotations = std::mem::take(&mut self.annotations);
        *self = Workspace::new(catalog);
        self.annotations = annotations;
        let this = &*self;
        let articles = held
            .par_iter()
            .map(|held| {
                let Article { path, text, .. } = &held.article;
                Held::new(this.identified(Article::analyze(
                    path.clone(),
                    text.clone(),
                    &this.matcher,
                )))
            })
            .collect();
        self.insert_held(articles);
        self.refresh_discovered();
    }

    /// Analyses and stores a text under its path, replacing what was there.
    /// Analyses and stores a text under its path, replacing what was there.
    pub fn update(&mut self, path: PathBuf, text: String) -> ArticleId {
        let article = Article::analyze(path, text, &self.matcher);
        self.insert(article)
    }

    /// Stores an article analysed elsewhere (with this workspace's matcher), replacing the one
    /// at its path.
    pub fn insert(&mut self, article: Article) -> ArticleId {
        let article = self.identified(article);
        let postings = entry(&article);
        let id = self.slot(&article.path);
        for (actor, posting) in postings {
            let a = actor.0 as usize;
            post(&mut self.postings[a], &mut self.named_in[a], id, posting);
        }
        self.articles[id.0 as usize] = Some(Held::new(article));
        id
    }

    /// Stores many articles as [`Workspace::insert`] does, in order. What each holds of each
    /// actor is worked out in parallel, and the actors' postings are filled in parallel too:
    /// on a large workspace this is the one step that would otherwise hold up every core.
    pub fn insert_all(&mut self, articles: Vec<Article>) {
        let mut paths = std::collections::HashSet::with_capacity(articles.len());
        if !articles.iter().all(|a| paths.insert(a.path.as_path())) {
            // A path given twice: its later text replaces the earlier, one at a time.
            for article in articles {
                self.insert(article);
            }
            return;
        }
        let articles = articles.into_iter().map(|a| Held::new(self.identified(a)));
        let articles = articles.collect();
        self.insert_held(articles);
    }

    /// Stores articles at distinct paths, each's postings worked out in parallel.
    fn insert_held(&mut self, articles: Vec<Arc<Held>>) {
        use rayon::prelude::*;
        let postings: Vec<Vec<(ActorId, Posting)>> =
            articles.par_iter().map(|h| entry(&h.article)).collect();
        let mut counts = vec![0; self.postings.len()];
        for (actor, _) in postings.iter().flatten() {
            counts[actor.0 as usize] += 1;
        }
        let mut by_actor: Vec<Vec<(ArticleId, Posting)>> =
            counts.into_iter().map(Vec::with_capacity).collect();
        for (article, postings) in articles.into_iter().zip(postings) {
            let id = self.slot(&article.article.path);
            for (actor, posting) in postings {
                by_actor[actor.0 as usize].push((id, posting));
            }
            self.articles[id.0 as usize] = Some(article);
        }
        self.postings
            .par_iter_mut()
            .zip(&mut self.named_in)
            .zip(by_actor)
            .for_each(|((postings, named_in), new)| {
                postings.reserve(new.len());
                for (id, posting) in new {
                    post(postings, named_in, id, posting);
                }
            });
    }

    /// The id for an article at `path`: the one it has, with what it held withdrawn from the
    /// index, or a new one.
    fn slot(&mut self, path: &Path) -> ArticleId {
        if let Some(&id) = self.by_path.get(path) {
            self.unpost(id);
            return id;
        }
        let id = self.free.pop().unwrap_or_else(|| {
            self.articles.push(None);
            ArticleId(self.articles.len() as u32 - 1)
        });
        self.by_path.insert(path.to_owned(), id);
        id
    }

    /// The annotations of the article at `path`.
    pub fn annotations(&self, path: &Path) -> &[Annotation] {
        self.annotations.get(path).map_or(&[], Vec::as_slice)
    }

    /// Takes the annotations of the articles under `root` (a workspace folder's, read from its
    /// annotations file), replacing those it held there. The articles whose identifying
    /// annotations changed are analysed again.
    pub fn set_annotations(
        &mut self,
        root: &Path,
        mut by_article: HashMap<PathBuf, Vec<Annotation>>,
    ) {
        let identifying = |all: Option<&Vec<Annotation>>| -> Vec<Annotation> {
            all.into_iter()
                .flatten()
                .filter(|a| a.motivation == Motivation::Identifying)
                .cloned()
                .collect()
        };
        let mut changed: Vec<PathBuf> = Vec::new();
        let mut under: Vec<PathBuf> = self
            .annotations
            .keys()
            .filter(|p| p.starts_with(root))
            .chain(by_article.keys())
            .cloned()
            .collect();
        under.sort_unstable();
        under.dedup();
        let held = Arc::make_mut(&mut self.annotations);
        for path in under {
            if identifying(held.get(&path)) != identifying(by_article.get(&path)) {
                changed.push(path.clone());
            }
            match by_article.remove(&path) {
                Some(annotations) => held.insert(path, annotations),
                None => held.remove(&path),
            };
        }
        for path in changed {
            if let Some((_, article)) = self.get(&path) {
                let text = article.text.clone();
                self.update(path, text);
            }
        }
    }

    /// The article with the mentions its identifying annotations name.
    fn identified(&self, mut article: Article) -> Article {
        let annotations = self.annotations(&article.path);
        if annotations::identifies(annotations) {
            annotations::identify(&mut article, annotations, &self.catalog);
        }
        article
    }

    pub fn remove(&mut self, path: &Path) {
        if let Some(id) = self.by_path.remove(path) {
            self.unpost(id);
            self.free.push(id);
            self.articles[id.0 as usize] = None;
        }
    }

    /// Removes every article under a folder (a workspace folder that was closed).
    pub fn remove_under(&mut self, folder: &Path) {
        let gone: Vec<PathBuf> = self
            .by_path
            .keys()
            .filter(|p| p.starts_with(folder))
            .cloned()
            .collect();
        for path in gone {
            self.remove(&path);
        }
    }

    fn unpost(&mut self, id: ArticleId) {
        if let Some(held) = &self.articles[id.0 as usize] {
            for mention in &held.article.mentions {
                for actor in mention.target.candidates() {
                    let removed = self.postings[actor.0 as usize].remove(&id);
                    if removed.is_some_and(|p| !p.resolved.is_empty()) {
                        self.named_in[actor.0 as usize] -= 1;
                    }
                }
            }
        }
    }

    /// Whom a mention refers to, settling a shared surname or abbreviation by the workspace
    /// when only one of its candidates is named anywhere in it.
    pub fn resolve(&self, mention: &Mention) -> Option<ActorId> {
        match &mention.target {
            Target::Actor(id) => Some(*id),
            Target::Ambiguous(candidates) => {
                let mut named = candidates
                    .iter()
                    .filter(|c| self.named_in[c.0 as usize] > 0);
                match (named.next(), named.next()) {
                    (Some(&one), None) => Some(one),
                    _ => None,
                }
            }
        }
    }

    /// The actor that the mention at `offset` of an article refers to.
    pub fn actor_at(&self, id: ArticleId, offset: usize) -> Option<(usize, ActorId)> {
        let article = self.article(id);
        let i = article.mention_at(offset)?;
        self.resolve(&article.mentions[i]).map(|actor| (i, actor))
    }

    /// Every mention of an actor, article by article (in the order articles were added), each
    /// article's in text order.
    pub fn mentions_of(&self, actor: ActorId) -> Vec<(ArticleId, usize)> {
        let postings = &self.postings[actor.0 as usize];
        let mut ids: Vec<ArticleId> = postings.keys().copied().collect();
        ids.sort_unstable();
        let mut out = Vec::new();
        for id in ids {
            let posting = &postings[&id];
            if posting.ambiguous == 0 {
                out.extend(posting.resolved.iter().map(|&i| (id, i as usize)));
                continue;
            }
            // Mentions the workspace settles are interleaved with the settled ones.
            let article = self.article(id);
            for (i, mention) in article.mentions.iter().enumerate() {
                if self.resolve(mention) == Some(actor) {
                    out.push((id, i));
                }
            }
        }
        out
    }

    /// In how many articles an actor is mentioned (settled in the article itself).
    pub fn article_count(&self, actor: ActorId) -> usize {
        self.named_in[actor.0 as usize] as usize
    }

    /// The mention that introduces an actor to the workspace: the best-ranked one (a full name
    /// with a role, else a full name, else any), in the earliest article by date, then by path.
    pub fn introduction(&self, actor: ActorId) -> Option<Introduction> {
        self.postings[actor.0 as usize]
            .iter()
            .filter_map(|(&id, p)| p.intro.map(|intro| (id, intro)))
            .min_by(|(a, ia), (b, ib)| {
                let (a_article, b_article) = (self.article(*a), self.article(*b));
                ib.rank
                    .cmp(&ia.rank)
                    .then_with(|| dated_first(a_article.date(), b_article.date()))
                    .then_with(|| a_article.path.cmp(&b_article.path))
            })
            .map(|(article, intro)| Introduction {
                article,
                mention: intro.mention as usize,
            })
    }
}

/// What the index keeps of an article: its postings. Its date is worked out here too, off the
/// request path: an actor's introduction compares the dates of every article that mentions it,
/// and the first hover on a much-mentioned actor would otherwise parse them all.
fn entry(article: &Article) -> Vec<(ActorId, Posting)> {
    article.date();
    postings(article)
}

/// What an article holds of each actor it mentions, by actor.
fn postings(article: &Article) -> Vec<(ActorId, Posting)> {
    // (actor, mention) pairs grouped by actor: one posting each, built without a map, and
    // every list allocated once at its size (this runs for every article of a workspace).
    let mut pairs: Vec<(ActorId, u32)> = Vec::with_capacity(article.mentions.len());
    for (i, m) in article.mentions.iter().enumerate() {
        pairs.extend(m.target.candidates().iter().map(|&a| (a, i as u32)));
    }
    pairs.sort_unstable();
    let groups = pairs.chunk_by(|a, b| a.0 == b.0);
    let mut out: Vec<(ActorId, Posting)> = Vec::with_capacity(groups.clone().count());
    for group in groups {
        let mut posting = Posting {
            resolved: Vec::with_capacity(group.len()),
            ..Posting::default()
        };
        for &(_, i) in group {
            let mention = &article.mentions[i as usize];
            match mention.target {
                Target::Actor(_) => {
                    posting.resolved.push(i);
                    // Best rank first; among equals, the earliest mention (they come in order).
                    // The role is looked for only while it can still raise the rank.
                    let best = posting.intro.map(|old| old.rank);
                    let rank = match mention.form {
                        Form::Name if best < Some(2) && mention.with_role(&article.text) => 2,
                        Form::Name => 1,
                        _ => 0,
                    };
                    if best < Some(rank) {
                        posting.intro = Some(Intro { rank, mention: i });
                    }
                }
                Target::Ambiguous(_) => posting.ambiguous += 1,
            }
        }
        out.push((group[0].0, posting));
    }
    out
}

/// Adds what an article holds of one actor to that actor's postings and count.
fn post(
    postings: &mut FxHashMap<ArticleId, Posting>,
    named_in: &mut u32,
    id: ArticleId,
    posting: Posting,
) {
    *named_in += u32::from(!posting.resolved.is_empty());
    postings.insert(id, posting);
}

/// An id from a name: "Karim Haddad" → "karim-haddad".
fn dated_first<T: Ord>(a: Option<T>, b: Option<T>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{default_catalog, Catalog};

    pub(super) fn workspace(articles: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::new(default_catalog());
        for (path, text) in articles {
            ws.update(PathBuf::from(path), text.to_string());
        }
        ws
    }

    #[test]
    fn references_and_counts_across_articles() {
        let mut ws = workspace(&[
            ("a.md", "UN envoy Geir Pedersen met Lavrov. Pedersen left."),
            ("b.md", "Pedersen said the talks would go on."),
            ("c.md", "No one of note."),
        ]);
        let pedersen = ws.catalog().by_id("geir-pedersen").unwrap();
        assert_eq!(ws.article_count(pedersen), 2);
        assert_eq!(ws.mentions_of(pedersen).len(), 3);
        ws.update("b.md".into(), "Nothing now.".into());
        assert_eq!(ws.mentions_of(pedersen).len(), 2);
        ws.remove(Path::new("a.md"));
        assert_eq!(ws.article_count(pedersen), 0);
        assert!(ws.mentions_of(pedersen).is_empty());
        // A freed slot is reused.
        ws.update("d.md".into(), "Pedersen".into());
        assert_eq!(ws.len(), 3);
    }

    #[test]
    fn many_at_once_index_as_one_at_a_time() {
        let texts = [
            ("a.md", "UN envoy Geir Pedersen met Lavrov. Pedersen left."),
            (
                "b.md",
                "Pedersen said the talks would go on. Assad did not.",
            ),
            ("c.md", "Lavrov and Bashar al-Assad met in Moscow."),
        ];
        let analysed = |ws: &Workspace, path: &str, text: &str| {
            Article::analyze(path.into(), text.into(), &ws.matcher())
        };
        let mut one_by_one = workspace(&texts);
        one_by_one.update("a.md".into(), "Pedersen again.".into());
        one_by_one.update("d.md".into(), "Lavrov only.".into());
        let mut at_once = workspace(&texts);
        let batch = vec![
            analysed(&at_once, "a.md", "Pedersen again."),
            analysed(&at_once, "d.md", "Lavrov only."),
        ];
        at_once.insert_all(batch);
        // A path given twice in one batch keeps its later text.
        let mut twice = workspace(&texts);
        let batch = vec![
            analysed(&twice, "a.md", "Assad, then Lavrov."),
            analysed(&twice, "d.md", "Lavrov only."),
            analysed(&twice, "a.md", "Pedersen again."),
        ];
        twice.insert_all(batch);
        for ws in [&at_once, &twice] {
            assert_eq!(ws.len(), one_by_one.len());
            for (_, actor) in one_by_one.catalog().actors() {
                let id = one_by_one.catalog().by_id(&actor.id).unwrap();
                let paths = |ws: &Workspace| -> Vec<(PathBuf, usize)> {
                    let mut found: Vec<_> = ws
                        .mentions_of(id)
                        .into_iter()
                        .map(|(a, i)| (ws.article(a).path.clone(), i))
                        .collect();
                    found.sort();
                    found
                };
                assert_eq!(paths(ws), paths(&one_by_one), "{}", actor.id);
                assert_eq!(ws.article_count(id), one_by_one.article_count(id));
            }
        }
    }

    #[test]
    fn introduction_prefers_a_full_name_with_a_role_then_the_earliest_date() {
        let ws = workspace(&[
            ("a.md", "2 Mar 2020\nGeir Pedersen spoke."),
            ("b.md", "1 Mar 2021\nUN envoy Geir Pedersen spoke."),
            ("c.md", "1 Mar 2019\nPedersen spoke."),
            ("d.md", "1 Mar 2022\nThe UN envoy, Geir Pedersen, spoke."),
        ]);
        let pedersen = ws.catalog().by_id("geir-pedersen").unwrap();
        let intro = ws.introduction(pedersen).unwrap();
        assert_eq!(ws.article(intro.article).path, Path::new("b.md"));
    }

    #[test]
    fn a_new_catalog_reanalyses_every_article() {
        let mut ws = workspace(&[("a.md", "Layla Nasser says the talks failed.")]);
        assert!(ws
            .article(ws.id(Path::new("a.md")).unwrap())
            .mentions
            .is_empty());
        let mut catalog = default_catalog();
        let extra =
            r#"{"actors": [{"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"}]}"#;
        catalog.extend(Catalog::parse_file(Path::new("x.json"), extra).unwrap());
        ws.set_catalog(catalog);
        assert_eq!(
            ws.article(ws.id(Path::new("a.md")).unwrap()).mentions.len(),
            1
        );
    }

    #[test]
    fn the_workspace_settles_a_shared_abbreviation() {
        let ws = workspace(&[
            ("a.md", "The Syrian Negotiations Commission met in Riyadh."),
            ("b.md", "The SNC rejected the plan."),
        ]);
        let (id, b) = ws.get(Path::new("b.md")).unwrap();
        let commission = ws
            .catalog()
            .by_id("syrian-negotiations-commission")
            .unwrap();
        assert_eq!(ws.resolve(&b.mentions[0]), Some(commission));
        assert_eq!(ws.actor_at(id, 5).map(|(_, a)| a), Some(commission));
        assert_eq!(ws.mentions_of(commission).len(), 2);
    }
}
