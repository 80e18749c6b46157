//! End to end: people introduced in the text with a role become actors, and the server writes
//! them into the workspace catalog on request.

use crate::common;

use common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const INTRO: &str = "9 Mar 2019\n\nFormer Lebanese minister of finance, Karim Haddad, says the sanctions will bite.\n";
const LATER: &str = "12 Mar 2019\n\nKarim Haddad repeated the warning in Beirut.\n";
/// Names no Haddad in full: another article's is no reason to read this one as him.
const BARE: &str = "13 Mar 2019\n\nHaddad spoke again.\n";

#[test]
fn hover_definition_and_add_to_catalog_for_a_discovered_person() {
    let dir = workspace(&[("intro.md", INTRO), ("later.md", LATER), ("bare.md", BARE)]);
    let mut caps = editor_capabilities();
    caps["workspace"]["workspaceEdit"] =
        json!({"documentChanges": true, "resourceOperations": ["create"]});
    let (mut client, _) = Client::start(&[dir.path()], caps);
    client.wait_indexed();
    let later = dir.path().join("later.md");
    let at = json!({"line": 2, "character": 2});
    // Discovery runs after the first index, with no lock held: until it is done the name is
    // only an attribution's source.
    client.wait_discovered();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(card.starts_with("**Karim Haddad** · person"), "{card}");
    assert!(
        card.contains("Former Lebanese minister of finance"),
        "{card}"
    );
    assert!(
        card.contains("Not in the catalog; introduced in `intro.md`"),
        "{card}"
    );

    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    assert_eq!(definition["uri"], uri(&dir.path().join("intro.md")));
    assert_eq!(definition["range"]["start"]["line"], 2);
    let bare = dir.path().join("bare.md");
    let bare_definition = |client: &mut Client| {
        client.request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri(&bare)}, "position": at}),
        )
    };
    assert!(bare_definition(&mut client).is_null());

    let actions = client.code_actions(&later, at.clone());
    let add = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Add Karim Haddad to the workspace catalog")
        })
        .unwrap_or_else(|| panic!("no add-to-catalog action in {actions:?}"))
        .clone();
    // Apply the edit as an editor would: create the files with the inserted text.
    let operations = add["edit"]["documentChanges"].as_array().unwrap();
    for op in operations {
        if op["kind"] == "create" {
            continue;
        }
        let path = op["textDocument"]["uri"]
            .as_str()
            .unwrap()
            .trim_start_matches("file://")
            .to_owned();
        let text: &Value = &op["edits"][0]["newText"];
        std::fs::write(&path, text.as_str().unwrap()).unwrap();
    }
    let catalog = std::fs::read_to_string(dir.path().join("catalog.json")).unwrap();
    assert!(catalog.contains("\"id\": \"karim-haddad\""), "{catalog}");
    // The role as the text gives it; no description copied from the card.
    assert!(
        catalog.contains("\"title\": \"Former Lebanese minister of finance\""),
        "{catalog}"
    );
    assert!(!catalog.contains("Not in the catalog"), "{catalog}");
    let config = std::fs::read_to_string(dir.path().join("dossier.json")).unwrap();
    assert!(config.contains("catalog.json"), "{config}");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&dir.path().join("dossier.json")), "type": 1}]}),
    );
    client.wait_indexed_times(2);
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    assert_eq!(
        definition["uri"],
        uri(&dir.path().join("catalog.json")),
        "{definition}"
    );
    // In the catalog now, the surname alone names him wherever no other Haddad is named.
    let definition = bare_definition(&mut client);
    assert_eq!(
        definition["uri"],
        uri(&dir.path().join("catalog.json")),
        "{definition}"
    );
}

/// A discovered person's given name written alone is theirs: hover says so, references reach
/// the article that introduced them.
#[test]
fn a_given_name_alone_stands_for_the_person_named_in_full() {
    let given =
        "10 Mar 2019\n\nKarim Haddad left Beirut on Monday. By noon Karim was in Damascus.\n";
    let dir = workspace(&[("intro.md", INTRO), ("given.md", given)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    client.wait_discovered();
    let path = dir.path().join("given.md");
    let column = given.lines().nth(2).unwrap().find("Karim was").unwrap();
    let at = json!({"line": 2, "character": column + 1});
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": at}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        card.starts_with("**Karim** — here: Karim Haddad, whom the article names in full"),
        "{card}"
    );
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&path)}, "position": at,
               "context": {"includeDeclaration": true}}),
    );
    let uris: Vec<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert!(
        uris.contains(&uri(&dir.path().join("intro.md")).as_str()),
        "{references}"
    );
    assert_eq!(
        uris.iter().filter(|u| u.ends_with("given.md")).count(),
        2,
        "{references}"
    );
}
