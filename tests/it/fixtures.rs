//! Snapshots of what the real binary says about the articles in `fixtures/`: the findings of
//! `dossier check --format json`, and the hover card of every actor each article names. A change
//! in a rule, a message or a card shows here as a diff a person can read (`cargo insta review`).
//!
//! Paths are relative to the repository (the JSON report's own) or redacted (the fixtures
//! folder's location on this machine), and nothing timed is kept, so the snapshots are the same
//! on every machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::common::{editor_capabilities, uri, Client};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repository().join("fixtures"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 6, "fixtures: {files:?}");
    files
}

/// Where this checkout lies, written the same way on every machine.
fn redact(text: &str) -> String {
    let dir = repository().join("fixtures");
    text.replace(&uri(&dir), "[fixtures-uri]")
        .replace(&dir.display().to_string(), "[fixtures]")
}

#[test]
fn check_json_over_the_fixtures() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--format", "json", "fixtures"])
        .current_dir(repository())
        .env("NO_COLOR", "1")
        .output()
        .expect("run dossier check");
    // Nothing on stderr but how many files were checked and what was found.
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dossier: 9 warnings, 4 information, 1 hint in 6 of 6 files\n"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // One finding per line, as the format promises; shown pretty-printed so a diff is readable.
    let findings: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let shown = format!(
        "exit code: {:?}\n{}",
        out.status.code(),
        serde_json::to_string_pretty(&findings).unwrap()
    );
    insta::assert_snapshot!("check_json", redact(&shown));
}

/// Every actor an article names (as its document symbols list them), in the order of their first
/// mention, with the card a hover there shows.
#[test]
fn hover_cards_over_the_fixtures() {
    let folder = repository().join("fixtures");
    let (mut client, _) = Client::start(&[&folder], editor_capabilities());
    client.wait_indexed();
    client.wait_discovered();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let symbols = client.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&path)}}),
        );
        let mut firsts: Vec<(u64, u64, String)> = symbols
            .as_array()
            .unwrap_or_else(|| panic!("no symbols for {}: {symbols}", path.display()))
            .iter()
            .flat_map(|group| group["children"].as_array().cloned().unwrap_or_default())
            .map(|actor| {
                let start = &actor["selectionRange"]["start"];
                let name = actor["name"].as_str().unwrap().to_owned();
                (
                    start["line"].as_u64().unwrap(),
                    start["character"].as_u64().unwrap(),
                    name,
                )
            })
            .collect();
        firsts.sort();
        assert!(!firsts.is_empty(), "{} names no actor", path.display());
        let mut shown = String::new();
        for (line, character, name) in firsts {
            let hover = client.request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri(&path)}, "position": {"line": line, "character": character}}),
            );
            let card = hover["contents"]["value"]
                .as_str()
                .unwrap_or_else(|| panic!("no card for {name} in {}: {hover}", path.display()));
            // The words the card is for, as the client would highlight them (UTF-16 columns).
            let range = &hover["range"];
            let written = if range["start"]["line"] == range["end"]["line"] {
                let units: Vec<u16> = lines[line as usize].encode_utf16().collect();
                let from = range["start"]["character"].as_u64().unwrap() as usize;
                let to = range["end"]["character"].as_u64().unwrap() as usize;
                String::from_utf16_lossy(&units[from..to])
            } else {
                format!("{range}")
            };
            shown.push_str(&format!(
                "=== {name} · “{written}” at {}:{}\n{card}\n\n",
                line + 1,
                character + 1
            ));
        }
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(format!("hover_{file}"), redact(&shown));
    }
    assert!(client.shutdown().success());
}
