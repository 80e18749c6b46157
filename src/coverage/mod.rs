//! Who speaks across an archive: each article's attribution relations counted by the class of
//! their source, the actors it mentions and those it quotes, and their sums over the workspace —
//! what `dossier report` writes and the code lenses show. The relations are those the rules and
//! `dossier attributions` read ([`rules::attributions`]), the dates those the hover cards read
//! ([`Article::date`]): no second parse, no second reading of a date.

pub mod lenses;

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::article::Article;
use crate::attribution::Class;
use crate::catalog::{ActorId, ActorKind};
use crate::rules;
use crate::text::Date;
use crate::workspace::{ArticleId, Workspace};

/// Attribution relations counted by the class of their source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByClass {
    pub named: usize,
    pub pronoun: usize,
    pub anonymous: usize,
    #[serde(rename = "anonymous-explained")]
    pub anonymous_explained: usize,
    pub vague: usize,
    pub collective: usize,
    pub data: usize,
    pub agentless: usize,
}

impl ByClass {
    pub fn add(&mut self, class: &Class) {
        let slot = match class {
            Class::Named => &mut self.named,
            Class::Pronoun => &mut self.pronoun,
            Class::Anonymous(a) if a.explained => &mut self.anonymous_explained,
            Class::Anonymous(_) => &mut self.anonymous,
            Class::Vague => &mut self.vague,
            Class::Collective => &mut self.collective,
            Class::Data => &mut self.data,
            Class::Agentless => &mut self.agentless,
        };
        *slot += 1;
    }

    pub fn add_all(&mut self, other: &ByClass) {
        self.named += other.named;
        self.pronoun += other.pronoun;
        self.anonymous += other.anonymous;
        self.anonymous_explained += other.anonymous_explained;
        self.vague += other.vague;
        self.collective += other.collective;
        self.data += other.data;
        self.agentless += other.agentless;
    }

    pub fn total(&self) -> usize {
        self.named + self.unnamed() + self.pronoun + self.collective + self.data
    }

    /// The relations whose source no reader can check: an unnamed person, a vague group, or
    /// none at all (the classes that are not [`Class::identified`]).
    pub fn unnamed(&self) -> usize {
        self.anonymous + self.anonymous_explained + self.vague + self.agentless
    }
}

/// One article's sources: its relations counted, and the actors it quotes.
pub struct Sources {
    pub by_class: ByClass,
    /// The actor each relation names as its source, with the relation's source words.
    pub quotes: Vec<(ActorId, Range<usize>, Class)>,
}

/// The sources of an article of the workspace.
pub fn sources(ws: &Workspace, article: &Article) -> Sources {
    let mut by_class = ByClass::default();
    let mut quotes = Vec::new();
    for a in rules::attributions(&article.text) {
        by_class.add(&a.class);
        if let Some(actor) = speaker(ws, article, &a.speaker) {
            quotes.push((actor, a.speaker, a.class));
        }
    }
    Sources { by_class, quotes }
}

/// The actor a source's words name: its first person ("Russia's foreign minister Sergei
/// Lavrov"), else its last actor, the head of an English noun phrase ("the Syrian ministry").
fn speaker(ws: &Workspace, article: &Article, words: &Range<usize>) -> Option<ActorId> {
    if let Some(m) = article.antecedent(words) {
        return ws.resolve(m);
    }
    let first = article
        .mentions
        .partition_point(|m| m.range.start < words.start);
    let named: Vec<ActorId> = article.mentions[first..]
        .iter()
        .take_while(|m| m.range.end <= words.end)
        .filter_map(|m| ws.resolve(m))
        .collect();
    let catalog = ws.catalog();
    named
        .iter()
        .find(|&&id| catalog.get(id).kind == ActorKind::Person)
        .or(named.last())
        .copied()
}

/// How often the workspace's articles quote an actor: the relations whose source names it, as
/// [`sources`] finds them. Only the sentences of the articles that mention it are parsed.
pub fn times_quoted(ws: &Workspace, actor: ActorId) -> usize {
    let mentions = ws.mentions_of(actor);
    let articles: Vec<&[(ArticleId, usize)]> = mentions.chunk_by(|a, b| a.0 == b.0).collect();
    articles
        .par_iter()
        .map(|mentions| {
            let article = ws.article(mentions[0].0);
            let at = mentions
                .iter()
                .map(|&(_, i)| article.mentions[i].range.start);
            rules::attributions_near(&article.text, at)
                .iter()
                .filter(|a| speaker(ws, article, &a.speaker) == Some(actor))
                .count()
        })
        .sum()
}

/// A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as far as it is known.
fn iso(date: Date) -> String {
    match (date.month, date.day) {
        (0, _) => format!("{:04}", date.year),
        (m, 0) => format!("{:04}-{m:02}", date.year),
        (m, d) => format!("{:04}-{m:02}-{d:02}", date.year),
    }
}

/// One article's row of the map.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleRow {
    pub path: String,
    /// The folder holding the article, as its path names it ("" for none).
    pub folder: String,
    /// The article's own date, as the hover cards read it.
    pub date: Option<String>,
    /// `YYYY-MM`, when the date has a month.
    pub month: Option<String>,
    /// The front matter's `title:`, `author:` and `tags:`, to sort the coverage by desk and
    /// byline.
    pub title: Option<String>,
    pub author: Vec<String>,
    pub tags: Vec<String>,
    pub attributions: usize,
    pub by_class: ByClass,
    pub unnamed: usize,
    /// `unnamed / attributions`, 0 for an article without attributions.
    pub unnamed_share: f64,
    /// Actor id → mentions of it in the article.
    pub mentions: BTreeMap<String, usize>,
    pub quotes: Vec<QuoteRow>,
}

/// A relation whose source is an actor.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteRow {
    pub actor: String,
    /// One-based, as editors number lines.
    pub line: usize,
    pub class: &'static str,
    /// The actor's role at the article's date.
    pub role: Option<String>,
}

/// An actor over the archive.
#[derive(Clone, Debug, Serialize)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// The latest role.
    pub role: Option<String>,
    /// Articles mentioning it.
    pub articles: usize,
    pub mentions: usize,
    /// Relations whose source it is.
    pub quoted: usize,
}

/// A month's relations.
#[derive(Clone, Debug, Serialize)]
pub struct MonthRow {
    pub month: String,
    pub articles: usize,
    pub attributions: usize,
    pub by_class: ByClass,
}

/// Two actors and the number of articles that mention both.
#[derive(Clone, Debug, Serialize)]
pub struct PairRow {
    pub actors: [String; 2],
    pub articles: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Totals {
    pub articles: usize,
    pub attributions: usize,
    pub by_class: ByClass,
    pub unnamed: usize,
}

/// The map of who speaks in a workspace: what `dossier report` writes.
#[derive(Clone, Debug, Serialize)]
pub struct Map {
    pub totals: Totals,
    /// In path order.
    pub articles: Vec<ArticleRow>,
    /// Most quoted first, then most mentioned, then by id.
    pub actors: Vec<ActorRow>,
    /// In calendar order; articles without a month are in no month.
    pub months: Vec<MonthRow>,
    /// The pairs mentioned together most often, most first (at most [`PAIRS`]).
    pub co_mentions: Vec<PairRow>,
}

/// How many co-mentioned pairs the map keeps.
pub const PAIRS: usize = 50;

fn role_title(ws: &Workspace, actor: ActorId, date: Option<Date>) -> Option<String> {
    let role = ws.catalog().get(actor).role_at(date)?;
    Some(role.title.clone())
}

fn row(ws: &Workspace, article: &Article) -> (ArticleRow, Vec<(ActorId, usize)>) {
    let catalog = ws.catalog();
    let date = article.date();
    let found = sources(ws, article);
    let mut mentioned: BTreeMap<ActorId, usize> = BTreeMap::new();
    for m in &article.mentions {
        if let Some(actor) = ws.resolve(m) {
            *mentioned.entry(actor).or_default() += 1;
        }
    }
    let quotes = found
        .quotes
        .iter()
        .map(|(actor, words, class)| QuoteRow {
            actor: catalog.get(*actor).id.clone(),
            line: article.lines.line_of(words.start) + 1,
            class: class.name(),
            role: role_title(ws, *actor, date),
        })
        .collect();
    let attributions = found.by_class.total();
    let unnamed = found.by_class.unnamed();
    let path = article.path.display().to_string();
    let folder = article
        .path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let front = crate::text::front_matter::read(&article.text).unwrap_or_default();
    let row = ArticleRow {
        path,
        folder,
        date: date.map(iso),
        month: date
            .filter(|d| d.month > 0)
            .map(|d| iso(Date::new(d.year, d.month, 0))),
        title: front.title,
        author: front.author,
        tags: front.tags,
        attributions,
        by_class: found.by_class,
        unnamed,
        unnamed_share: if attributions == 0 {
            0.0
        } else {
            unnamed as f64 / attributions as f64
        },
        mentions: mentioned
            .iter()
            .map(|(&actor, &n)| (catalog.get(actor).id.clone(), n))
            .collect(),
        quotes,
    };
    (row, mentioned.into_iter().collect())
}

impl Map {
    /// The map of every article of the workspace, the articles analysed in parallel.
    pub fn of(ws: &Workspace) -> Map {
        let mut ids: Vec<(ArticleId, &Article)> = ws.articles().collect();
        ids.sort_by(|a, b| a.1.path.cmp(&b.1.path));
        let rows: Vec<(ArticleRow, Vec<(ActorId, usize)>)> =
            ids.par_iter().map(|(_, a)| row(ws, a)).collect();

        let mut totals = Totals {
            articles: rows.len(),
            attributions: 0,
            by_class: ByClass::default(),
            unnamed: 0,
        };
        let mut months: BTreeMap<String, MonthRow> = BTreeMap::new();
        let mut quoted: FxHashMap<&str, usize> = FxHashMap::default();
        // Actor → (articles, mentions).
        let mut named: FxHashMap<ActorId, (usize, usize)> = FxHashMap::default();
        let mut pairs: FxHashMap<(ActorId, ActorId), usize> = FxHashMap::default();
        for (row, actors) in &rows {
            totals.attributions += row.attributions;
            totals.unnamed += row.unnamed;
            totals.by_class.add_all(&row.by_class);
            if let Some(month) = &row.month {
                let m = months.entry(month.clone()).or_insert_with(|| MonthRow {
                    month: month.clone(),
                    articles: 0,
                    attributions: 0,
                    by_class: ByClass::default(),
                });
                m.articles += 1;
                m.attributions += row.attributions;
                m.by_class.add_all(&row.by_class);
            }
            for q in &row.quotes {
                *quoted.entry(q.actor.as_str()).or_default() += 1;
            }
            for &(actor, n) in actors {
                let seen = named.entry(actor).or_default();
                seen.0 += 1;
                seen.1 += n;
            }
            for (i, &(a, _)) in actors.iter().enumerate() {
                for &(b, _) in &actors[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                }
            }
        }

        let catalog = ws.catalog();
        let mut actors: Vec<ActorRow> = Vec::new();
        for (id, actor) in catalog.actors() {
            let Some(&(articles, mentions)) = named.get(&id) else {
                continue;
            };
            actors.push(ActorRow {
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind.as_str(),
                role: role_title(ws, id, None),
                articles,
                mentions,
                quoted: quoted.get(actor.id.as_str()).copied().unwrap_or(0),
            });
        }
        actors.sort_by(|a, b| {
            (b.quoted, b.mentions)
                .cmp(&(a.quoted, a.mentions))
                .then_with(|| a.id.cmp(&b.id))
        });

        let mut pairs: Vec<((ActorId, ActorId), usize)> = pairs.into_iter().collect();
        let id = |a: ActorId| catalog.get(a).id.clone();
        pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let co_mentions = pairs
            .into_iter()
            .take(PAIRS)
            .map(|((a, b), articles)| PairRow {
                actors: [id(a), id(b)],
                articles,
            })
            .collect();

        Map {
            totals,
            articles: rows.into_iter().map(|(r, _)| r).collect(),
            actors,
            months: months.into_values().collect(),
            co_mentions,
        }
    }
}

#[cfg(test)]
mod tests;
