//! The embedded catalog's data is checked here, so that a bad entry fails the build's tests
//! rather than a user's hover. What parsing already refuses (unknown keys, missing fields, bad
//! kinds, ids that are not lower-case words, roles that end before they begin) is checked by
//! parsing every file; the tests below check what parsing lets through.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::*;

fn all_actors() -> Vec<Actor> {
    default::files()
        .iter()
        .flat_map(|(name, text)| {
            Catalog::parse_file(Path::new(name), text)
                .unwrap_or_else(|e| panic!("{e}"))
                .into_iter()
                .map(|(actor, _)| actor)
        })
        .collect()
}

#[test]
fn every_file_parses_and_entries_are_valid() {
    let actors = all_actors();
    assert!(actors.len() >= 50, "only {} actors", actors.len());
    for (name, text) in default::files() {
        let kind = name.trim_end_matches(".json");
        for (actor, _) in Catalog::parse_file(Path::new(name), text).unwrap() {
            let expected = match kind {
                "people" => ActorKind::Person,
                "organizations" => ActorKind::Organization,
                "states" => ActorKind::State,
                "places" | "capitals" => ActorKind::Place,
                "instruments" => ActorKind::Instrument,
                _ => ActorKind::Outlet,
            };
            assert_eq!(actor.kind, expected, "{} is in {name}", actor.id);
            assert!(
                !actor.description.is_empty(),
                "{} has no description",
                actor.id
            );
        }
    }
}

/// The raw values of every file, where the typed model has forgotten how a value was written.
fn raw_actors() -> Vec<(String, serde_json::Value)> {
    default::files()
        .iter()
        .flat_map(|(name, text)| {
            let file: serde_json::Value = serde_json::from_str(text).unwrap();
            let actors = file["actors"].as_array().cloned().unwrap_or_default();
            actors.into_iter().map(|actor| (name.to_string(), actor))
        })
        .collect()
}

/// A pattern of `schema/catalog.schema.json`, at this JSON pointer, so that the data is held to
/// the schema editors validate against rather than to a copy of it.
fn schema_pattern(pointer: &str) -> regex::Regex {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/catalog.schema.json")).unwrap();
    let pattern = schema
        .pointer(pointer)
        .and_then(|p| p.as_str())
        .unwrap_or_else(|| panic!("no pattern at {pointer} in the schema"));
    regex::Regex::new(pattern).unwrap()
}

#[test]
fn dates_and_wikidata_ids_are_written_as_the_schema_says() {
    // The parser reads "2020-1" and "2020-00" as dates; the schema does not.
    let date = schema_pattern("/$defs/date/pattern");
    let qid = schema_pattern("/$defs/actor/properties/links/properties/wikidata/pattern");
    for (file, actor) in raw_actors() {
        let id = &actor["id"];
        for role in actor["roles"].as_array().into_iter().flatten() {
            for key in ["from", "to"] {
                if let Some(value) = role.get(key) {
                    let value = value.as_str().unwrap_or_default();
                    assert!(date.is_match(value), "{file}: {id}: {key} date {value:?}");
                }
            }
        }
        if let Some(value) = actor["links"].get("wikidata") {
            let value = value.as_str().unwrap_or_default();
            assert!(qid.is_match(value), "{file}: {id}: wikidata id {value:?}");
        }
    }
}

#[test]
fn names_aliases_titles_and_descriptions_are_well_formed() {
    for actor in all_actors() {
        let id = &actor.id;
        let mut aliases = HashSet::new();
        for alias in &actor.aliases {
            assert!(!alias.is_empty(), "{id}: an empty alias");
            assert!(aliases.insert(alias), "{id}: alias {alias:?} listed twice");
        }
        assert!(
            actor.surname.is_none() || actor.kind == ActorKind::Person,
            "{id}: a surname on a {}",
            actor.kind.as_str()
        );
        for shared in &actor.ambiguous {
            assert!(
                *shared == actor.name || actor.aliases.contains(shared),
                "{id}: ambiguous {shared:?} is neither its name nor one of its aliases"
            );
        }
        assert!(
            !actor.description.contains('\n'),
            "{id}: the description is more than one line"
        );
        for role in &actor.roles {
            assert!(
                !role.title.trim().is_empty(),
                "{id}: a role without a title"
            );
        }
        for metonym in &actor.metonyms {
            assert!(
                !metonym.sense.trim().is_empty(),
                "{id}: metonym {:?} without a sense",
                metonym.term
            );
        }
    }
}

#[test]
fn role_organizations_written_as_ids_name_an_actor() {
    let actors = all_actors();
    let ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    // A name ("Syrian Government") has capitals or spaces; an id is lower-case words and hyphens.
    let looks_like_id = |s: &str| {
        !s.is_empty()
            && s.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    };
    for actor in &actors {
        for role in &actor.roles {
            if let Some(organization) = role.organization.as_deref() {
                assert!(
                    !looks_like_id(organization) || ids.contains(organization),
                    "{}: role organization {organization:?} looks like an id but names no actor",
                    actor.id
                );
            }
        }
    }
}

#[test]
fn ids_are_unique() {
    let mut seen = HashSet::new();
    for actor in all_actors() {
        assert!(seen.insert(actor.id.clone()), "duplicate id {}", actor.id);
    }
}

#[test]
fn no_alias_is_claimed_twice_unless_marked_ambiguous() {
    let mut owners: HashMap<String, Vec<(String, bool)>> = HashMap::new();
    for actor in all_actors() {
        let names: HashSet<&String> = std::iter::once(&actor.name).chain(&actor.aliases).collect();
        for name in names {
            let marked = actor.ambiguous.contains(name);
            owners
                .entry(name.clone())
                .or_default()
                .push((actor.id.clone(), marked));
        }
    }
    for (name, claims) in owners {
        if claims.len() > 1 {
            assert!(
                claims.iter().all(|(_, marked)| *marked),
                "{name:?} is claimed by {claims:?} without being marked ambiguous by all"
            );
        }
    }
}

#[test]
fn a_demonym_belongs_to_one_state_and_is_no_name() {
    let actors = all_actors();
    let names: HashSet<&str> = actors
        .iter()
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)))
        .collect();
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for actor in &actors {
        assert!(
            actor.demonyms.is_empty() || actor.kind == ActorKind::State,
            "{}: demonyms on a {}",
            actor.id,
            actor.kind.as_str()
        );
        for demonym in &actor.demonyms {
            assert!(
                !names.contains(demonym.as_str()),
                "{}: demonym {demonym:?} is also a name",
                actor.id
            );
            if let Some(other) = owner.insert(demonym, &actor.id) {
                panic!("demonym {demonym:?} of both {other} and {}", actor.id);
            }
        }
    }
}

#[test]
fn every_un_member_and_observer_state_is_there() {
    let states = all_actors()
        .into_iter()
        .filter(|a| a.kind == ActorKind::State)
        .count();
    // 193 members, and the Holy See and Palestine as observer states.
    assert_eq!(states, 195);
}

#[test]
fn role_dates_are_ordered() {
    for actor in all_actors() {
        for role in &actor.roles {
            if let (Some(from), Some(to)) = (role.from, role.to) {
                assert!(
                    from.earliest() <= to.latest(),
                    "{}: {}",
                    actor.id,
                    role.title
                );
            }
        }
    }
}

#[test]
fn every_metonym_names_a_place_in_the_catalog() {
    let actors = all_actors();
    let places: HashSet<&str> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place)
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)))
        .collect();
    for actor in &actors {
        for metonym in &actor.metonyms {
            assert!(
                places.contains(metonym.term.as_str()) || metonym.term.starts_with("the "),
                "{}: metonym {:?} is not a place in the catalog",
                actor.id,
                metonym.term
            );
        }
    }
}

#[test]
fn workspace_entries_override_by_id_and_keep_their_line() {
    let mut catalog = default_catalog();
    let before = catalog.len();
    let text = r#"{
  "actors": [
    {
      "id": "geir-pedersen",
      "name": "Geir O. Pedersen",
      "kind": "person",
      "roles": [{ "title": "Envoy" }]
    },
    { "id": "layla-nasser", "name": "Layla Nasser", "kind": "person" }
  ]
}"#;
    let entries = Catalog::parse_file(Path::new("extra.json"), text).unwrap();
    catalog.extend(entries);
    assert_eq!(catalog.len(), before + 1);
    let pedersen = catalog.by_id("geir-pedersen").unwrap();
    assert_eq!(catalog.get(pedersen).name, "Geir O. Pedersen");
    assert_eq!(catalog.origin(pedersen).unwrap().line, 3);
    let nasser = catalog.by_id("layla-nasser").unwrap();
    assert_eq!(catalog.origin(nasser).unwrap().line, 8);
}

#[test]
fn errors_carry_line_and_column() {
    let err = Catalog::parse_file(
        Path::new("bad.json"),
        "{\n  \"actors\": [\n    { \"id\": \"x\", \"kind\": \"cat\" }\n  ]\n}",
    )
    .unwrap_err();
    assert_eq!(err.line, 2);
    assert!(err.message.contains("cat"), "{}", err.message);
    let err = Catalog::parse_file(
        Path::new("bad.json"),
        r#"{"actors": [{"id": "x", "name": "X", "kind": "person", "roles": [{"title": "t", "from": "2020", "to": "2019"}]}]}"#,
    )
    .unwrap_err();
    assert!(err.message.contains("ends"), "{}", err.message);
    let err = Catalog::parse_file(
        Path::new("bad.json"),
        r#"{"actors": [{"id": "Bad Id", "name": "X", "kind": "person"}]}"#,
    )
    .unwrap_err();
    assert!(err.message.contains("lower-case"), "{}", err.message);
}

#[test]
fn the_role_at_a_date() {
    let catalog = default_catalog();
    let mekdad = catalog.get(catalog.by_id("faisal-mekdad").unwrap());
    let role = |y, m, d| {
        mekdad
            .role_at(Some(Date::new(y, m, d)))
            .unwrap()
            .title
            .clone()
    };
    assert_eq!(role(2013, 5, 1), "Deputy Foreign Minister of Syria");
    assert_eq!(role(2022, 5, 1), "Foreign Minister of Syria");
    assert_eq!(
        mekdad.role_at(None).unwrap().title,
        "Vice-President of Syria"
    );
}

#[test]
fn a_workspace_name_another_actor_is_called_clashes() {
    let desk = r#"{"actors": [
        {"id": "ahmad-assad", "name": "Ahmad Assad", "kind": "person", "aliases": ["Bashar al-Assad"]},
        {"id": "geir-pedersen", "name": "Geir Pedersen", "kind": "person", "aliases": ["the envoy Pedersen"]},
        {"id": "omar-kayali", "name": "Omar Kayali", "kind": "person"}
    ]}"#;
    let entries = Catalog::parse_file(Path::new("desk.json"), desk).unwrap();
    let mut catalog = default_catalog();
    catalog.extend(entries.clone());
    let clashes = catalog.clashes(&entries);
    // The borrowed alias clashes; an entry that replaces a default actor by its id, and a new
    // name, do not.
    assert_eq!(clashes.len(), 1, "{clashes:?}");
    assert_eq!(clashes[0].spelling, "Bashar al-Assad");
    assert_eq!(clashes[0].actor, "Ahmad Assad");
    assert_eq!(clashes[0].origin.line, 1);
}
