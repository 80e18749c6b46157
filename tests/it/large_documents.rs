//! Large documents, end to end: a megabyte on one line costs the same in both position
//! encodings, long requests can be cancelled, and what is published stays bounded.

use crate::common;

use std::time::Instant;

use common::{resident_kb, uri, workspace, Client};
use serde_json::{json, Value};

/// One line holding `mentions` mentions, 26 bytes each, with characters that are one, two and
/// four bytes so that UTF-8 and UTF-16 columns differ.
fn long_line(mentions: usize) -> String {
    let mut line = String::from("4 April 2022\n\n");
    for i in 0..mentions {
        line.push_str(if i % 2 == 0 {
            "Pedersen é🇸 met "
        } else {
            "Lavrov’s aide — “no” "
        });
    }
    line.push('\n');
    line
}

fn start_with(encoding: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, Client) {
    let dir = workspace(files);
    let capabilities = json!({"general": {"positionEncodings": [encoding]}});
    let (mut client, init) = Client::start(&[dir.path()], capabilities);
    assert_eq!(init["capabilities"]["positionEncoding"], encoding);
    client.wait_indexed();
    (dir, client)
}

/// Guarantee 4b: on a one-megabyte line with 40,000 mentions, highlights and references are
/// answered in UTF-16 as in UTF-8 (the same places, each column in its own units), where
/// counting each column from the start of the line took seconds per request.
#[test]
fn a_megabyte_line_costs_the_same_in_both_encodings() {
    let text = long_line(40_000);
    let mut answers = Vec::new();
    for encoding in ["utf-8", "utf-16"] {
        let (dir, mut client) = start_with(encoding, &[("big.md", &text)]);
        let big = uri(&dir.path().join("big.md"));
        let at = json!({"textDocument": {"uri": big}, "position": {"line": 2, "character": 0}});
        let started = Instant::now();
        let highlights = client.request("textDocument/documentHighlight", at.clone());
        let mut refs_at = at.clone();
        refs_at["context"] = json!({"includeDeclaration": true});
        let refs = client.request("textDocument/references", refs_at);
        eprintln!(
            "{encoding}: highlights and references in {:?}",
            started.elapsed()
        );
        let highlights = highlights
            .as_array()
            .unwrap_or_else(|| panic!("{highlights}"))
            .clone();
        assert_eq!(highlights.len(), 20_000, "{encoding}");
        assert_eq!(refs.as_array().map(Vec::len), Some(20_000), "{encoding}");
        answers.push(highlights);
    }
    // The 20,000th mention: its column counted in bytes, and in UTF-16 units.
    let last = text.rfind("Pedersen").unwrap() - text.find("Pedersen").unwrap();
    let units: usize = text[text.find("Pedersen").unwrap()..][..last]
        .encode_utf16()
        .count();
    assert_eq!(
        answers[0][19_999]["range"]["start"]["character"],
        json!(last)
    );
    assert_eq!(
        answers[1][19_999]["range"]["start"]["character"],
        json!(units)
    );
}

/// Guarantee 4d: twelve references requests on a 520 KB line, each cancelled at once (all in
/// one write): each is answered once, all but those finished before their cancellation was
/// read with -32800, and a hover sent after them is answered without waiting for their work.
#[test]
fn cancelled_requests_are_answered_as_cancelled_and_delay_nothing() {
    let text = long_line(20_000);
    let (dir, mut client) = start_with("utf-16", &[("big.md", &text)]);
    let big = uri(&dir.path().join("big.md"));
    // Ids far from those the client numbers its own requests with.
    let first = 5000;
    let mut write = String::new();
    let frame = |message: Value| {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    for id in first..first + 12 {
        write += &frame(
            json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/references",
            "params": {"textDocument": {"uri": big}, "position": {"line": 2, "character": 1},
                       "context": {"includeDeclaration": true}}}),
        );
    }
    for id in first..first + 12 {
        write +=
            &frame(json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}}));
    }
    let hover_id = first + 100;
    write += &frame(
        json!({"jsonrpc": "2.0", "id": hover_id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": big}, "position": {"line": 0, "character": 0}}}),
    );
    let started = Instant::now();
    client.send_raw(write.as_bytes());
    let hover = client.response(&json!(hover_id), "the hover after the cancelled requests");
    let waited = started.elapsed();
    assert!(hover.get("error").is_none(), "{hover}");
    // A request the server finished before it read the cancellation may keep its answer (the
    // protocol allows it; on a loaded machine the first few can); the rest are cancelled.
    let mut cancelled = 0;
    for id in first..first + 12 {
        let answer = client.response(&json!(id), "a cancelled request");
        match answer.get("error") {
            Some(error) => {
                assert_eq!(error["code"], -32800, "{error}");
                cancelled += 1;
            }
            None => assert!(answer.is_array(), "request {id} answered neither way"),
        }
    }
    assert!(
        cancelled >= 8,
        "only {cancelled} of 12 requests were cancelled"
    );
    eprintln!("hover after 12 cancelled requests answered in {waited:?}; {cancelled} cancelled");
    // The server reads on.
    let again = client.request("workspace/symbol", json!({"query": "Pedersen"}));
    assert!(again.is_array(), "{again}");
}

fn diagnostics_of(client: &mut Client, uri: &str, version: i64) -> Vec<Value> {
    let published = client.wait_for("diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"] == version
    });
    published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .clone()
}

const WEAK: &str = "Western diplomats said the talks would resume in Geneva. ";

/// Guarantee 4e: no more diagnostics are published for a document than `maxDiagnostics` says,
/// and one more says how many were left out, placed at the first of them.
#[test]
fn published_diagnostics_are_bounded_with_a_count_of_the_rest() {
    let text = format!("4 April 2022\n\n{}\n", WEAK.repeat(50));
    let dir = workspace(&[("dossier.json", r#"{"maxDiagnostics": 5}"#)]);
    let (mut client, _) = Client::start(&[dir.path()], common::editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("weak.md");
    client.open(&path, &text);
    let diagnostics = diagnostics_of(&mut client, &uri(&path), 1);
    assert_eq!(diagnostics.len(), 6, "{diagnostics:?}");
    let summary = &diagnostics[5];
    assert_eq!(summary["code"], "more-findings");
    let message = summary["message"].as_str().unwrap();
    assert!(
        message.starts_with("45 more findings not shown"),
        "{message}"
    );
    assert_eq!(
        summary["range"]["start"]["character"],
        json!(5 * WEAK.len())
    );
}

/// Guarantee 4f: an open document over `maxLiveSize` (5 MB by default) is held but not
/// analysed: one warning says so, the server's memory stays within ten times the document,
/// other questions are answered, and its edits are kept — once small enough it is analysed.
#[test]
fn a_document_over_the_live_limit_is_held_not_analysed() {
    let dir = workspace(&[("a.md", "UN envoy Geir Pedersen spoke.\n")]);
    let (mut client, _) = Client::start(&[dir.path()], common::editor_capabilities());
    client.wait_indexed();
    let path = dir.path().join("huge.md");
    let huge = format!("4 April 2022\n\n{}\n", WEAK.repeat(50_000_000 / WEAK.len()));
    let before = resident_kb(client.pid());
    client.open(&path, &huge);
    let diagnostics = diagnostics_of(&mut client, &uri(&path), 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "not-analysed-live");
    let a = uri(&dir.path().join("a.md"));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": 12}}),
    );
    assert!(hover["contents"]["value"].as_str().is_some(), "{hover}");
    let grown = resident_kb(client.pid()).saturating_sub(before);
    eprintln!(
        "a {} MB document held in {} MB more",
        huge.len() >> 20,
        grown >> 10
    );
    assert!(grown * 1024 < 10 * huge.len() as u64, "{grown} kB");
    // The client cuts it down to one sentence: every edit was kept, and now it is analysed.
    let end = huge.lines().count() as u32;
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&path), "version": 2},
               "contentChanges": [{"range": {"start": {"line": 2, "character": WEAK.len()},
                                             "end": {"line": end, "character": 0}},
                                   "text": "\n"}]}),
    );
    let diagnostics = diagnostics_of(&mut client, &uri(&path), 2);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_ne!(
        diagnostics[0]["code"], "not-analysed-live",
        "{diagnostics:?}"
    );
}
