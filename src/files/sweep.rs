//! `dossier check`'s way through a workspace: each file read once, no article kept. The first
//! reading finds the people the articles introduce ([`discovery::introductions_in`]: from the
//! mentions by name alone) and keeps them, with the text and the catalog's spellings in it
//! ([`Matcher::spelled`]) while they fit in [`KEPT`] bytes; the second analyses each article
//! with the people as actors (the catalog's automaton kept, theirs added beside it and alone
//! walked over a kept text; a file past the budget read and walked again), finding the mentions
//! that name them, which are all the rules read ([`Article::by_name_with`]), hands it to the
//! caller with the matcher (for one that wants the rest), and lets it go. What the caller makes
//! of the articles comes back in the order of the paths as soon as the files before are done,
//! so that memory holds at most the budget and the few articles being analysed, never the
//! workspace or its report, however large the archive.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::parallel::{in_order, read_ahead};
use super::{read_article, read_each, Loaded, Skip};
use crate::article::Article;
use crate::catalog::Catalog;
use crate::discovery;
use crate::mentions::{Matcher, Spelled};

/// How many bytes of texts and their catalog spellings the first reading keeps for the second.
/// An archive of 10,000 news articles (60 MB of text, some 100 MB kept) is read once; past the
/// budget a file is read again, as every file once was, and memory stays flat: a few hundred
/// megabytes are a small share of any machine that checks archives that large.
const KEPT: usize = 256 << 20;

/// One file as a sweep hands it on.
pub enum Swept<T> {
    /// What the caller made of the article, and whether the file was not valid UTF-8 and was
    /// decoded with replacement characters.
    Checked { made: T, lossy: bool },
    /// The file was not read, with the reason.
    Skipped(Skip),
}

/// Reads the files at `paths` (those over `limit` bytes are skipped) and finds the people they
/// introduce, with `matcher` (built from `catalog`); then gives each, its mentions by name
/// found with the catalog those people extend, to `each` with that catalog and its matcher, and
/// what it made to `done` with the file's path, in the order of `paths`.
pub fn sweep<T: Send>(
    catalog: Catalog,
    matcher: &Matcher,
    paths: &[PathBuf],
    limit: u64,
    each: impl Fn(&Catalog, &Matcher, &Article) -> T + Sync,
    done: impl FnMut(&Path, Swept<T>) + Send,
) {
    sweep_keeping(KEPT, catalog, matcher, paths, limit, each, done);
}

/// What the first reading of a file leaves the second.
enum Kept {
    /// The text, and the catalog's spellings in it.
    Read(Loaded, Spelled),
    /// Nothing: over the budget, or handed on already.
    Again,
    Skipped(Skip),
}

/// [`sweep`], keeping at most `budget` bytes between the readings.
fn sweep_keeping<T: Send>(
    budget: usize,
    mut catalog: Catalog,
    matcher: &Matcher,
    paths: &[PathBuf],
    limit: u64,
    each: impl Fn(&Catalog, &Matcher, &Article) -> T + Sync,
    mut done: impl FnMut(&Path, Swept<T>) + Send,
) {
    let kept_bytes = AtomicUsize::new(0);
    let (introduced, kept): (Vec<_>, Vec<_>) = read_each(paths, limit, |_, loaded| {
        let spelled = matcher.spelled(&loaded.text);
        let introduced = discovery::introductions_in(&catalog, matcher, &loaded.text, &spelled);
        let size = loaded.text.capacity() + spelled.size();
        let fits = kept_bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |kept| {
                (kept + size <= budget).then_some(kept + size)
            })
            .is_ok();
        let kept = match fits {
            true => Kept::Read(loaded, spelled),
            false => Kept::Again,
        };
        (introduced, kept)
    })
    .into_iter()
    .map(|read| match read {
        Ok((introduced, kept)) => (introduced, Mutex::new(kept)),
        Err(skip) => (Vec::new(), Mutex::new(Kept::Skipped(skip))),
    })
    .unzip();
    let people = discovery::actors(
        &catalog,
        paths
            .iter()
            .zip(&introduced)
            .map(|(path, intros)| (path.as_path(), intros.as_slice())),
    );
    drop(introduced);
    let extended;
    let matcher = if people.is_empty() {
        matcher
    } else {
        // The catalog's automaton is not built again, unless a person takes the place of an
        // actor of the catalog files that bears the same id (and then the spellings kept are
        // found again: they are the other automaton's).
        let replaces = people.iter().any(|p| catalog.by_id(&p.id).is_some());
        catalog.extend(people.into_iter().map(|actor| (actor, None)));
        extended = match replaces {
            false => matcher.with_added(&catalog),
            true => Matcher::new(&catalog),
        };
        &extended
    };
    in_order(
        paths.len(),
        // (Most texts are kept: only those past the budget are read again.)
        |i| {
            if matches!(
                *kept[i].lock().unwrap_or_else(|e| e.into_inner()),
                Kept::Again
            ) {
                read_ahead(&paths[i]);
            }
        },
        |i| {
            let path = paths[i].to_owned();
            let kept = std::mem::replace(
                &mut *kept[i].lock().unwrap_or_else(|e| e.into_inner()),
                Kept::Again,
            );
            let (article, lossy) = match kept {
                Kept::Read(loaded, spelled) => (
                    Article::by_name_with(path, loaded.text, matcher, &spelled),
                    loaded.lossy,
                ),
                Kept::Again => {
                    let loaded = read_article(&path, limit)?;
                    let spelled = matcher.spelled(&loaded.text);
                    let article = Article::by_name_with(path, loaded.text, matcher, &spelled);
                    (article, loaded.lossy)
                }
                Kept::Skipped(skip) => return Err(skip),
            };
            Ok((each(&catalog, matcher, &article), lossy))
        },
        |i, result| {
            let swept = match result {
                Ok((made, lossy)) => Swept::Checked { made, lossy },
                Err(skip) => Swept::Skipped(skip),
            };
            done(&paths[i], swept);
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::diagnostics::diagnostics;
    use crate::catalog::default_catalog;
    use crate::config::{ArticleFilter, DEFAULT_MAX_FILE_SIZE};
    use crate::files::{discover, load};
    use crate::rules::{Finding, RuleSettings};
    use crate::workspace::Workspace;

    /// What a sweep hands on, in order; panics on a file it skipped.
    fn swept<T: Send>(
        paths: &[PathBuf],
        limit: u64,
        each: impl Fn(&Catalog, &Matcher, &Article) -> T + Sync,
    ) -> Vec<(PathBuf, T)> {
        swept_keeping(KEPT, paths, limit, each)
    }

    /// [`swept`], keeping at most `budget` bytes between the readings.
    fn swept_keeping<T: Send>(
        budget: usize,
        paths: &[PathBuf],
        limit: u64,
        each: impl Fn(&Catalog, &Matcher, &Article) -> T + Sync,
    ) -> Vec<(PathBuf, T)> {
        let catalog = default_catalog();
        let matcher = Matcher::new(&catalog);
        let mut out = Vec::new();
        sweep_keeping(
            budget,
            catalog,
            &matcher,
            paths,
            limit,
            each,
            |path, swept| match swept {
                Swept::Checked { made, .. } => out.push((path.to_owned(), made)),
                Swept::Skipped(skip) => panic!("{}: {skip}", path.display()),
            },
        );
        out
    }

    /// The findings of every article of a folder, as the editor's workspace has them (every
    /// article kept, discovery run over the index) and as a sweep makes them, with every text
    /// kept between its readings, with a few, and with every file read again.
    fn every_way(folder: &Path) -> [Vec<(PathBuf, Vec<Finding>)>; 4] {
        let paths = discover(folder, &ArticleFilter::default());
        let rules = RuleSettings::default();
        let mut ws = Workspace::new(default_catalog());
        ws.insert_all(load(&paths, DEFAULT_MAX_FILE_SIZE, &ws.matcher()).articles);
        ws.refresh_discovered();
        let kept = paths
            .iter()
            .map(|p| {
                let findings = diagnostics(ws.catalog(), ws.get(p).unwrap().1, &rules);
                (p.clone(), findings)
            })
            .collect();
        let sweep = |budget| {
            swept_keeping(budget, &paths, DEFAULT_MAX_FILE_SIZE, |c, _, a| {
                diagnostics(c, a, &rules)
            })
        };
        [kept, sweep(KEPT), sweep(8000), sweep(0)]
    }

    #[test]
    fn a_sweep_finds_what_the_workspace_finds() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in ["fixtures", "tests/corpus/attribution"] {
            let [kept, swept, some_read_again, read_again] = every_way(&root.join(folder));
            assert!(kept.len() > 5, "{folder}");
            assert_eq!(kept, swept, "{folder}");
            assert_eq!(kept, some_read_again, "{folder}");
            assert_eq!(kept, read_again, "{folder}");
        }
    }

    /// The actors each of `texts`, swept together, names, in order.
    fn named(texts: &[(&str, &str)]) -> Vec<Vec<String>> {
        let dir = tempfile::tempdir().unwrap();
        let paths = crate::files::write_files(dir.path(), texts);
        swept(&paths, 1000, |catalog, _, article| {
            article
                .mentions
                .iter()
                .filter_map(|m| m.target.actor())
                .map(|id| catalog.get(id).name.clone())
                .collect::<Vec<_>>()
        })
        .into_iter()
        .map(|(_, n)| n)
        .collect()
    }

    #[test]
    fn a_person_one_article_introduces_is_an_actor_in_every_article() {
        let named = named(&[
            (
                "a.md",
                "Businessman Karim Haddad, a former minister, says so.",
            ),
            ("b.md", "Karim Haddad denied it on Sunday. Haddad left."),
            // Another article's Haddad is no reason to read this one's as him.
            ("c.md", "Haddad, the coach, resigned."),
        ]);
        assert_eq!(named[0], ["Karim Haddad"]);
        assert_eq!(named[1], ["Karim Haddad", "Karim Haddad"]);
        assert!(named[2].is_empty());
    }

    #[test]
    fn a_surname_is_the_catalog_persons_unless_the_article_names_another() {
        let named = named(&[
            (
                "a.md",
                "Peter Pedersen, a Danish fisherman, says the catch was poor.",
            ),
            ("b.md", "Pedersen said the talks in Geneva would resume."),
        ]);
        assert_eq!(named[0], ["Peter Pedersen"]);
        assert_eq!(named[1], ["Geir Pedersen", "Geneva"]);
    }

    #[test]
    fn results_come_in_the_order_of_the_paths_whatever_order_they_finish_in() {
        let dir = tempfile::tempdir().unwrap();
        // Far more files than readers and than the readers may run ahead, the first ones the
        // longest to analyse.
        let texts: Vec<(String, String)> = (0..300)
            .map(|i| {
                let words = if i < 20 { 4000 } else { 10 };
                (format!("{i:03}.md"), "Observers say so. ".repeat(words))
            })
            .collect();
        let texts: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (&p[..], &t[..])).collect();
        let paths = crate::files::write_files(dir.path(), &texts);
        let order: Vec<PathBuf> = swept(&paths, 1 << 20, |_, _, a| a.path.clone())
            .into_iter()
            .map(|(path, made)| {
                assert_eq!(path, made);
                path
            })
            .collect();
        assert_eq!(order, paths);
    }
}
