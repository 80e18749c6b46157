//! The catalog compiled into the binary.

use std::path::Path;

use super::Catalog;

/// The data files, one per kind of actor (and the capitals of `states.json`, which
/// `scripts/un_states.py` writes with it), embedded at build time.
const FILES: [(&str, &str); 7] = [
    ("people.json", include_str!("data/people.json")),
    (
        "organizations.json",
        include_str!("data/organizations.json"),
    ),
    ("states.json", include_str!("data/states.json")),
    ("places.json", include_str!("data/places.json")),
    ("capitals.json", include_str!("data/capitals.json")),
    ("instruments.json", include_str!("data/instruments.json")),
    ("outlets.json", include_str!("data/outlets.json")),
];

/// The embedded default catalog. Its entries have no origin: go to definition falls back to the
/// mention that introduces them.
pub fn default_catalog() -> Catalog {
    let mut catalog = Catalog::default();
    for (name, text) in FILES {
        // The data files are checked by the tests below; a broken one is a build defect.
        let actors = Catalog::parse_actors(Path::new(name), text)
            .unwrap_or_else(|e| panic!("embedded catalog: {e}"));
        catalog.extend(actors.into_iter().map(|actor| (actor, None)));
    }
    catalog
}

#[cfg(test)]
pub(super) fn files() -> &'static [(&'static str, &'static str)] {
    &FILES
}
