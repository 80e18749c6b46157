//! End to end: quick fixes that do the right thing — none lands in front matter or code, and a
//! fix that would change nothing in the client at hand is not offered.

use crate::common::{editor_capabilities, workspace, Client};
use serde_json::{json, Value};

/// Front matter with a headline that quotes and claims, a code block that claims, and the two
/// prose lines right after each, which the fixes must edit without touching either.
const ARTICLE: &str = "---\n\
title: \"“We will not return to Geneva under these conditions,” the delegation warned\"\n\
author: Jane Doe\n\
date: 2019-11-04\n\
---\n\
It is believed that the envoy will stay.\n\
\n\
```text\n\
It is believed that nothing here counts.\n\
```\n\
Experts say the fence is fine.\n";

fn titles(actions: &[Value]) -> Vec<String> {
    actions
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

/// The line each edit of an action starts on, whether a plain edit or a snippet command.
fn edit_lines(action: &Value) -> Vec<u64> {
    let ranges: Vec<&Value> = match action["edit"]["changes"].as_object() {
        Some(changes) => changes
            .values()
            .flat_map(|edits| edits.as_array().unwrap())
            .map(|e| &e["range"])
            .collect(),
        None => vec![&action["command"]["arguments"][0]["range"]],
    };
    ranges
        .iter()
        .map(|r| r["start"]["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn no_fix_writes_into_front_matter_or_code() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let mut caps = editor_capabilities();
    caps["textDocument"]["diagnostic"] = json!({});
    caps["experimental"] = json!({"dossierInsertSnippet": true});
    let (mut client, _) = Client::start(&[dir.path()], caps);
    client.wait_indexed();
    let path = dir.path().join("a.md");
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": crate::common::uri(&path)}}),
    );
    let found: Vec<(String, u64)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap().to_owned();
            (code, d["range"]["start"]["line"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        found,
        [
            ("unattributed-claim".to_owned(), 5),
            ("vague-attribution".to_owned(), 10)
        ],
        "{report}"
    );
    // On the headline, the author and in the code block: nothing to fix.
    for line in [1, 2, 8] {
        let actions = client.fixes(&path, json!({"line": line, "character": 12}));
        assert!(actions.is_empty(), "line {line}: {actions:?}");
    }
    // Right after the front matter and after the code block, every edit stays on the line.
    for (line, fix) in [(5, "Say who holds this view"), (10, "Name the source")] {
        let actions = client.fixes(&path, json!({"line": line, "character": 3}));
        let names = titles(&actions);
        assert!(
            names.iter().any(|t| t.starts_with(fix)),
            "line {line}: {names:?}"
        );
        assert!(
            names.iter().any(|t| t.starts_with("Disable")),
            "line {line}: {names:?}"
        );
        for action in &actions {
            assert_eq!(edit_lines(action), [line], "{action}");
        }
    }
}

#[test]
fn a_fix_that_changes_nothing_is_not_offered() {
    let text = "Observers say the round will fail.\n";
    let dir = workspace(&[("a.md", text)]);
    let path = dir.path().join("a.md");
    // A client that cannot select a placeholder would get "Observers" for "Observers".
    let (mut plain, _) = Client::start(&[dir.path()], editor_capabilities());
    plain.wait_indexed();
    let names = titles(&plain.fixes(&path, json!({"line": 0, "character": 2})));
    assert!(
        !names.iter().any(|t| t.starts_with("Name the source")),
        "{names:?}"
    );
    assert!(names.iter().any(|t| t.starts_with("Disable")), "{names:?}");
    drop(plain);
    // One that runs dossier.insertSnippet gets the words selected to type over.
    let mut caps = editor_capabilities();
    caps["experimental"] = json!({"dossierInsertSnippet": true});
    let (mut snippets, _) = Client::start(&[dir.path()], caps);
    snippets.wait_indexed();
    let actions = snippets.fixes(&path, json!({"line": 0, "character": 2}));
    let name = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Name the source"))
        .unwrap_or_else(|| panic!("{actions:?}"));
    assert_eq!(name["command"]["arguments"][0]["snippet"], "${1:Observers}");
}
