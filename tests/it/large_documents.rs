//! Large documents, end to end: a megabyte on one line costs the same in both position
//! encodings, long requests can be cancelled, and what is published stays bounded.

use crate::common;

use std::time::Instant;

use common::{uri, workspace, Client};
use serde_json::{json, Value};

/// One line of about a megabyte holding 40,000 mentions, with characters that are one, two
/// and four bytes so that UTF-8 and UTF-16 columns differ.
fn megabyte_line() -> String {
    let mut line = String::from("4 April 2022\n\n");
    for i in 0..40_000 {
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
    let text = megabyte_line();
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
