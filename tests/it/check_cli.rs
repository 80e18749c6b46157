//! `dossier check` end to end: the real binary over a temporary workspace, in every format.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLE_MD: &str = "# Talks resume in Geneva\n\nThe envoy opened a new round on Tuesday.\n\nIt is believed that Damascus agreed to attend only after pressure from Moscow.\n\nA source said the first session lasted an hour. The source added that both sides left early.\n";
const ARTICLE_TXT: &str =
    "Haddad said the opposition would attend.\nObservers say the round will fail.\n";
const CLEAN_TXT: &str = "Haddad said the opposition would attend, Enab Baladi reports.\n";

fn workspace(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if let Some(c) = config {
        fs::write(dir.path().join("dossier.json"), c).unwrap();
    }
    fs::create_dir(dir.path().join("articles")).unwrap();
    fs::write(dir.path().join("articles/geneva.md"), ARTICLE_MD).unwrap();
    fs::write(dir.path().join("articles/wire.txt"), ARTICLE_TXT).unwrap();
    fs::write(dir.path().join("articles/clean.txt"), CLEAN_TXT).unwrap();
    dir
}

fn dossier(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run dossier")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn human_format_with_exit_codes() {
    let ws = workspace(None);
    let out = dossier(ws.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "warnings reach the default --deny"
    );
    let text = stdout(&out);
    assert!(text.contains("warning[unattributed-claim]"), "{text}");
    assert!(text.contains(" --> articles/geneva.md:5:1"), "{text}");
    assert!(text.contains("5 | It is believed that Damascus"), "{text}");
    assert!(text.contains("  | ^^^^^^^^^^^^^^^^^^^"), "{text}");
    assert!(text.contains("info[anonymous-source]"), "{text}");
    assert!(
        text.contains("= articles/geneva.md:7:49: a later mention"),
        "{text}"
    );
    assert!(
        text.ends_with("dossier: 2 warnings, 2 information in 2 of 3 files\n"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "NO_COLOR is honoured");

    let out = dossier(ws.path(), &["--deny", "error"]);
    assert_eq!(out.status.code(), Some(0));
    let out = dossier(ws.path(), &["articles/clean.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "dossier: no findings in 1 file\n");
}

#[test]
fn json_lines_with_lsp_ranges() {
    let ws = workspace(None);
    let out = dossier(ws.path(), &["--format", "json"]);
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let claim = &lines[0];
    assert_eq!(claim["path"], "articles/geneva.md");
    assert_eq!(claim["code"], "unattributed-claim");
    assert_eq!(claim["severity"], "warning");
    assert_eq!(claim["source"], "dossier");
    assert_eq!(claim["range"]["start"]["line"], 4);
    assert_eq!(claim["range"]["start"]["character"], 0);
    assert_eq!(claim["range"]["end"]["character"], 19);
    assert_eq!(lines[1]["related"][0]["range"]["start"]["line"], 6);
    // The later mention of the unnamed source is a claim of its own, pointing back.
    assert_eq!(lines[2]["code"], "anonymous-source");
    assert_eq!(lines[2]["range"]["start"]["character"], 48);
    assert_eq!(lines[2]["related"][2]["range"]["start"]["character"], 0);
    assert_eq!(lines[3]["path"], "articles/wire.txt");
}

#[test]
fn sarif_structure() {
    let ws = workspace(None);
    let out = dossier(ws.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "dossier");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), dossier::rules::RULES.len());
    assert!(rules.iter().all(|r| r["id"].is_string()
        && r["shortDescription"]["text"].is_string()
        && r["defaultConfiguration"]["level"].is_string()));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(matches!(
            r["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .starts_with("articles/"));
        let region = &loc["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    assert_eq!(
        results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        7
    );
}

#[test]
fn github_workflow_commands() {
    let ws = workspace(None);
    let out = dossier(ws.path(), &["--format", "github"]);
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::warning file=articles/geneva.md,line=5,col=1,endLine=5,endColumn=20,title=unattributed-claim::“It is believed that”"),
        "{first}"
    );
    assert!(
        text.contains("::notice file=articles/geneva.md,line=7,"),
        "{text}"
    );
}

#[test]
fn configuration_applies_and_errors_say_where() {
    let ws = workspace(Some(
        r#"{ "rules": { "vague-attribution": "off", "anonymous-source": "error" } }"#,
    ));
    let out = dossier(ws.path(), &["--format", "json", "--deny", "error"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "anonymous-source is now an error"
    );
    let text = stdout(&out);
    assert!(!text.contains("vague-attribution"), "{text}");
    assert!(text.contains(r#""severity":"error""#), "{text}");

    let ws = workspace(Some(
        "{\n  \"rules\": {\n    \"no-such-rule\": \"off\"\n  }\n}\n",
    ));
    let out = dossier(ws.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("dossier.json:3:5:") && err.contains("no-such-rule"),
        "{err}"
    );

    let ws = workspace(Some(r#"{ "rules": { "hedged-report": "loud" } }"#));
    let out = dossier(ws.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("loud") && err.contains("hedged-report"),
        "{err}"
    );

    let ws = workspace(Some("{ not json"));
    let out = dossier(ws.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("dossier.json:1:"));
}

#[test]
fn usage_errors() {
    let ws = workspace(None);
    let out = dossier(ws.path(), &["missing.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("missing.md"));
    let out = dossier(ws.path(), &["--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(ws.path(), &["--deny", "loud"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `dossier attributions --format json`: one relation a line, offsets in UTF-8 bytes of the file.
#[test]
fn attributions_as_json_lines() {
    let dir = workspace(None);
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["attributions", "--format", "json", "articles"])
        .current_dir(dir.path())
        .output()
        .expect("run dossier");
    assert!(out.status.success(), "{out:?}");
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
        .collect();
    let classes: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["source"]["text"].as_str().unwrap(),
                l["source"]["class"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        classes,
        [
            ("Haddad", "named"),
            ("Enab Baladi", "named"),
            ("", "agentless"),
            // "pressure from Moscow": a stance, Moscow's.
            ("Moscow", "named"),
            ("A source", "anonymous"),
            ("The source", "anonymous"),
            ("Haddad", "named"),
            ("Observers", "vague"),
        ]
    );
    for l in &lines {
        let path = dir.path().join(l["path"].as_str().unwrap());
        let text = fs::read(path).unwrap();
        let at = |span: &Value| {
            let (s, e) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            String::from_utf8(text[s as usize..e as usize].to_vec()).unwrap()
        };
        assert_eq!(at(&l["source"]), l["source"]["text"].as_str().unwrap());
        assert_eq!(at(&l["cue"]), l["cue"]["text"].as_str().unwrap());
    }
    let claim = &lines[2];
    assert_eq!(claim["cue"]["text"], "It is believed that");
    let text = fs::read_to_string(dir.path().join("articles/geneva.md")).unwrap();
    let content = &claim["content"];
    let (s, e) = (
        content["start"].as_u64().unwrap() as usize,
        content["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &text[s..e],
        "Damascus agreed to attend only after pressure from Moscow"
    );
}

/// A desk's catalog entry that borrows a name the default catalog already gives someone is
/// reported where it is defined; the check still runs.
#[test]
fn a_clashing_alias_is_reported_where_it_is_defined() {
    let ws = workspace(Some(r#"{ "catalogs": ["desk.json"] }"#));
    let desk = "{\n  \"actors\": [\n    {\n      \"id\": \"ahmad-assad\",\n      \"name\": \"Ahmad Assad\",\n      \"kind\": \"person\",\n      \"aliases\": [\"Bashar al-Assad\"]\n    }\n  ]\n}\n";
    fs::write(ws.path().join("desk.json"), desk).unwrap();
    let out = dossier(ws.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "the articles are still checked");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("desk.json:4:") && err.contains("“Bashar al-Assad” of Ahmad Assad"),
        "{err}"
    );
    // Without the borrowed alias, nothing to say.
    fs::write(
        ws.path().join("desk.json"),
        desk.replace("\"Bashar al-Assad\"", "\"A. Assad\""),
    )
    .unwrap();
    let err = String::from_utf8(dossier(ws.path(), &[]).stderr).unwrap();
    assert!(!err.contains("warning"), "{err}");
}
