//! `dossier check`'s way through a workspace: each article read, analysed and handed to the
//! caller once, while its text is fresh in the cache, then let go — no article is kept and no
//! index is built across them. What one article changes in another, the people it introduces
//! ([`discovery`]), is settled afterwards: the files are read once more, and the articles that
//! spell one of their names are analysed with them as actors and handed over again.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use super::{read_each, Skip};
use crate::article::Article;
use crate::catalog::Catalog;
use crate::discovery;
use crate::mentions::Matcher;

/// What a sweep made of a workspace's files.
pub struct Swept<T> {
    /// What the caller made of each article, in the order of the paths given.
    pub results: Vec<(PathBuf, T)>,
    /// Articles that were not valid UTF-8 and were decoded with replacement characters.
    pub lossy: Vec<PathBuf>,
    /// Files that were not read, with the reason.
    pub skipped: Vec<(PathBuf, Skip)>,
}

/// Reads the files at `paths` (those over `limit` bytes are skipped), analyses each with
/// `matcher` (built from `catalog`), works out `of_text` (what depends on its text alone) and
/// gives both to `each` with the catalog its mentions are of: the catalog extended with the
/// people the articles introduce, for the articles that name one of them. An article handed
/// over again keeps what `of_text` made of it the first time.
pub fn sweep<A: Send + Sync, T: Send>(
    mut catalog: Catalog,
    matcher: &Matcher,
    paths: &[PathBuf],
    limit: u64,
    of_text: impl Fn(&Article) -> A + Sync,
    each: impl Fn(&Catalog, &Article, &A) -> T + Sync,
) -> Swept<T> {
    let first = read_each(paths, limit, |path, loaded| {
        let article = Article::analyze(path.to_owned(), loaded.text, matcher);
        let introduced = discovery::introductions(&catalog, &article);
        let text = (fingerprint(&article.text), of_text(&article));
        (
            each(&catalog, &article, &text.1),
            text,
            introduced,
            loaded.lossy,
        )
    });
    let mut made = Vec::with_capacity(paths.len());
    let mut texts = Vec::with_capacity(paths.len());
    let mut introduced: Vec<(&Path, _)> = Vec::new();
    let mut lossy = Vec::new();
    for (path, result) in paths.iter().zip(first) {
        made.push(result.map(|(made, text, intros, was_lossy)| {
            introduced.push((path, intros));
            texts.push(Some(text));
            if was_lossy {
                lossy.push(path.clone());
            }
            made
        }));
        if made.last().is_some_and(Result::is_err) {
            texts.push(None);
        }
    }
    let people = discovery::actors(
        &catalog,
        introduced
            .iter()
            .map(|(path, intros)| (*path, intros.as_slice())),
    );
    if !people.is_empty() {
        // An article that spells none of their names has the same mentions with them as
        // actors, and so the same findings: only the others are analysed again.
        let mut theirs = Catalog::default();
        theirs.extend(people.iter().cloned().map(|actor| (actor, None)));
        let spotter = Matcher::new(&theirs);
        catalog.extend(people.into_iter().map(|actor| (actor, None)));
        let matcher = Matcher::new(&catalog);
        let index: FxHashMap<&Path, usize> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_path(), i))
            .collect();
        let again = read_each(paths, limit, |path, loaded| {
            spotter.spells_any(&loaded.text).then(|| {
                let article = Article::analyze(path.to_owned(), loaded.text, &matcher);
                // What the text alone gives is the first reading's, unless the file changed.
                let kept = texts[index[path]]
                    .as_ref()
                    .filter(|(print, _)| *print == fingerprint(&article.text));
                match kept {
                    Some((_, text)) => each(&catalog, &article, text),
                    None => each(&catalog, &article, &of_text(&article)),
                }
            })
        });
        for (slot, redone) in made.iter_mut().zip(again) {
            // A file gone or changed unreadable since keeps what its first reading made.
            if let (Ok(slot), Ok(Some(redone))) = (slot, redone) {
                *slot = redone;
            }
        }
    }
    let mut swept = Swept {
        results: Vec::with_capacity(made.len()),
        lossy,
        skipped: Vec::new(),
    };
    for (path, made) in paths.iter().zip(made) {
        match made {
            Ok(made) => swept.results.push((path.clone(), made)),
            Err(skip) => swept.skipped.push((path.clone(), skip)),
        }
    }
    swept
}

/// A file's text, told from another by its length and hash.
fn fingerprint(text: &str) -> (usize, u64) {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hash = BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text);
    (text.len(), hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::diagnostics::{diagnostics, with_text_findings};
    use crate::catalog::default_catalog;
    use crate::config::{ArticleFilter, DEFAULT_MAX_FILE_SIZE};
    use crate::files::{discover, load};
    use crate::rules::{Finding, RuleSettings};
    use crate::workspace::Workspace;

    /// The findings of every article of a folder, as the editor's workspace has them (every
    /// article kept, discovery run over the index) and as a sweep makes them.
    fn both_ways(folder: &Path) -> [Vec<(PathBuf, Vec<Finding>)>; 2] {
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
        let catalog = default_catalog();
        let matcher = Matcher::new(&catalog);
        let of_text = |a: &Article| crate::answers::diagnostics::text_findings(a, &rules);
        let swept = sweep(
            catalog,
            &matcher,
            &paths,
            DEFAULT_MAX_FILE_SIZE,
            of_text,
            |c, a, text| with_text_findings(c, a, &rules, text.clone()),
        );
        [kept, swept.results]
    }

    #[test]
    fn a_sweep_finds_what_the_workspace_finds() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in ["fixtures", "tests/corpus/attribution"] {
            let [kept, swept] = both_ways(&root.join(folder));
            assert!(kept.len() > 5, "{folder}");
            assert_eq!(kept, swept, "{folder}");
        }
    }

    #[test]
    fn only_articles_that_spell_a_discovered_name_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            (
                "a.md",
                "Businessman Karim Haddad, a former minister, says so.",
            ),
            ("b.md", "Haddad denied it on Sunday."),
            ("c.md", "Nobody else is named here."),
        ];
        let paths = crate::files::write_files(dir.path(), &texts);
        let catalog = default_catalog();
        let matcher = Matcher::new(&catalog);
        let seen = std::sync::Mutex::new(Vec::new());
        let swept = sweep(
            catalog,
            &matcher,
            &paths,
            1000,
            |_| (),
            |catalog, article, ()| {
                let name = article
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                seen.lock().unwrap().push(name);
                article
                    .mentions
                    .iter()
                    .filter_map(|m| m.target.actor())
                    .map(|id| catalog.get(id).name.clone())
                    .collect::<Vec<_>>()
            },
        );
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen, ["a.md", "a.md", "b.md", "b.md", "c.md"]);
        let named: Vec<Vec<String>> = swept.results.into_iter().map(|(_, n)| n).collect();
        assert_eq!(named[..2], [vec!["Karim Haddad"], vec!["Karim Haddad"]]);
        assert!(named[2].is_empty());
    }
}
