//! End to end: W3C annotations written by hand beside an article, the article edited through
//! `didChange` — text inserted before the quote, the quote's paragraph moved, a word of the
//! quote changed, the quote deleted — and each annotation's state and place seen three ways:
//! hover, diagnostics, and `dossier annotations` over the same text on disk. Then the code
//! actions and `workspace/executeCommand` that write annotations, and the file they write
//! against the W3C model's required fields.

use std::path::Path;
use std::process::Command;

use crate::common::{editor_capabilities, uri, workspace, Client};
use serde_json::{json, Value};

const ARTICLE: &str = "Damascus, 3 May 2021. The envoy met the delegations on Monday.\n\
\n\
It is believed that the talks would resume in Geneva next month.\n\
\n\
Observers say the committee is divided over the constitution.\n";

const CLAIM: &str = "It is believed that the talks would resume in Geneva";

/// An annotation as another tool might write it: nested selector arrays, a motivation array,
/// an IRI as one body; its position in characters.
fn verified_claim(text: &str) -> String {
    let start = text.find(CLAIM).unwrap();
    let chars = text[..start].chars().count();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:0b6c1d2e-3f40-4a51-8b62-7c83d94ea5f6",
        "type": "Annotation",
        "motivation": ["assessing"],
        "creator": {"name": "the fact desk"},
        "body": [
            {"type": "TextualBody", "purpose": "assessing", "value": "verified"},
            {"type": "TextualBody", "purpose": "commenting", "value": "Confirmed by the UN spokesperson"},
            "https://example.org/briefing"
        ],
        "target": {
            "source": "a.md",
            "selector": [[
                {"type": "TextQuoteSelector", "exact": CLAIM, "prefix": "\n\n", "suffix": " next month."},
                {"type": "TextPositionSelector", "start": chars, "end": chars + CLAIM.chars().count()}
            ]]
        }
    })
    .to_string()
}

/// What `dossier annotations --format json` says of the one annotation, and its exit code.
fn listed(root: &Path) -> (Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["annotations", "--format", "json"])
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    (rows[0].clone(), out.status.code().unwrap())
}

/// The diagnostics the server answers for the article: (code, severity, line, message).
fn diagnostics(client: &mut Client, path: &Path) -> Vec<(String, u64, u64, String)> {
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri(path)}}),
    );
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_u64().unwrap(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The hover at a position: its Markdown and its range's start, or none.
fn hover(
    client: &mut Client,
    path: &Path,
    line: usize,
    character: usize,
) -> Option<(String, Value)> {
    let h = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}}),
    );
    (!h.is_null()).then(|| {
        (
            h["contents"]["value"].as_str().unwrap().to_owned(),
            h["range"]["start"].clone(),
        )
    })
}

/// The line and column (bytes; the text is ASCII) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    (line, offset - before.rfind('\n').map_or(0, |i| i + 1))
}

struct Session {
    client: Client,
    path: std::path::PathBuf,
    root: std::path::PathBuf,
    version: i64,
    text: String,
}

impl Session {
    /// Sends one edit (a range of the current text and what replaces it) or, with no range, the
    /// whole new text; writes the same text to disk for `dossier annotations`.
    fn change(&mut self, range: Option<std::ops::Range<usize>>, insert: &str) {
        self.version += 1;
        let change = match range.clone() {
            Some(r) => {
                let (sl, sc) = line_col(&self.text, r.start);
                let (el, ec) = line_col(&self.text, r.end);
                self.text.replace_range(r, insert);
                json!({"range": {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}, "text": insert})
            }
            None => {
                self.text = insert.to_owned();
                json!({"text": insert})
            }
        };
        self.client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&self.path), "version": self.version}, "contentChanges": [change]}),
        );
        std::fs::write(&self.path, &self.text).unwrap();
    }

    /// Where the claim's words are now, found in the test's own copy of the text.
    fn claim_at(&self, words: &str) -> (usize, usize) {
        let start = self.text.find(words).unwrap();
        (start, start + words.len())
    }

    /// Checks that the annotation is in `state` over `words` everywhere: hover on its first
    /// word, the finding inside it turned to information, `dossier annotations`.
    fn expect_on(&mut self, state: &str, words: &str) {
        let (start, end) = self.claim_at(words);
        let (line, col) = line_col(&self.text, start);
        let (card, at) =
            hover(&mut self.client, &self.path, line, col + 3).expect("a hover on the claim");
        assert!(
            card.contains("claim **verified** — Confirmed by the UN spokesperson"),
            "{card}"
        );
        assert!(
            card.contains("[source](https://example.org/briefing)"),
            "{card}"
        );
        assert_eq!(
            at,
            json!({"line": line, "character": col}),
            "{state}: {card}"
        );
        let found = diagnostics(&mut self.client, &self.path);
        let claim = found
            .iter()
            .find(|d| d.0 == "unattributed-claim")
            .expect("the claim's finding");
        assert_eq!(claim.1, 3, "information, not warning: {found:?}");
        assert!(
            claim.3.starts_with(
                "Marked verified (Confirmed by the UN spokesperson; https://example.org/briefing)."
            ),
            "{}",
            claim.3
        );
        assert!(
            found.iter().all(|d| d.0 != "orphaned-annotation"),
            "{found:?}"
        );
        let (row, code) = listed(&self.root);
        assert_eq!(row["state"], state, "{row}");
        assert_eq!(
            (row["start"].as_u64(), row["end"].as_u64()),
            (Some(start as u64), Some(end as u64))
        );
        assert_eq!(code, 0);
    }
}

#[test]
fn an_annotation_through_four_edits() {
    let dir = workspace(&[("dossier.json", "{}"), ("a.md", ARTICLE)]);
    let root = dir.path().to_owned();
    std::fs::create_dir(root.join(".dossier")).unwrap();
    let store = root.join(".dossier/annotations.jsonl");
    std::fs::write(&store, verified_claim(ARTICLE) + "\n").unwrap();
    let mut caps = editor_capabilities();
    caps["textDocument"]["diagnostic"] = json!({});
    let (mut client, _) = Client::start(&[&root], caps);
    client.wait_indexed();
    let path = root.join("a.md");
    client.open(&path, ARTICLE);
    let mut s = Session {
        client,
        path,
        root,
        version: 1,
        text: ARTICLE.to_owned(),
    };
    s.expect_on("anchored", CLAIM);

    // Text inserted before the quote, on its line.
    let at = s.text.find(CLAIM).unwrap();
    s.change(Some(at..at), "On Sunday, ");
    s.expect_on("moved", CLAIM);
    assert!(
        hover(&mut s.client, &s.path.clone(), 2, 2).is_none(),
        "the new words carry no note"
    );

    // Saved: the position selector follows, and the annotation is anchored there; what the
    // other tool wrote stays.
    s.client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&s.path)}}),
    );
    let new_start = s.text[..s.text.find(CLAIM).unwrap()].chars().count() as u64;
    let mut written = Value::Null;
    for _ in 0..100 {
        written = serde_json::from_str(std::fs::read_to_string(&store).unwrap().trim()).unwrap();
        if written["target"]["selector"][0][1]["start"] == new_start {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        written["target"]["selector"][0][1]["start"], new_start,
        "{written}"
    );
    assert_eq!(written["creator"]["name"], "the fact desk");
    s.expect_on("anchored", CLAIM);

    // The quote's paragraph moved to the end.
    let paragraphs: Vec<String> = s.text.trim_end().split("\n\n").map(str::to_owned).collect();
    let moved = format!(
        "{}\n\n{}\n\n{}\n",
        paragraphs[0], paragraphs[2], paragraphs[1]
    );
    s.change(None, &moved);
    s.expect_on("moved", CLAIM);

    // A word inside the quote changed: found by the fuzzy match, over the words as they are.
    let at = s.text.find("would").unwrap();
    s.change(Some(at..at + "would".len()), "will");
    s.expect_on(
        "moved",
        "It is believed that the talks will resume in Geneva",
    );

    // The quote deleted: orphaned, said at the top of the article, listed with no place.
    let (start, end) =
        s.claim_at("It is believed that the talks will resume in Geneva next month.");
    s.change(Some(start..end), "Nothing was agreed.");
    let found = diagnostics(&mut s.client, &s.path.clone());
    let orphan = found
        .iter()
        .find(|d| d.0 == "orphaned-annotation")
        .expect("an orphan finding");
    assert_eq!((orphan.1, orphan.2), (3, 0), "{found:?}");
    assert!(
        orphan
            .3
            .contains(&format!("claim marked verified on “{}", &CLAIM[..40])),
        "{}",
        orphan.3
    );
    for line in 0..5 {
        let card = hover(&mut s.client, &s.path.clone(), line, 3).map(|h| h.0);
        assert!(
            !card.unwrap_or_default().contains("Annotations"),
            "line {line}"
        );
    }
    let (row, code) = listed(&s.root);
    assert_eq!(
        row,
        json!({"id": "urn:uuid:0b6c1d2e-3f40-4a51-8b62-7c83d94ea5f6", "path": "a.md", "state": "orphaned", "start": null, "end": null})
    );
    assert_eq!(code, 1);
    // `dossier check` says so too, and exits 0 on information.
    let check = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("check")
        .current_dir(&s.root)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.contains("info[orphaned-annotation]"), "{report}");
}

#[test]
fn check_leaves_out_a_verified_claim_and_works_without_annotations() {
    let dir = workspace(&[("dossier.json", "{}"), ("a.md", ARTICLE)]);
    let check = |root: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["check", "--format", "json"])
            .current_dir(root)
            .output()
            .unwrap();
        let codes: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["code"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        (codes, out.status.code().unwrap())
    };
    assert_eq!(
        check(dir.path()),
        (
            vec![
                "unattributed-claim".to_owned(),
                "vague-attribution".to_owned()
            ],
            1
        )
    );
    std::fs::create_dir(dir.path().join(".dossier")).unwrap();
    std::fs::write(
        dir.path().join(".dossier/annotations.jsonl"),
        verified_claim(ARTICLE),
    )
    .unwrap();
    assert_eq!(check(dir.path()), (vec!["vague-attribution".to_owned()], 1));
}

/// `dossier check` reads only the mentions that name their actor, except in an article an
/// annotation identifies: there, as in the editor, the annotation may say whom a role
/// reference ("The minister") names, and a role reference introduces nobody; a span with no
/// mention ("reporters") becomes a naming of the actor.
#[test]
fn check_reads_an_identified_role_reference_as_the_editor_does() {
    let desk = r#"{"actors": [
        {"id": "karim-haddad", "name": "Karim Haddad", "kind": "person",
         "roles": [{"title": "Minister of State", "organization": "Lebanon", "from": "2020"}]},
        {"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"}
    ]}"#;
    let article = "Minister of State Karim Haddad arrived in Geneva on Monday.\n\nThe minister told reporters the talks had failed.\n";
    let dir = workspace(&[
        ("dossier.json", r#"{"catalogs": ["desk.json"]}"#),
        ("desk.json", desk),
        ("a.md", article),
    ]);
    let identifying = |(prefix, exact, suffix): (&str, &str, &str)| {
        json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:uuid:5d1e0c7a-2b3f-4e6a-9c80-1f2e3d4c5b6a",
            "type": "Annotation",
            "motivation": "identifying",
            "body": [{"type": "TextualBody", "purpose": "identifying", "value": "layla-nasser"}],
            "target": {"source": "a.md", "selector": [{"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]}
        })
        .to_string()
    };
    let hints = |quote: (&str, &str, &str)| {
        std::fs::create_dir_all(dir.path().join(".dossier")).unwrap();
        std::fs::write(
            dir.path().join(".dossier/annotations.jsonl"),
            identifying(quote),
        )
        .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["check", "--format", "json"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let finding: Value = serde_json::from_str(l).unwrap();
                format!("{} {}", finding["code"], finding["text"])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        hints(("\n\n", "The minister", " told")),
        Vec::<String>::new()
    );
    assert_eq!(
        hints(("told ", "reporters", " the")),
        ["\"unintroduced-actor\" \"reporters\""]
    );
}

/// The fields the W3C model requires of an annotation, and of a quote and a position selector.
fn assert_w3c(annotation: &Value) {
    assert_eq!(
        annotation["@context"], "http://www.w3.org/ns/anno.jsonld",
        "{annotation}"
    );
    assert!(
        annotation["id"].as_str().is_some_and(|id| id.contains(':')),
        "an IRI: {annotation}"
    );
    assert_eq!(annotation["type"], "Annotation");
    let target = &annotation["target"];
    assert!(target["source"].is_string(), "{annotation}");
    for selector in target["selector"].as_array().unwrap() {
        match selector["type"].as_str().unwrap() {
            "TextQuoteSelector" => assert!(selector["exact"].is_string()),
            "TextPositionSelector" => {
                assert!(selector["start"].as_u64() <= selector["end"].as_u64());
            }
            other => panic!("unexpected selector {other}"),
        }
    }
    if let Some(bodies) = annotation.get("body") {
        for body in bodies.as_array().unwrap() {
            assert!(
                body["type"] == "TextualBody" && body["value"].is_string()
                    || body["id"].is_string(),
                "{body}"
            );
        }
    }
}

#[test]
fn code_actions_and_the_command_write_w3c_annotations() {
    let text =
        "Businessman Karim Haddad, a former minister, says so.\n\nHaddad said the talks failed.\n";
    let dir = workspace(&[("dossier.json", "{}"), ("a.md", text)]);
    let root = dir.path();
    let mut caps = editor_capabilities();
    caps["textDocument"]["diagnostic"] = json!({});
    let (mut client, init) = Client::start(&[root], caps);
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!(["dossier.annotate"])
    );
    client.wait_indexed();
    // "This is Karim Haddad" offers the person the article introduces.
    client.wait_discovered();
    let path = root.join("a.md");
    client.open(&path, text);
    let actions = client.code_actions(&path, json!({"line": 2, "character": 2}));
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Mark claim verified"), "{titles:?}");
    assert!(titles.contains(&"Mark claim disputed"), "{titles:?}");
    assert!(titles.contains(&"This is Karim Haddad"), "{titles:?}");
    // Without the client's prompt, nothing asks for a note: no "Add note…".
    assert!(
        !titles.iter().any(|t| t.starts_with("Add note")),
        "{titles:?}"
    );
    let disputed = actions
        .iter()
        .find(|a| a["title"] == "Mark claim disputed")
        .unwrap();
    assert_eq!(disputed["command"]["command"], "dossier.annotate");
    let mut argument = disputed["command"]["arguments"][0].clone();
    argument["note"] = json!("The talks were postponed, not failed");
    argument["link"] = json!("https://example.org/statement");
    let done = client.request(
        "workspace/executeCommand",
        json!({"command": "dossier.annotate", "arguments": [argument]}),
    );
    assert!(
        done["id"].as_str().unwrap().starts_with("urn:uuid:"),
        "{done}"
    );
    let this_is = actions
        .iter()
        .find(|a| a["title"] == "This is Karim Haddad")
        .unwrap();
    client.request(
        "workspace/executeCommand",
        json!({"command": "dossier.annotate", "arguments": this_is["command"]["arguments"]}),
    );

    let written = std::fs::read_to_string(root.join(".dossier/annotations.jsonl")).unwrap();
    let lines: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{written}");
    for annotation in &lines {
        assert_w3c(annotation);
    }
    assert_eq!(lines[0]["motivation"], "assessing");
    assert_eq!(
        lines[0]["target"]["selector"][0]["exact"],
        "Haddad said the talks failed."
    );
    assert_eq!(lines[1]["motivation"], "identifying");
    // The person the text introduces, an actor of the workspace.
    assert_eq!(lines[1]["body"][0]["value"], "discovered-karim-haddad");
    assert_eq!(lines[1]["target"]["selector"][0]["exact"], "Haddad");

    // The hover on the mention shows both notes, the disputed claim's with its source.
    let (card, _) = hover(&mut client, &path, 2, 1).unwrap();
    assert!(card.contains("claim **disputed** — The talks were postponed, not failed ([source](https://example.org/statement))"), "{card}");
    assert!(card.contains("this is **Karim Haddad**"), "{card}");

    // A client that asks for notes gets the actions as its own command, to ask first.
    let mut caps = editor_capabilities();
    caps["experimental"] = json!({"dossierPromptAnnotation": true});
    let (mut prompting, _) = Client::start(&[root], caps);
    prompting.wait_indexed();
    prompting.open(&path, text);
    let actions = prompting.code_actions(&path, json!({"line": 2, "character": 2}));
    let add = actions
        .iter()
        .find(|a| a["title"] == "Add note…")
        .expect("Add note…");
    assert_eq!(add["command"]["command"], "dossier.promptAnnotation");
    assert_eq!(add["command"]["arguments"][0]["ask"], json!(["note"]));
    assert!(actions.iter().any(|a| a["title"] == "Mark claim verified…"));
}
