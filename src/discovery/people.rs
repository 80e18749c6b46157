//! The people that a workspace's articles introduce and no catalog file lists, made actors:
//! their role as written is their card, their first introduction (by path) its source.

use std::collections::{BTreeMap, HashSet};
use std::mem::take;
use std::ops::Range;
use std::path::Path;

use super::{introduced, introduced_at, overlaps, Introduced};
use crate::article::Article;
use crate::catalog::{Actor, ActorKind, Catalog, Role};
use crate::mentions::{Matcher, Mention, Spelled};

/// The people `article` introduces with a role, as their names as written and their roles,
/// outside the names of catalog files in `catalog`, the one the article was analysed with.
pub fn introductions(catalog: &Catalog, article: &Article) -> Vec<(String, String)> {
    let known = known(catalog, &article.mentions);
    as_written(&article.text, introduced(&article.text, &known))
}

/// [`introductions`] of `text` as [`Article::analyze`] with `matcher` (of `catalog`) would
/// have it, the catalog's spellings read from `spelled` (of `text`), without the role references of the analysis ("the minister") unless a name
/// introduced holds a role word: they are only ever another known name, so the names found
/// without them are those found with them and more, which they are looked for to rule out.
pub fn introductions_in(
    catalog: &Catalog,
    matcher: &Matcher,
    text: &str,
    spelled: &Spelled,
) -> Vec<(String, String)> {
    let mut mentions = matcher.find_by_name_with(text, spelled);
    let mut found = introduced_at(text, &known(catalog, &mentions), spelled.name_openings());
    let names = found.iter().map(|intro| intro.name.clone());
    if !found.is_empty() && matcher.may_refer_by_role(text, &mentions, names) {
        matcher.add_role_references(text, &mut mentions);
        let known = known(catalog, &mentions);
        found.retain(|intro| !overlaps(&known, &intro.name));
    }
    as_written(text, found)
}

/// Where `mentions` name an actor of the catalog files of `catalog`.
fn known(catalog: &Catalog, mentions: &[Mention]) -> Vec<Range<usize>> {
    mentions
        .iter()
        .filter(|m| {
            m.target
                .candidates()
                .iter()
                .any(|&a| !catalog.get(a).discovered)
        })
        .map(|m| m.range.clone())
        .collect()
}

/// The names of people `found` in `text`, as written but with the typewriter's apostrophe
/// ("O’Malley" is "O'Malley": one person, whichever the article's typography), with their roles.
///
/// In a list of their own length, not in `found`'s block (which `into_iter().collect()` would
/// reuse): `dossier check` keeps every file's until all are read, and that block (64 bytes an
/// entry, grown by doubling, some entries dropped since) was twice the size.
fn as_written(text: &str, mut found: Vec<Introduced>) -> Vec<(String, String)> {
    found
        .iter_mut()
        .map(|intro| {
            (
                text[intro.name.clone()].replace('’', "'"),
                take(&mut intro.role),
            )
        })
        .collect()
}

/// The people introduced in articles ([`introductions`], by article path) that the catalog
/// files (`base`) do not know, as actors, by name: each with the role and file of its first
/// introduction in path order.
pub fn actors<'a>(
    base: &Catalog,
    introduced: impl IntoIterator<Item = (&'a Path, &'a [(String, String)])>,
) -> Vec<Actor> {
    let mut introduced: Vec<_> = introduced.into_iter().collect();
    // Paths compare component by component: each path is cut into its components once, unless
    // they come in order already, as `dossier check`'s do (the components of every path of a
    // large archive, held at once, were a twentieth of its peak memory).
    if !introduced.is_sorted_by(|(a, _), (b, _)| a <= b) {
        introduced.sort_by_cached_key(|&(path, _)| path.components().collect::<Vec<_>>());
    }
    // Asked of every introduction: the catalog's names, gathered once, not read through each time.
    let catalogued: HashSet<&str> = base.actors().map(|(_, a)| a.name.as_str()).collect();
    // Borrowed until the actors are made: most introductions are of a name met before.
    let mut found: BTreeMap<&str, (&str, &Path)> = BTreeMap::new();
    for (path, intros) in introduced {
        for (name, role) in intros.iter().map(|(n, r)| (n.as_str(), r.as_str())) {
            if catalogued.contains(name) {
                continue;
            }
            // The first introduction in path order, but a role over none.
            let entry = found.entry(name).or_insert((role, path));
            if entry.0.is_empty() && !role.is_empty() {
                *entry = (role, path);
            }
        }
    }
    found
        .into_iter()
        .map(|(name, (role, path))| (name.to_owned(), role.to_owned(), file_name(path)))
        .map(|(name, role, file)| Actor {
            id: format!("discovered-{}", slug(&name)),
            description: if role.is_empty() {
                format!("Not in the catalog; named in `{file}`, which gives no role.")
            } else {
                format!("Not in the catalog; introduced in `{file}` as “{role}”.")
            },
            roles: (!role.is_empty())
                .then_some(Role {
                    title: role,
                    organization: None,
                    from: None,
                    to: None,
                })
                .into_iter()
                .collect(),
            name,
            kind: ActorKind::Person,
            aliases: Vec::new(),
            surname: None,
            ambiguous: Vec::new(),
            metonyms: Vec::new(),
            demonyms: Vec::new(),
            links: Default::default(),
            discovered: true,
        })
        .collect()
}

/// How an actor's card names the file that introduces it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    )
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::catalog::default_catalog;

    #[test]
    fn introductions_in_a_text_are_those_of_its_analysis() {
        let catalog = default_catalog();
        let matcher = Matcher::new(&catalog);
        for text in [
            // Role references to a catalog person beside people introduced.
            "Bashar al-Assad spoke. The president met businessman Karim Haddad, and the \
             President, Layla Nasser, said so.\n",
            "UN envoy Geir Pedersen said so. The envoy Samir Haddad, a lawyer, did not.\n",
            "Former Lebanese minister of finance, Karim Haddad, says the plan failed.\n",
            "Nobody is named here.\n",
        ] {
            let article = Article::analyze(PathBuf::from("a.md"), text.into(), &matcher);
            assert_eq!(
                introductions_in(&catalog, &matcher, text, &matcher.spelled(text)),
                introductions(&catalog, &article),
                "{text}"
            );
        }
    }
}
