//! End to end: what the editor shows beside the diagnostics — semantic tokens (actors by kind,
//! sources by class, with their legend), links to the addresses an article cites, and
//! completion as names are typed.

use crate::common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const ARTICLE: &str = "Geir Pedersen met officials in Damascus.\n\
Observers say the UN will fail (https://reliefweb.int/report).\n\
A senior official in the\nministry said so.\n";

/// The tokens of `data` made absolute: (line, character, length, type, modifiers).
fn decode(data: &[Value], legend: &Value) -> Vec<(u64, u64, u64, String, Vec<String>)> {
    let types = legend["tokenTypes"].as_array().unwrap();
    let modifiers = legend["tokenModifiers"].as_array().unwrap();
    let (mut line, mut start) = (0, 0);
    data.chunks(5)
        .map(|t| {
            let n = |i: usize| t[i].as_u64().unwrap();
            if n(0) > 0 {
                start = 0;
            }
            line += n(0);
            start += n(1);
            let bits = n(4);
            let named: Vec<String> = (0..modifiers.len())
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| modifiers[i].as_str().unwrap().to_owned())
                .collect();
            let kind = types[n(3) as usize].as_str().unwrap().to_owned();
            (line, start, n(2), kind, named)
        })
        .collect()
}

#[test]
fn semantic_tokens_links_and_completion_triggers() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let (mut client, init) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let caps = &init["capabilities"];
    let legend = &caps["semanticTokensProvider"]["legend"];
    assert_eq!(
        legend["tokenTypes"],
        json!([
            "person",
            "organization",
            "state",
            "place",
            "instrument",
            "outlet",
            "source"
        ])
    );
    assert_eq!(caps["semanticTokensProvider"]["full"], true);
    let triggers = caps["completionProvider"]["triggerCharacters"]
        .as_array()
        .unwrap();
    assert!(triggers.contains(&json!("P")) && triggers.contains(&json!("e")));

    let path = dir.path().join("a.md");
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    let found = decode(tokens["data"].as_array().unwrap(), legend);
    let none = Vec::<String>::new;
    assert_eq!(
        found,
        [
            (0, 0, 13, "person".into(), none()),
            (0, 31, 8, "place".into(), none()),
            (1, 0, 9, "source".into(), vec!["vague".to_owned()]),
            (1, 18, 2, "organization".into(), none()),
            // A source over a line break is one token a line.
            (2, 0, 24, "source".into(), vec!["anonymous".to_owned()]),
            (3, 0, 8, "source".into(), vec!["anonymous".to_owned()]),
        ],
        "{tokens}"
    );

    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    // The cited address, and the catalog's Wikidata items of the city and the UN.
    assert_eq!(
        links,
        json!([
            {
                "range": {"start": {"line": 0, "character": 31}, "end": {"line": 0, "character": 39}},
                "target": "https://www.wikidata.org/wiki/Q3766",
                "tooltip": "Damascus on Wikidata",
            },
            {
                "range": {"start": {"line": 1, "character": 18}, "end": {"line": 1, "character": 20}},
                "target": "https://www.wikidata.org/wiki/Q1065",
                "tooltip": "United Nations on Wikidata",
            },
            {
                "range": {"start": {"line": 1, "character": 32}, "end": {"line": 1, "character": 60}},
                "target": "https://reliefweb.int/report",
            },
        ])
    );
    client.shutdown();
}

#[test]
fn an_actors_first_mention_links_to_its_catalog_reference() {
    let catalog = r#"{"actors": [
        {"id": "aleppo-relief-network", "name": "Aleppo Relief Network", "kind": "organization",
         "description": "A made-up aid group.", "links": {"website": "https://relief.example.org/"}},
        {"id": "idlib-monitor", "name": "Idlib Monitor", "kind": "outlet", "description": "A made-up outlet."}
    ]}"#;
    let article = "The Aleppo Relief Network said the Idlib Monitor was wrong.\n\
        Later the Aleppo Relief Network said so again, and Syria agreed.\n";
    let dir = workspace(&[
        ("dossier.json", r#"{"catalogs": ["desk.json"]}"#),
        ("desk.json", catalog),
        ("a.txt", article),
    ]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": uri(&dir.path().join("a.txt"))}}),
    );
    // The network's first mention only, to its website; the outlet has no reference; Syria's
    // entry links to Wikidata.
    assert_eq!(
        links,
        json!([
            {
                "range": {"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 25}},
                "target": "https://relief.example.org/",
                "tooltip": "Aleppo Relief Network on its website",
            },
            {
                "range": {"start": {"line": 1, "character": 51}, "end": {"line": 1, "character": 56}},
                "target": "https://www.wikidata.org/wiki/Q858",
                "tooltip": "Syria on Wikidata",
            },
        ])
    );
    client.shutdown();
}
