//! End to end: a Markdown article's front matter is data — its date sets the roles a hover
//! card shows, its title and author name the article, its tags go to the report — and never
//! prose to flag.

use std::process::Command;

use crate::common::{editor_capabilities, uri, workspace, Client};
use serde_json::json;

const INTRO: &str = "---\n\
title: \"“It is believed that the talks failed,” observers say\"\n\
author: Jane Doe\n\
date: 2013-07-14\n\
tags: [geneva, talks]\n\
---\n\
Deputy Foreign Minister Faisal Mekdad met the envoy in Geneva.\n";
const LATER: &str = "Mekdad left for Damascus on Sunday.\n";

#[test]
fn front_matter_dates_and_names_the_article_and_is_never_flagged() {
    let dir = workspace(&[("intro.md", INTRO), ("later.txt", LATER)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let hover = |client: &mut Client, path: &str, line: u32, character: u32| {
        let answer = client.request(
            "textDocument/hover",
            json!({
                "textDocument": {"uri": uri(&dir.path().join(path))},
                "position": {"line": line, "character": character},
            }),
        );
        answer["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let card = hover(&mut client, "intro.md", 6, 33);
    assert!(
        card.contains("*at the article's date, 14 July 2013*"),
        "{card}"
    );
    let card = hover(&mut client, "later.txt", 0, 2);
    assert!(
        card.contains(
            "introduced in ““It is believed that the talks failed,” observers say” by Jane Doe (`intro.md`, line 7)"
        ),
        "{card}"
    );
    client.shutdown();

    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--format", "json", "intro.md"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));

    // The report's rows carry the byline and the tags.
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["report", "--format", "json", "intro.md", "later.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let map: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = map["articles"].as_array().unwrap();
    assert_eq!(rows[0]["author"], json!(["Jane Doe"]));
    assert_eq!(rows[0]["tags"], json!(["geneva", "talks"]));
    assert_eq!(rows[1]["author"], json!([]));
    assert_eq!(rows[1]["title"], json!(null));
}
