//! End to end: the real `dossier lsp` binary, spoken to over stdio as an editor does.

use crate::common;

use common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const INTRO: &str = "3 May 2021; DOSSIER WIRE: Envoy opens talks\n\nUN envoy Geir Pedersen opened the session in Geneva. Washington and Ankara agreed.\n";
const LATER: &str = "5 May 2021\n\n“Pedersen’s plan” — Pedersen said the talks would go on. 🇸🇾 الأسد Lavrov listened.\n";

fn position(text: &str, needle: &str, utf8: bool) -> Value {
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..offset];
    let character = if utf8 {
        prefix.len()
    } else {
        prefix.encode_utf16().count()
    };
    json!({"line": line, "character": character})
}

fn hover_text(result: &Value) -> String {
    result["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn unopened_articles_are_indexed_and_navigable() {
    let dir = workspace(&[
        ("intro.md", INTRO),
        ("later.txt", LATER),
        ("ignored/.x.md", "Pedersen"),
    ]);
    let (mut client, init) = Client::start(&[dir.path()], editor_capabilities());
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.wait_indexed();

    // Progress was reported for the first index.
    client.wait_for("progress begin", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin"
    });
    client.wait_for("progress end", |m| {
        m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end"
    });
    // The file watcher was registered dynamically.
    client.wait_for("watcher registration", |m| {
        m["method"] == "client/registerCapability"
            && m["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"
    });

    let later = dir.path().join("later.txt");
    let at = position(LATER, "Pedersen said", false);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    let card = hover_text(&hover);
    assert!(card.starts_with("**Geir Pedersen** · person"), "{card}");
    assert!(card.contains("UN Special Envoy for Syria"), "{card}");
    assert!(card.contains("at the article's date, 5 May 2021"), "{card}");
    assert!(
        card.contains("Mentioned in 2 articles · introduced in `intro.md`, line 3"),
        "{card}"
    );

    // Definition from a surname in one article into the introduction in another.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    let intro = dir.path().join("intro.md");
    assert_eq!(definition["uri"], uri(&intro));
    assert_eq!(
        definition["range"]["start"],
        position(INTRO, "Geir Pedersen", false)
    );

    // References across files, with and without the declaration.
    let refs = |client: &mut Client, include: bool| {
        client.request(
            "textDocument/references",
            json!({"textDocument": {"uri": uri(&later)}, "position": at, "context": {"includeDeclaration": include}}),
        )
    };
    let all = refs(&mut client, true);
    assert_eq!(all.as_array().unwrap().len(), 3, "{all}");
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["uri"] == uri(&intro)));
    assert_eq!(refs(&mut client, false).as_array().unwrap().len(), 2);

    // A metonym's card says what it stands for.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&intro)}, "position": position(INTRO, "Washington", false)}),
    );
    assert!(
        hover_text(&hover).starts_with("**Washington** — here: the US government"),
        "{hover}"
    );

    // Outline and workspace symbols.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&intro)}}),
    );
    let groups: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(groups, vec!["People", "Organizations", "States", "Places"]);
    let found = client.request("workspace/symbol", json!({"query": "pedrsn"}));
    assert_eq!(found[0]["name"], "Geir Pedersen");
    assert_eq!(found[0]["location"]["uri"], uri(&intro));

    let highlights = client.request(
        "textDocument/documentHighlight",
        json!({"textDocument": {"uri": uri(&later)}, "position": at}),
    );
    assert_eq!(highlights.as_array().unwrap().len(), 2);

    assert!(client.shutdown().success());
}

#[test]
fn an_incremental_edit_adds_a_mention_that_the_next_hover_sees() {
    let dir = workspace(&[("a.md", "The talks resumed.\n")]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("a.md");
    client.open(&path, "The talks resumed.\n");
    // Insert a name at the start of the line.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri(&path), "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "text": "Lavrov said the"}],
        }),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 2}}),
    );
    assert!(
        hover_text(&hover).starts_with("**Sergey Lavrov**"),
        "{hover}"
    );
    let completion = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 2}}),
    );
    assert!(
        completion
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["label"] == "Sergey Lavrov"),
        "{completion}"
    );

    // Closing falls back to the file on disk, where there is no mention.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(hover, Value::Null);
}

#[test]
fn both_position_encodings_on_non_ascii_text() {
    let dir = workspace(&[("later.txt", LATER)]);
    let path = dir.path().join("later.txt");
    for (utf8, offered) in [
        (true, json!(["utf-8", "utf-16"])),
        (false, json!(["utf-16"])),
    ] {
        let mut caps = editor_capabilities();
        caps["general"] = json!({"positionEncodings": offered});
        let (mut client, init) = Client::start(&[dir.path()], caps);
        assert_eq!(
            init["capabilities"]["positionEncoding"],
            if utf8 { "utf-8" } else { "utf-16" }
        );
        client.wait_indexed();
        let at = position(LATER, "Lavrov", utf8);
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&path)}, "position": at}),
        );
        assert!(
            hover_text(&hover).starts_with("**Sergey Lavrov**"),
            "utf8={utf8}: {hover}"
        );
        assert_eq!(hover["range"]["start"], at);
        let end = position(LATER, " listened", utf8);
        assert_eq!(hover["range"]["end"], end);
        // Past the end of the line and of the document: clamped, no error.
        let far = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 99, "character": 999}}),
        );
        assert!(far.get("error").is_none(), "{far}");
    }
}

#[test]
fn watched_file_changes_update_the_index() {
    let dir = workspace(&[("a.md", "Nothing yet.\n")]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "Lavrov spoke.\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&path), "type": 2}]}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 1}}),
    );
    assert!(
        hover_text(&hover).starts_with("**Sergey Lavrov**"),
        "{hover}"
    );
    std::fs::remove_file(&path).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&path), "type": 3}]}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(hover, Value::Null);
}

#[test]
fn workspace_folders_come_and_go() {
    let a = workspace(&[("a.md", "UN envoy Geir Pedersen spoke.\n")]);
    let b = workspace(&[("b.md", "Pedersen replied.\n")]);
    let (mut client, _) = Client::start(&[a.path()], editor_capabilities());
    client.wait_indexed();
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(b.path()), "name": "b"}], "removed": []}}),
    );
    client.wait_indexed_times(2);
    let found = client.request("workspace/symbol", json!({"query": "Pedersen"}));
    assert_eq!(
        found[0]["location"]["uri"],
        uri(&a.path().join("a.md")),
        "{found}"
    );
    let b_file = b.path().join("b.md");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&b_file)}, "position": {"line": 0, "character": 1}}),
    );
    assert!(
        hover_text(&hover).contains("Mentioned in 2 articles"),
        "{hover}"
    );
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": uri(a.path()), "name": "a"}]}}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&b_file)}, "position": {"line": 0, "character": 1}}),
    );
    assert!(
        hover_text(&hover).contains("Mentioned in 1 article"),
        "{hover}"
    );
}

/// How many articles the hover card of the name at the start of `path` counts.
fn articles_counted(client: &mut Client, path: &std::path::Path) -> String {
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(path)}, "position": {"line": 0, "character": 10}}),
    );
    let text = hover_text(&hover);
    let at = text.find("Mentioned in ").expect("a count of articles");
    text[at..].split_once(" article").unwrap().0.to_owned()
}

#[test]
fn the_editors_article_globs_apply_where_dossier_json_is_silent() {
    let dir = workspace(&[
        ("a.md", "UN envoy Geir Pedersen spoke.\n"),
        ("drafts/b.md", "Pedersen replied.\n"),
        ("notes/c.md", "Pedersen again.\n"),
    ]);
    let a = dir.path().join("a.md");
    let mut client = Client::spawn(&Default::default());
    client.configuration = json!({"exclude": ["drafts/**"]});
    client.initialize(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    assert_eq!(articles_counted(&mut client, &a), "Mentioned in 2");
    // The editor drops the exclusion: the drafts are read.
    client.configuration = json!({});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    client.wait_indexed_times(2);
    assert_eq!(articles_counted(&mut client, &a), "Mentioned in 3");
    // Another exclusion, with a bad glob that is left out and said so: the notes go, the
    // drafts stay.
    client.configuration = json!({"exclude": ["notes/**", "["]});
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    client.wait_indexed_times(3);
    assert_eq!(articles_counted(&mut client, &a), "Mentioned in 2");
    let warning = client.wait_for("a word on the bad glob", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("dossier.exclude: bad glob \"[\""))
    });
    assert_eq!(warning["params"]["type"], 2, "{warning}");
    // A `dossier.json` that sets `exclude` has the last word, even an empty list.
    let config = dir.path().join("dossier.json");
    std::fs::write(&config, r#"{"exclude": []}"#).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    );
    client.wait_indexed_times(4);
    assert_eq!(articles_counted(&mut client, &a), "Mentioned in 3");
    // … and when it stops excluding nothing, what it excludes leaves the index.
    std::fs::write(&config, r#"{"exclude": ["drafts/**", "notes/**"]}"#).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    client.wait_indexed_times(5);
    assert_eq!(articles_counted(&mut client, &a), "Mentioned in 1");
}

#[test]
fn a_workspace_catalog_entry_is_the_definition_and_a_broken_config_is_reported() {
    let catalog = "{\n  \"actors\": [\n    {\n      \"id\": \"layla-nasser\",\n      \"name\": \"Layla Nasser\",\n      \"kind\": \"person\",\n      \"roles\": [{\"title\": \"Minister of state\", \"organization\": \"Jordan\"}]\n    }\n  ]\n}\n";
    let dir = workspace(&[
        ("dossier.json", r#"{"catalogs": ["desk.json"]}"#),
        ("desk.json", catalog),
        ("a.md", "Nasser says the sanctions will last.\n"),
    ]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let a = dir.path().join("a.md");
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&a)}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(definition["uri"], uri(&dir.path().join("desk.json")));
    assert_eq!(definition["range"]["start"]["line"], 3);

    // Break the configuration: a diagnostic at the place, a message, and the old catalog stays.
    let config = dir.path().join("dossier.json");
    std::fs::write(
        &config,
        "{\n  \"catalogs\": [\"desk.json\"],\n  \"rules\": 7\n}",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    let published = client.wait_for("a diagnostic on dossier.json", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri(&config)
            && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    assert_eq!(
        published["params"]["diagnostics"][0]["range"]["start"]["line"],
        2
    );
    client.wait_for("a message", |m| m["method"] == "window/showMessage");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&a)}, "position": {"line": 0, "character": 2}}),
    );
    assert!(
        hover_text(&hover).starts_with("**Layla Nasser**"),
        "{hover}"
    );
}

/// Applies LSP text edits (UTF-16 positions) to a text.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= p["character"].as_u64().unwrap() as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn rename_a_spelling_across_three_articles() {
    let files = [
        (
            "a.md",
            "“Foreign Minister Faisal Mekdad” arrived. Mekdad’s aides followed.\n",
        ),
        (
            "b.txt",
            "🇸🇾 Mekdad said little. Faisal Miqdad, as the agency spells him, left.\n",
        ),
        ("c.md", "The talks stalled; Mekdad blamed Washington.\n"),
    ];
    let dir = workspace(&files);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let b = dir.path().join("b.txt");
    let at = position(files[1].1, "Mekdad", false);
    let prepared = client.request(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": uri(&b)}, "position": at}),
    );
    assert_eq!(prepared["placeholder"], "Mekdad");
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri(&b)}, "position": at, "newName": "Meqdad"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 3);
    let expected = [
        "“Foreign Minister Faisal Meqdad” arrived. Meqdad’s aides followed.\n",
        "🇸🇾 Meqdad said little. Faisal Miqdad, as the agency spells him, left.\n",
        "The talks stalled; Meqdad blamed Washington.\n",
    ];
    for ((name, text), want) in files.iter().zip(expected) {
        let edits = changes[&uri(&dir.path().join(name))].as_array().unwrap();
        assert_eq!(apply_edits(text, edits), want, "{name}");
    }
    let bad = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri(&b)}, "position": at, "newName": "  "}),
    );
    assert!(bad.get("error").is_some(), "{bad}");
}
