//! Paths, end to end: no URI a client sends, however encoded, and no link in the workspace
//! makes the server read a file outside its folders and the catalogs the user named.

use crate::common;

use common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const ARTICLE: &str = "4 April 2022\n\nUN envoy Geir Pedersen met Sergei Lavrov in Moscow.\n";
const SECRET: &str = "1 May 2022\n\nGeir Pedersen said the secret plan was ready.\n";
const DESK: &str =
    r#"{"actors": [{"id": "nour-haddad", "name": "Nour Haddad", "kind": "person"}]}"#;

/// Where the server finds Pedersen mentioned, from the workspace's article.
fn places_of_pedersen(client: &mut Client, article: &std::path::Path) -> Vec<String> {
    let at = ARTICLE.lines().nth(2).unwrap().find("Pedersen").unwrap();
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(article)}, "position": {"line": 2, "character": at},
               "context": {"includeDeclaration": true}}),
    );
    refs.as_array()
        .unwrap_or_else(|| panic!("{refs}"))
        .iter()
        .map(|l| l["uri"].as_str().unwrap().to_owned())
        .collect()
}

/// Guarantee 6e: URIs that climb out of the workspace with `..` written as `..%2F` (or after a
/// folder, `sub%2F..%2F..%2F`) are decoded once and resolved before they are checked: a watcher
/// event or a closed document at such a URI never reads the file outside.
#[test]
fn encoded_parent_folders_in_uris_read_nothing_outside() {
    let dir = workspace(&[("ws/a.md", ARTICLE), ("outside/secret.md", SECRET)]);
    let ws = dir.path().join("ws");
    let article = ws.join("a.md");
    let (mut client, _) = Client::start(&[&ws], editor_capabilities());
    client.wait_indexed();
    assert_eq!(places_of_pedersen(&mut client, &article), [uri(&article)]);
    let sneaky = [
        format!("{}/..%2Foutside/secret.md", uri(&ws)),
        format!("{}/sub%2F..%2F..%2Foutside/secret.md", uri(&ws)),
        format!("{}/./..%2F.%2Foutside/secret.md", uri(&ws)),
    ];
    for sneaky in &sneaky {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": sneaky, "type": 1}]}),
        );
        assert_eq!(
            places_of_pedersen(&mut client, &article),
            [uri(&article)],
            "{sneaky}"
        );
        // Opened, the editor's text is indexed as the editor's; closed, it is not read from disk.
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": sneaky, "languageId": "markdown", "version": 1,
                                    "text": "Nothing here."}}),
        );
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": sneaky}}),
        );
        assert_eq!(
            places_of_pedersen(&mut client, &article),
            [uri(&article)],
            "{sneaky}"
        );
    }
    assert!(!client.stderr().contains("secret plan"));
}

/// Guarantee 6c: a catalog named by a relative path that is a symbolic link leading out of the
/// workspace (the file, or a folder on the way) is refused with a diagnostic saying so, and no
/// "add to the catalog" edit goes through it.
#[test]
fn a_catalog_behind_a_link_out_of_the_workspace_is_refused() {
    let outside = workspace(&[("desk.json", DESK), ("shelf/desk.json", DESK)]);
    for (name, link, target) in [
        ("desk.json", "desk.json", outside.path().join("desk.json")),
        ("shelf/desk.json", "shelf", outside.path().join("shelf")),
    ] {
        let config_text = format!("{{\"catalogs\": [\"{name}\"]}}");
        let dir = workspace(&[("dossier.json", &config_text), ("a.md", ARTICLE)]);
        std::os::unix::fs::symlink(&target, dir.path().join(link)).unwrap();
        let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
        client.wait_indexed();
        let config = dir.path().join("dossier.json");
        let refused = client.wait_for("refusal", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&config)
        });
        let message = refused["params"]["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or("");
        assert!(
            message.contains("symbolic link") && message.contains("outside"),
            "{refused}"
        );
        let symbols = client.request("workspace/symbol", json!({"query": "Haddad"}));
        assert_eq!(symbols, json!([]), "{name}");
        assert!(client.alive());
        let _: Value = client.request("shutdown", Value::Null);
    }
}
