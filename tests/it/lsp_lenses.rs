//! Code lenses over stdio with the real binary: placed at once, their words resolved lazily,
//! the same counts as `dossier report` gives on the same folder.

use std::process::Command;

use serde_json::{json, Value};

use crate::common::{editor_capabilities, uri, workspace, Client};

const A: &str = "Faisal Mekdad said the talks would resume in Geneva.\nObservers say Mekdad is \
                 wrong. A source said so.\n";
const B: &str = "Faisal Mekdad told reporters the envoy was welcome.\n";

#[test]
fn lenses_count_sources_and_resolve_an_actor_lazily() {
    let dir = workspace(&[("a.txt", A), ("b.txt", B)]);
    let (mut client, init) = Client::start(&[dir.path()], editor_capabilities());
    assert_eq!(
        init["capabilities"]["codeLensProvider"]["resolveProvider"],
        true
    );
    client.wait_indexed();
    let path = dir.path().join("a.txt");
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    let lenses = lenses.as_array().unwrap();
    // The article's own lens, then one for each actor at its first mention: Mekdad, Geneva.
    assert_eq!(lenses.len(), 3, "{lenses:?}");
    assert!(
        lenses.iter().all(|l| l["command"].is_null()),
        "resolved lazily"
    );
    assert_eq!(
        lenses[1]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    assert_eq!(
        lenses[1]["range"]["end"],
        json!({"line": 0, "character": 13})
    );
    assert_eq!(
        lenses[2]["range"]["start"],
        json!({"line": 0, "character": 45})
    );

    let top = client.request("codeLens/resolve", lenses[0].clone());
    assert_eq!(
        top["command"]["title"],
        "3 sources: 1 named, 1 anonymous, 1 vague"
    );

    let mekdad = client.request("codeLens/resolve", lenses[1].clone());
    let command = &mekdad["command"];
    assert_eq!(command["title"], "mentioned in 2 articles · quoted 2 times");
    assert_eq!(command["command"], "dossier.showReferences");
    assert_eq!(
        command["arguments"],
        json!([uri(&path), {"line": 0, "character": 0}])
    );

    // The same counts as the report's.
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["report", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let map: Value = serde_json::from_slice(&out.stdout).unwrap();
    let actor = map["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "faisal-mekdad")
        .unwrap();
    assert_eq!(
        (actor["articles"].as_u64(), actor["quoted"].as_u64()),
        (Some(2), Some(2))
    );

    // A lens resolved after its article went away says so; the server goes on.
    let mut gone = lenses[1].clone();
    gone["data"]["uri"] = json!(uri(&dir.path().join("gone.txt")));
    let gone = client.request("codeLens/resolve", gone);
    assert_eq!(gone["command"]["title"], "(no longer in the workspace)");
    let bad = client.request("codeLens/resolve", json!({"range": lenses[1]["range"]}));
    assert_eq!(bad["command"]["title"], "(no longer in the workspace)");
    assert!(client.alive());
    client.shutdown();
}

#[test]
fn a_client_that_refreshes_lenses_is_asked_to_once_the_workspace_is_indexed() {
    let dir = workspace(&[("a.txt", A), ("b.txt", B)]);
    let mut capabilities = editor_capabilities();
    capabilities["workspace"]["codeLens"] = json!({"refreshSupport": true});
    let (mut client, _) = Client::start(&[dir.path()], capabilities);
    client.wait_indexed();
    client.wait_for("workspace/codeLens/refresh", |m| {
        m["method"] == "workspace/codeLens/refresh"
    });
    client.shutdown();

    // A client that cannot refresh is not asked.
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": uri(&dir.path().join("a.txt"))}}),
    );
    assert!(!client
        .seen
        .iter()
        .any(|m| m["method"] == "workspace/codeLens/refresh"));
    client.shutdown();
}
