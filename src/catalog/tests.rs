//! The embedded catalog's data is checked here, so that a bad entry fails the build's tests
//! rather than a user's hover.

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
                "places" => ActorKind::Place,
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
