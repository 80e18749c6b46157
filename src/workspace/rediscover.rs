//! The people the articles introduce, found again after an index or a save: from a snapshot
//! of the articles, with no lock held, the result swapped in at the end with what changed
//! meanwhile brought in, so that no question waits behind a pass over every article.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Held, Workspace};
use crate::annotations::Annotation;
use crate::article::Article;
use crate::catalog::Catalog;
use crate::discovery;
use crate::mentions::Matcher;

impl Workspace {
    /// Makes the people that articles introduce with a role, and no catalog knows, actors of
    /// the workspace (their role as written, the first introduction by path), analysing again
    /// the articles that spell their names; returns whether they changed. The editor does the
    /// same in three steps so that the work is done with no lock held: [`Workspace::snapshot`],
    /// [`Snapshot::rediscover`], [`Workspace::adopt`].
    pub fn refresh_discovered(&mut self) -> bool {
        match self.snapshot().rediscover() {
            Some(found) => self.adopt(found).is_some(),
            None => false,
        }
    }

    /// The articles and catalog as they stand, shared, not copied: cheap enough to take under
    /// a lock, and all that finding the people they introduce needs.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            base: Arc::clone(&self.base),
            catalog: Arc::clone(&self.catalog),
            slots: self.articles.clone(),
            annotations: Arc::clone(&self.annotations),
        }
    }

    /// Takes the place of this workspace with one that [`Snapshot::rediscover`] made, bringing
    /// in the articles changed, added or removed since its snapshot (analysed here again, with
    /// its automaton: few, as the snapshot was taken moments ago). Returns the workspace it
    /// replaced, for the caller to let go of outside any lock; or `None`, leaving this one as it
    /// is, when the catalog files changed meanwhile (which finds the people again anyway).
    pub fn adopt(&mut self, found: Rediscovered) -> Option<Workspace> {
        if !Arc::ptr_eq(&self.base, &found.workspace.base) {
            return None;
        }
        let mut next = found.workspace;
        // Annotations taken meanwhile analysed their articles again here: so they are there.
        next.annotations = Arc::clone(&self.annotations);
        // Slot by slot (no slot is ever dropped, only emptied or reused): a pointer comparison
        // each, as this runs under the write lock.
        for (i, now) in self.articles.iter().enumerate() {
            let then = found.from.get(i).and_then(Option::as_ref);
            if let (Some(then), Some(now)) = (then, now) {
                if Arc::ptr_eq(then, now) {
                    continue;
                }
            }
            if let Some(then) = then.map(|h| &h.article.path) {
                if !self.by_path.contains_key(then) {
                    next.remove(then);
                }
            }
            if let Some(now) = now {
                next.update(now.article.path.clone(), now.article.text.clone());
            }
        }
        Some(std::mem::replace(self, next))
    }
}

/// A workspace's articles and catalog at one moment ([`Workspace::snapshot`]).
pub struct Snapshot {
    base: Arc<Catalog>,
    catalog: Arc<Catalog>,
    /// The workspace's article slots, as they were.
    slots: Vec<Option<Arc<Held>>>,
    annotations: Arc<HashMap<PathBuf, Vec<Annotation>>>,
}

/// A workspace whose actors are the people a snapshot's articles introduce, made to take the
/// place of the one the snapshot was taken of ([`Workspace::adopt`]).
pub struct Rediscovered {
    workspace: Workspace,
    /// The snapshot's articles, to tell which changed since.
    from: Vec<Option<Arc<Held>>>,
}

impl Snapshot {
    /// Finds the people the articles introduce (reading only the articles whose text is new
    /// since the last time) and, when they are not the people the workspace knows, makes the
    /// workspace that knows them: the articles that spell a name of theirs, or of those it
    /// knew, analysed again; the others, whose mentions cannot change, shared as they are.
    /// Slow on a large workspace, and needs no lock: call it with none held.
    pub fn rediscover(self) -> Option<Rediscovered> {
        use rayon::prelude::*;
        let held: Vec<&Arc<Held>> = self.slots.iter().flatten().collect();
        held.par_iter().for_each(|held| {
            held.introduced
                .get_or_init(|| discovery::introductions(&self.catalog, &held.article));
        });
        let people = discovery::actors(
            &self.base,
            held.iter().map(|held| {
                let introduced = held.introduced.get().map_or(&[][..], Vec::as_slice);
                (held.article.path.as_path(), introduced)
            }),
        );
        let known: Vec<_> = self
            .catalog
            .actors()
            .filter(|(_, a)| a.discovered)
            .map(|(_, a)| a.clone())
            .collect();
        if known
            .iter()
            .map(|a| &a.name)
            .eq(people.iter().map(|a| &a.name))
        {
            return None;
        }
        let mut either = Catalog::default();
        either.extend(
            known
                .into_iter()
                .chain(people.iter().cloned())
                .map(|a| (a, None)),
        );
        let spotter = Matcher::new(&either);
        let mut catalog = (*self.base).clone();
        catalog.extend(people.into_iter().map(|actor| (actor, None)));
        let mut workspace = Workspace::new(catalog);
        workspace.base = Arc::clone(&self.base);
        workspace.annotations = self.annotations;
        let this = &workspace;
        let held = held
            .par_iter()
            .map(|held| {
                let Article { path, text, .. } = &held.article;
                if !spotter.spells_any(text) {
                    return Arc::clone(*held);
                }
                let article = Article::analyze(path.clone(), text.clone(), &this.matcher);
                Arc::new(Held {
                    article: this.identified(article),
                    introduced: held.introduced.clone(),
                })
            })
            .collect();
        workspace.insert_held(held);
        Some(Rediscovered {
            workspace,
            from: self.slots,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::tests::workspace;
    use super::*;
    use crate::catalog::{default_catalog, ActorId};

    #[test]
    fn people_introduced_with_a_role_become_actors_of_the_workspace() {
        let mut ws = workspace(&[
            (
                "a.md",
                "Former Lebanese minister of finance, Karim Haddad, says the plan failed.\n",
            ),
            ("b.md", "Karim Haddad repeated his warning on Monday.\n"),
        ]);
        assert!(ws.refresh_discovered());
        assert!(!ws.refresh_discovered(), "nothing new the second time");
        let haddad = actor(&ws, "Karim Haddad");
        assert!(ws.catalog().get(haddad).discovered);
        assert_eq!(
            ws.catalog().get(haddad).roles[0].title,
            "Former Lebanese minister of finance"
        );
        assert_eq!(ws.mentions_of(haddad).len(), 2);
        let intro = ws.introduction(haddad).unwrap();
        assert_eq!(ws.article(intro.article).path, Path::new("a.md"));
        // Catalog people introduced with a role are not discovered again.
        let mut ws = workspace(&[("a.md", "The UN envoy, Geir Pedersen, said so.\n")]);
        assert!(!ws.refresh_discovered());
    }

    fn haddad() -> Workspace {
        workspace(&[
            (
                "a.md",
                "Former Lebanese minister of finance, Karim Haddad, says the plan failed.\n",
            ),
            ("b.md", "Karim Haddad repeated his warning on Monday.\n"),
            ("c.md", "Nobody is named here.\n"),
        ])
    }

    fn actor(ws: &Workspace, name: &str) -> ActorId {
        ws.catalog()
            .actors()
            .find(|(_, a)| a.name == name)
            .unwrap()
            .0
    }

    #[test]
    fn only_articles_that_spell_a_discovered_name_are_analysed_again() {
        let mut ws = haddad();
        let before: Vec<*const Article> = ["a.md", "b.md", "c.md"]
            .map(|p| ws.get(Path::new(p)).unwrap().1 as *const Article)
            .into();
        let found = ws.snapshot().rediscover().expect("Karim Haddad is new");
        let old = ws.adopt(found).expect("nothing changed meanwhile");
        let after = ["a.md", "b.md", "c.md"].map(|p| ws.get(Path::new(p)).unwrap().1);
        assert!(!std::ptr::eq(after[0], before[0]));
        assert!(!std::ptr::eq(after[1], before[1]));
        assert!(
            std::ptr::eq(after[2], before[2]),
            "shared, not analysed again"
        );
        drop(old);
        assert_eq!(ws.mentions_of(actor(&ws, "Karim Haddad")).len(), 2);
    }

    #[test]
    fn one_person_whichever_apostrophe_the_articles_set() {
        let mut ws = workspace(&[
            (
                "a.md",
                "The mayor of Tripoli, Sami O’Rourke, says the plan failed.\n",
            ),
            ("b.md", "Sami O'Rourke repeated it. O’Rourke left.\n"),
        ]);
        assert!(ws.refresh_discovered());
        assert_eq!(ws.mentions_of(actor(&ws, "Sami O'Rourke")).len(), 3);
    }

    #[test]
    fn edits_made_while_people_are_found_are_kept() {
        let mut ws = haddad();
        let found = ws.snapshot().rediscover().expect("Karim Haddad is new");
        ws.update("b.md".into(), "Karim Haddad and Haddad again.\n".into());
        ws.remove(Path::new("c.md"));
        ws.update("d.md".into(), "Karim Haddad is here too.\n".into());
        assert!(ws.adopt(found).is_some());
        let (_, b) = ws.get(Path::new("b.md")).unwrap();
        assert_eq!(b.text, "Karim Haddad and Haddad again.\n");
        assert!(ws.get(Path::new("c.md")).is_none());
        assert_eq!(ws.len(), 3);
        assert_eq!(ws.mentions_of(actor(&ws, "Karim Haddad")).len(), 1 + 2 + 1);
    }

    #[test]
    fn people_found_before_the_catalog_changed_are_not_taken() {
        let mut ws = haddad();
        let found = ws.snapshot().rediscover().expect("Karim Haddad is new");
        ws.set_catalog(default_catalog());
        let catalog = ws.catalog().len();
        assert!(ws.adopt(found).is_none());
        assert_eq!(ws.catalog().len(), catalog);
    }
}
