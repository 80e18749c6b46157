//! Writing a discovered person into the workspace catalog: the entry, and where it goes in the
//! catalog file (and `dossier.json`, which must name that file). The language server turns the
//! plan into one workspace edit that the editor applies; nothing here touches the disk.

use std::ops::Range;

use crate::catalog::Actor;

/// What to do to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// Create the file with this text.
    Create(String),
    /// Insert text at a byte offset of the existing file.
    Insert(usize, String),
}

/// The entry a discovered actor gets: its name, kind and the role the text gives, under an id
/// made from its name. No description: the card's ("introduced in … as …") says where the
/// person was found, which is no longer true once the catalog holds them, and only the user
/// knows who they are.
pub fn entry(actor: &Actor) -> Actor {
    let mut entry = actor.clone();
    entry.id = actor.id.trim_start_matches("discovered-").to_owned();
    entry.description.clear();
    entry.discovered = false;
    entry
}

fn pretty(actor: &Actor, indent: &str) -> String {
    let json = serde_json::to_string_pretty(actor).unwrap_or_default();
    json.lines()
        .map(|l| format!("{indent}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The change to a catalog file (its text if it exists) that adds `actor` as the first entry.
/// `None` when the existing text has no `"actors": [` to insert into.
pub fn catalog_change(existing: Option<&str>, actor: &Actor) -> Option<FileChange> {
    let Some(text) = existing else {
        let body = format!("{{\n  \"actors\": [\n{}\n  ]\n}}\n", pretty(actor, "    "));
        return Some(FileChange::Create(body));
    };
    let key = text.find("\"actors\"")?;
    let open = key + text[key..].find('[')?;
    let after = &text[open + 1..];
    let empty = after.trim_start().starts_with(']');
    let entry = pretty(actor, "    ");
    let insert = if empty {
        format!("\n{entry}\n  ")
    } else {
        format!("\n{entry},")
    };
    Some(FileChange::Insert(open + 1, insert))
}

/// The change to `dossier.json` (its text if it exists) so that it names `catalog`; `None`
/// when it already does (or cannot be read as an object).
pub fn config_change(existing: Option<&str>, catalog: &str) -> Option<FileChange> {
    let quoted = serde_json::to_string(catalog).ok()?;
    let Some(text) = existing else {
        return Some(FileChange::Create(format!(
            "{{\n  \"catalogs\": [{quoted}]\n}}\n"
        )));
    };
    if text.contains(&quoted) {
        return None;
    }
    if let Some(key) = text.find("\"catalogs\"") {
        let open = key + text[key..].find('[')?;
        let empty = text[open + 1..].trim_start().starts_with(']');
        let insert = if empty { quoted } else { format!("{quoted}, ") };
        return Some(FileChange::Insert(open + 1, insert));
    }
    let open = text.find('{')?;
    let rest_empty = text[open + 1..].trim_start().starts_with('}');
    let insert = if rest_empty {
        format!("\n  \"catalogs\": [{quoted}]\n")
    } else {
        format!("\n  \"catalogs\": [{quoted}],")
    };
    Some(FileChange::Insert(open + 1, insert))
}

/// Applies a change to a text (for tests and previews).
pub fn apply(existing: &str, change: &FileChange) -> String {
    match change {
        FileChange::Create(text) => text.clone(),
        FileChange::Insert(at, text) => {
            let mut out = existing.to_owned();
            out.insert_str(*at, text);
            out
        }
    }
}

/// The byte range a change covers in the existing text (an insertion point).
pub fn range(change: &FileChange) -> Range<usize> {
    match change {
        FileChange::Create(_) => 0..0,
        FileChange::Insert(at, _) => *at..*at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Role};
    use std::path::Path;

    fn discovered() -> Actor {
        Actor {
            id: "discovered-karim-haddad".into(),
            name: "Karim Haddad".into(),
            kind: crate::catalog::ActorKind::Person,
            aliases: vec![],
            surname: None,
            ambiguous: vec![],
            description: "Not in the catalog; introduced in `a.md` as “businessman”.".into(),
            roles: vec![Role {
                title: "businessman".into(),
                organization: None,
                from: None,
                to: None,
            }],
            metonyms: vec![],
            demonyms: vec![],
            links: Default::default(),
            discovered: true,
        }
    }

    #[test]
    fn a_new_catalog_and_config_are_created() {
        let actor = entry(&discovered());
        let Some(FileChange::Create(text)) = catalog_change(None, &actor) else {
            panic!()
        };
        let parsed = Catalog::parse_file(Path::new("catalog.json"), &text).unwrap();
        assert_eq!(parsed[0].0.id, "karim-haddad");
        assert_eq!(parsed[0].0.roles[0].title, "businessman");
        assert_eq!(parsed[0].0.description, "");
        let Some(FileChange::Create(config)) = config_change(None, "catalog.json") else {
            panic!()
        };
        let config = crate::config::Config::parse(Path::new("dossier.json"), &config).unwrap();
        assert_eq!(config.catalogs, vec!["catalog.json"]);
    }

    #[test]
    fn existing_files_get_an_insertion_and_stay_valid() {
        let actor = entry(&discovered());
        for existing in [
            "{\"actors\": []}",
            "{\n  \"actors\": [\n    {\"id\": \"x\", \"name\": \"X Y\", \"kind\": \"person\"}\n  ]\n}\n",
        ] {
            let change = catalog_change(Some(existing), &actor).unwrap();
            let text = apply(existing, &change);
            let parsed = Catalog::parse_file(Path::new("c.json"), &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(parsed[0].0.name, "Karim Haddad");
        }
        for (existing, names) in [
            ("{}", true),
            ("{ \"rules\": {} }", true),
            ("{\"catalogs\": []}", true),
            ("{\"catalogs\": [\"other.json\"]}", true),
            ("{\"catalogs\": [\"catalog.json\"]}", false),
        ] {
            match config_change(Some(existing), "catalog.json") {
                Some(change) => {
                    let text = apply(existing, &change);
                    let config = crate::config::Config::parse(Path::new("dossier.json"), &text)
                        .unwrap_or_else(|e| panic!("{e}\n{text}"));
                    assert!(config.catalogs.contains(&"catalog.json".to_owned()));
                }
                None => assert!(!names, "{existing}"),
            }
        }
    }
}
