//! End to end: attribution diagnostics through `dossier lsp`, pushed and pulled, with fixes.

use crate::common;

use common::{editor_capabilities, uri, workspace, Client, Options};
use serde_json::{json, Value};

const ARTICLE: &str = "3 May 2021; DOSSIER WIRE: Talks resume\n\nIt is believed that the talks will resume in Geneva.\n\nUN envoy Geir Pedersen said the sides had agreed to meet.\n";

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn pushed_on_open_and_on_change_for_the_latest_version() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("a.md");
    client.open(&path, ARTICLE);
    let first = client.wait_for("diagnostics for version 1", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1
    });
    let diagnostics = &first["params"]["diagnostics"];
    assert_eq!(codes(diagnostics), vec!["unattributed-claim"]);
    let d = &diagnostics[0];
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": 0}));
    assert_eq!(d["source"], "dossier");
    assert_eq!(d["severity"], 2);
    // The repository's page, never a path of the machine that built the binary.
    assert_eq!(
        d["codeDescription"]["href"],
        concat!(
            env!("CARGO_PKG_REPOSITORY"),
            "/blob/main/docs/rules/unattributed-claim.md"
        )
    );

    // A burst of edits, written to the server in one go as a fast typist's keystrokes reach it:
    // each edit supersedes the diagnostics still waiting for the one before, and what is
    // published never goes back to an older version. A server starved of the CPU for longer than
    // the pause between two of these messages may publish one of them, so a few are tolerated;
    // without superseding, every one of the nineteen would be published.
    let mut burst = Vec::new();
    for version in 2..=20 {
        let text = if version == 20 {
            "The envoy said"
        } else {
            "It is believed that"
        };
        let body = json!({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": {"uri": uri(&path), "version": version},
                "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 19}}, "text": text}],
            },
        })
        .to_string();
        burst.extend_from_slice(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }
    client.send_raw(&burst);
    let last = client.wait_for("diagnostics for version 20", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 20
    });
    assert!(codes(&last["params"]["diagnostics"]).is_empty(), "{last}");
    // Whatever a superseded version would publish comes within one pause of the last one; a
    // round trip after it brings every message the server sent before its answer.
    std::thread::sleep(std::time::Duration::from_millis(400));
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 0}}),
    );
    let published: Vec<i64> = client
        .seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(
        published.windows(2).all(|w| w[0] <= w[1]),
        "published out of order: {published:?}"
    );
    let burst_publishes = published.iter().filter(|v| **v >= 2).count();
    assert!(
        burst_publishes <= 4,
        "{burst_publishes} publishes for one burst of edits: {published:?}"
    );
}

#[test]
fn pulled_per_document_and_for_the_workspace_without_opening() {
    let dir = workspace(&[
        ("a.md", ARTICLE),
        ("b.txt", "Observers say the plan is dead.\n"),
        ("c.md", "Nothing to flag here.\n"),
    ]);
    let mut caps = editor_capabilities();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let (mut client, init) = Client::start(&[dir.path()], caps);
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    client.wait_indexed();
    let b = dir.path().join("b.txt");
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(&b)}}),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(codes(&report["items"]), vec!["vague-attribution"]);
    let all = client.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let mut per_file: Vec<(String, Vec<String>)> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["uri"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                codes(&r["items"]),
            )
        })
        .collect();
    per_file.sort();
    assert_eq!(
        per_file,
        vec![
            ("a.md".to_owned(), vec!["unattributed-claim".to_owned()]),
            ("b.txt".to_owned(), vec!["vague-attribution".to_owned()]),
            ("c.md".to_owned(), vec![]),
        ]
    );
    // A client that pulls gets nothing pushed.
    client.open(&b, "Observers say the plan is dead.\n");
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&b)}, "position": {"line": 0, "character": 0}}),
    );
    assert!(
        !client
            .seen
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri(&b))
    );
}

#[test]
fn quick_fixes_name_the_source_or_disable_the_rule() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("a.md");
    let actions = client.fixes(&path, json!({"line": 2, "character": 3}));
    assert!(actions.len() >= 2, "{actions:?}");
    let disable = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("disable")
        })
        .expect("a disable action");
    let edit = &disable["edit"]["changes"][uri(&path)][0];
    assert_eq!(
        edit["newText"].as_str().unwrap().trim(),
        "<!-- dossier-disable-next-line unattributed-claim -->"
    );
    for action in &actions {
        assert_eq!(action["kind"], "quickfix");
        let text = action["edit"]["changes"][uri(&path)][0]["newText"]
            .as_str()
            .unwrap();
        assert!(
            !text.contains("${"),
            "plain edits carry no snippet syntax: {text}"
        );
    }

    // Applying the disable edit silences the rule.
    let mut text = ARTICLE.to_owned();
    let at = ARTICLE.find("It is believed").unwrap();
    text.insert_str(at, edit["newText"].as_str().unwrap());
    std::fs::write(&path, &text).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&path), "type": 2}]}),
    );
    let mut caps_pull = editor_capabilities();
    caps_pull["textDocument"]["diagnostic"] = json!({});
    drop(client);
    let (mut client, _) = Client::start(&[dir.path()], caps_pull);
    client.wait_indexed();
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    assert!(codes(&report["items"]).is_empty(), "{report}");
}

/// A hedged report whose fix appends ", according to ${1:source}" before the full stop, after a
/// letter that is one UTF-16 unit but two UTF-8 bytes.
const HEDGED: &str = "Talks in Genève reportedly stalled.\n";

/// The "Say whose report this is" action for [`HEDGED`], for a client with these capabilities.
fn name_the_report_source(capabilities: Value) -> (Value, String) {
    let dir = workspace(&[("a.md", HEDGED)]);
    let (mut client, init) = Client::start(&[dir.path()], capabilities);
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!(["dossier.annotate"]),
        "the client runs dossier.insertSnippet, the server must not claim it: {init}"
    );
    client.wait_indexed();
    let path = dir.path().join("a.md");
    let actions = client.fixes(&path, json!({"line": 0, "character": 20}));
    let action = actions
        .iter()
        .find(|a| a["title"] == "Say whose report this is")
        .unwrap_or_else(|| panic!("no action naming the source: {actions:?}"))
        .clone();
    (action, uri(&path))
}

/// The empty range before the full stop of [`HEDGED`], counted in `units`.
fn before_full_stop(units: impl Fn(&str) -> usize) -> Value {
    let at = units(&HEDGED[..HEDGED.find('.').unwrap()]);
    json!({"start": {"line": 0, "character": at}, "end": {"line": 0, "character": at}})
}

#[test]
fn snippet_fixes_reach_a_client_that_inserts_snippets_as_its_command() {
    let mut caps = editor_capabilities();
    caps["experimental"] = json!({"dossierInsertSnippet": true});
    let (action, uri) = name_the_report_source(caps.clone());
    assert_eq!(action["kind"], "quickfix");
    assert!(action.get("edit").is_none(), "{action}");
    let command = &action["command"];
    assert_eq!(command["command"], "dossier.insertSnippet");
    assert_eq!(command["title"], "Say whose report this is");
    assert_eq!(
        command["arguments"],
        json!([{
            "uri": uri,
            "range": before_full_stop(|s| s.encode_utf16().count()),
            "snippet": ", according to ${1:source}",
        }])
    );

    // The range is in the negotiated encoding.
    caps["general"] = json!({"positionEncodings": ["utf-8", "utf-16"]});
    let (action, _) = name_the_report_source(caps);
    assert_eq!(
        action["command"]["arguments"][0]["range"],
        before_full_stop(str::len)
    );
}

#[test]
fn snippet_fixes_are_plain_edits_for_other_clients() {
    for experimental in [None, Some(json!({"dossierInsertSnippet": false}))] {
        let mut caps = editor_capabilities();
        if let Some(experimental) = experimental {
            caps["experimental"] = experimental;
        }
        let (action, uri) = name_the_report_source(caps);
        assert!(action.get("command").is_none(), "{action}");
        assert_eq!(
            action["edit"]["changes"][&uri],
            json!([{
                "range": before_full_stop(|s| s.encode_utf16().count()),
                "newText": ", according to source",
            }])
        );
    }
}

#[test]
fn rule_levels_from_dossier_json() {
    let dir = workspace(&[
        (
            "dossier.json",
            r#"{"rules": {"unattributed-claim": "error", "vague-attribution": "off"}}"#,
        ),
        (
            "a.md",
            "It is believed that talks resume. Observers say so.\n",
        ),
    ]);
    let mut caps = editor_capabilities();
    caps["textDocument"]["diagnostic"] = json!({});
    let (mut client, _) = Client::start(&[dir.path()], caps);
    client.wait_indexed();
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(&dir.path().join("a.md"))}}),
    );
    assert_eq!(codes(&report["items"]), vec!["unattributed-claim"]);
    assert_eq!(report["items"][0]["severity"], 1);
}

#[test]
fn a_vague_source_carries_its_relation_and_its_cue_hovers() {
    let text = "Western diplomats said the talks would resume in Geneva.\n";
    let dir = workspace(&[("a.md", text)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("a.md");
    client.open(&path, text);
    let published = client.wait_for("diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1
    });
    let d = &published["params"]["diagnostics"][0];
    assert_eq!(d["code"], "vague-attribution", "{published}");
    let related = d["relatedInformation"]
        .as_array()
        .expect("related information");
    assert!(
        related[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("source (vague)"),
        "{related:?}"
    );
    // The source, then what it is said to say: "the talks would resume in Geneva".
    assert_eq!(related[0]["location"]["range"]["start"]["character"], 0);
    assert_eq!(related[1]["location"]["range"]["start"]["character"], 23);

    // Hover on the cue "said" shows who says what.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 19}}),
    );
    let card = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        card.contains("“Western diplomats” — *vague*") && card.contains("cue “said”"),
        "{hover}"
    );
    assert!(
        card.contains("says: “the talks would resume in Geneva”"),
        "{hover}"
    );
    assert_eq!(hover["range"]["start"]["character"], 18);
}

/// A newsroom points the rules' links at its own copy of the docs.
#[test]
fn rule_links_follow_the_configured_docs_url() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let mut client = Client::spawn(&Options {
        env: vec![(
            "DOSSIER_DOCS_URL".into(),
            "https://desk.example.org/dossier".into(),
        )],
        ..Options::default()
    });
    client.initialize(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    client.open(&dir.path().join("a.md"), ARTICLE);
    let published = client.wait_for("the claim's diagnostic", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"][0]["code"] == "unattributed-claim"
    });
    assert_eq!(
        published["params"]["diagnostics"][0]["codeDescription"]["href"],
        "https://desk.example.org/dossier/docs/rules/unattributed-claim.md"
    );
}

/// In the editor, the clash shows in the desk's catalog file, on the entry's line.
#[test]
fn a_clashing_alias_shows_in_the_catalog_file() {
    let desk = "{\n  \"actors\": [\n    {\n      \"id\": \"ahmad-assad\",\n      \"name\": \"Ahmad Assad\",\n      \"kind\": \"person\",\n      \"aliases\": [\"Bashar al-Assad\"]\n    }\n  ]\n}\n";
    let dir = workspace(&[
        ("dossier.json", r#"{ "catalogs": ["desk.json"] }"#),
        ("desk.json", desk),
        ("a.md", ARTICLE),
    ]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    let catalog = uri(&dir.path().join("desk.json"));
    let published = client.wait_for("the catalog's warning", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == catalog
    });
    let d = &published["params"]["diagnostics"][0];
    assert_eq!(d["severity"], 2);
    assert_eq!(d["range"]["start"]["line"], 3);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("“Bashar al-Assad” of Ahmad Assad"),
        "{d}"
    );
}
