//! The catalog: who and what dossier knows, from the embedded default and workspace files.

mod default;
mod model;

pub use default::default_catalog;
pub use model::{Actor, ActorKind, Links, Metonym, Role};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::text::Date;

/// Index of an actor in its [`Catalog`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorId(pub u32);

/// A set of a catalog's actors, a bit each: asked once per mention of an article, it costs
/// less than hashing.
pub(crate) struct ActorSet(Vec<u64>);

impl ActorSet {
    pub(crate) fn new(actors: usize) -> Self {
        Self(vec![0; actors.div_ceil(64)])
    }

    /// Adds an actor; whether it was not in the set before.
    pub(crate) fn insert(&mut self, actor: ActorId) -> bool {
        let i = actor.0 as usize;
        let Some(word) = self.0.get_mut(i / 64) else {
            return false;
        };
        let bit = 1 << (i % 64);
        let new = *word & bit == 0;
        *word |= bit;
        new
    }

    pub(crate) fn contains(&self, actor: ActorId) -> bool {
        let i = actor.0 as usize;
        self.0
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }
}

/// Where a workspace catalog defines an actor: its file and the zero-based line of its `"id"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: usize,
}

/// A workspace catalog entry's name or alias that another actor is called too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash<'e> {
    pub origin: &'e Origin,
    pub spelling: String,
    pub actor: &'e str,
    pub other: String,
}

impl std::fmt::Display for Clash<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "“{}” of {} is also what {} is called: its mentions become ambiguous between the \
             two; give {} another alias or leave this one out",
            self.spelling, self.actor, self.other, self.actor
        )
    }
}

/// A catalog file that could not be read, with the place of the error.
pub type CatalogError = crate::located::LocatedError;

#[derive(Clone, Debug, Default)]
pub struct Catalog {
    actors: Vec<Actor>,
    origins: Vec<Option<Origin>>,
    /// Looked up for every actor as the catalog is built and extended: hashed by Fx, not by
    /// SipHash, whose resistance to chosen keys a catalog's own ids do not need.
    by_id: FxHashMap<String, ActorId>,
}

impl Catalog {
    pub fn actors(&self) -> impl ExactSizeIterator<Item = (ActorId, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (ActorId(i as u32), a))
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    pub fn get(&self, id: ActorId) -> &Actor {
        &self.actors[id.0 as usize]
    }

    pub fn by_id(&self, id: &str) -> Option<ActorId> {
        self.by_id.get(id).copied()
    }

    /// The workspace catalog entry that defines an actor, if a workspace file does.
    pub fn origin(&self, id: ActorId) -> Option<&Origin> {
        self.origins[id.0 as usize].as_ref()
    }

    /// Adds actors; one with the id of an actor already present replaces it.
    pub fn extend(&mut self, actors: impl IntoIterator<Item = (Actor, Option<Origin>)>) {
        for (actor, origin) in actors {
            match self.by_id.get(&actor.id) {
                Some(&ActorId(i)) => {
                    self.actors[i as usize] = actor;
                    self.origins[i as usize] = origin;
                }
                None => {
                    let id = ActorId(self.actors.len() as u32);
                    self.by_id.insert(actor.id.clone(), id);
                    self.actors.push(actor);
                    self.origins.push(origin);
                }
            }
        }
    }

    /// Parses one catalog file's text. `path` names it in errors and origins.
    pub fn parse_file(
        path: &Path,
        text: &str,
    ) -> Result<Vec<(Actor, Option<Origin>)>, CatalogError> {
        let actors = Self::parse_actors(path, text)?;
        let lines = id_lines(text);
        let located = actors.into_iter().map(|actor| {
            let origin = lines.get(actor.id.as_str()).map(|&line| Origin {
                path: path.to_owned(),
                line,
            });
            (actor, origin)
        });
        Ok(located.collect())
    }

    /// [`Catalog::parse_file`] without the origins: the embedded catalog, read at every run, has
    /// none, and finding the line of every id took a third of reading it.
    fn parse_actors(path: &Path, text: &str) -> Result<Vec<Actor>, CatalogError> {
        let file: model::CatalogFile = serde_json::from_str(text).map_err(|e| CatalogError {
            path: path.to_owned(),
            line: e.line().saturating_sub(1),
            column: e.column().saturating_sub(1),
            message: e.to_string(),
        })?;
        for actor in &file.actors {
            if let Err(message) = actor.validate() {
                return Err(CatalogError {
                    path: path.to_owned(),
                    line: id_lines(text).get(actor.id.as_str()).copied().unwrap_or(0),
                    column: 0,
                    message,
                });
            }
        }
        Ok(file.actors)
    }

    /// The names and aliases of workspace `entries` that another actor of this catalog (the
    /// default one, or one of another file) is also called: such a spelling would name either,
    /// and the entry's card would take the other's mentions. Each comes with the entry's origin,
    /// so that it is reported where it is defined. An entry that replaces an actor by its id
    /// clashes with nothing it replaces.
    pub fn clashes<'e>(&self, entries: &'e [(Actor, Option<Origin>)]) -> Vec<Clash<'e>> {
        let spellings = |a: &'e Actor| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| n.strip_prefix("the ").unwrap_or(n))
        };
        let mut named: HashMap<&str, Vec<ActorId>> = HashMap::new();
        for (id, actor) in self.actors() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let name = name.strip_prefix("the ").unwrap_or(name);
                named.entry(name).or_default().push(id);
            }
        }
        let mut out = Vec::new();
        for (actor, origin) in entries {
            let Some(origin) = origin else { continue };
            for spelling in spellings(actor) {
                let other = named.get(spelling).into_iter().flatten().find(|&&id| {
                    let a = self.get(id);
                    a.id != actor.id && self.origin(id).is_none_or(|o| o != origin)
                });
                if let Some(&other) = other {
                    out.push(Clash {
                        origin,
                        spelling: spelling.to_owned(),
                        actor: &actor.name,
                        other: self.get(other).name.clone(),
                    });
                }
            }
        }
        out
    }

    /// A display name for a role's organisation: a catalog id becomes that actor's name.
    pub fn organization_name<'a>(&'a self, organization: &'a str) -> &'a str {
        self.by_id(organization)
            .map(|id| self.get(id).name.as_str())
            .unwrap_or(organization)
    }
}

/// For each id, the zero-based line on which `"id": "<id>"` first appears (as an entry's first
/// key, or alone on its line).
fn id_lines(text: &str) -> FxHashMap<&str, usize> {
    let mut lines = FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        let value = line
            .trim_start()
            .trim_start_matches('{')
            .trim_start()
            .strip_prefix("\"id\"")
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .and_then(|rest| rest.trim_start().strip_prefix('"'))
            .and_then(|rest| rest.split_once('"'))
            .map(|(id, _)| id);
        if let Some(id) = value {
            lines.entry(id).or_insert(n);
        }
    }
    lines
}

impl Actor {
    /// The role that held on `date`, else (no date, or none held then) the latest role.
    pub fn role_at(&self, date: Option<Date>) -> Option<&Role> {
        date.and_then(|date| self.roles.iter().rev().find(|r| r.held_on(date)))
            .or_else(|| self.latest_role())
    }

    /// The role that began last.
    pub fn latest_role(&self) -> Option<&Role> {
        self.roles.iter().max_by_key(|r| r.from.map(Date::earliest))
    }
}

#[cfg(test)]
mod tests;
