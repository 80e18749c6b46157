//! The command line CI reaches for, end to end with the real binary: standard input, a named
//! settings file, a report file, a baseline, every severity name the reports print, the exit
//! codes for no articles and for articles that cannot be read, misspelt rule codes in inline
//! comments, and `dossier lsp --stdio`.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::common::workspace;

const VAGUE: &str = "Observers say the round will fail.\n";

fn dossier(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier");
    let mut input = child.stdin.take().unwrap();
    // A run that does not read its input may exit before the write ends (a broken pipe); its
    // output is what the tests judge.
    let _ = input.write_all(stdin.unwrap_or("").as_bytes());
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn codes(json_lines: &str) -> Vec<String> {
    json_lines
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn standard_input_is_checked_as_the_file_it_stands_for() {
    let ws = workspace(&[
        (
            "desk/dossier.json",
            r#"{ "rules": { "vague-attribution": "off" } }"#,
        ),
        ("desk/.keep", ""),
    ]);
    let article = "---\ntitle: \"It is believed that the talks failed\"\n---\n\nObservers say the talks failed.\nIt is believed that they will resume.\n";
    // Named as a Markdown file under `desk/`: its front matter is no prose, and desk's
    // dossier.json turns the vague source off.
    let out = dossier(
        ws.path(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "desk/draft.md",
            "--format",
            "json",
        ],
        Some(article),
    );
    let report = text(&out.stdout);
    assert_eq!(codes(&report), ["unattributed-claim"], "{report}");
    let line: Value = serde_json::from_str(report.lines().next().unwrap()).unwrap();
    assert_eq!(line["path"], "desk/draft.md");
    assert_eq!(line["range"]["start"]["line"], 5);
    assert_eq!(out.status.code(), Some(1));

    // Without a name it is plain text under the current folder's (default) settings.
    let out = dossier(ws.path(), &["check", "-"], Some(VAGUE));
    let report = text(&out.stdout);
    assert!(report.contains(" --> <stdin>:1:1"), "{report}");
    assert!(
        report.ends_with("dossier: 1 warning in 1 of 1 file\n"),
        "{report}"
    );

    let out = dossier(ws.path(), &["check", "-", "desk"], Some(VAGUE));
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(
        ws.path(),
        &["check", "--stdin-filename", "a.md", "desk"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_named_settings_file_and_a_report_file() {
    let ws = workspace(&[
        ("articles/wire.txt", VAGUE),
        (
            "ci/strict.json",
            r#"{ "rules": { "vague-attribution": "error" } }"#,
        ),
    ]);
    let out = dossier(
        ws.path(),
        &[
            "check",
            "--config",
            "ci/strict.json",
            "--output",
            "out/report.txt",
            "articles",
        ],
        None,
    );
    // The report file's folder does not exist: that is an error, and the exit code says so.
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("cannot write the report to out/report.txt"));

    let out = dossier(
        ws.path(),
        &[
            "check",
            "--config",
            "ci/strict.json",
            "-o",
            "report.txt",
            "--deny",
            "error",
            "articles",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    assert_eq!(text(&out.stderr), "dossier: 1 error in 1 of 1 file\n");
    let report = fs::read_to_string(ws.path().join("report.txt")).unwrap();
    assert!(report.starts_with("error[vague-attribution]"), "{report}");

    let out = dossier(
        ws.path(),
        &["check", "--config", "ci/none.json", "articles"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("ci/none.json"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_baseline_lets_known_findings_pass_and_fails_on_new_ones() {
    let ws = workspace(&[("a.md", "# Talks\n\nObservers say the round will fail.\n")]);
    let out = dossier(
        ws.path(),
        &["check", "--format", "json", "-o", "baseline.json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        codes(&fs::read_to_string(ws.path().join("baseline.json")).unwrap()).len(),
        1
    );

    let out = dossier(ws.path(), &["check", "--baseline", "baseline.json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("1 known finding of the baseline left out"));

    // Lines added above move the known finding: it still matches. A new one fails.
    fs::write(
        ws.path().join("a.md"),
        "# Talks\n\nA new paragraph.\n\nObservers say the round will fail.\n\nExperts say it will not.\n",
    )
    .unwrap();
    let out = dossier(
        ws.path(),
        &["check", "--baseline", "baseline.json", "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert_eq!(codes(&report), ["vague-attribution"]);
    assert!(report.contains("\"text\":\"Experts say\""), "{report}");

    fs::write(ws.path().join("broken.json"), "{\"path\": 3}\n").unwrap();
    let out = dossier(ws.path(), &["check", "--baseline", "broken.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("broken.json:1: not a finding"));
}

#[test]
fn deny_takes_every_severity_name_the_reports_print() {
    let ws = workspace(&[("a.txt", "A source said the talks failed.\n")]);
    // An anonymous source is information: printed `info`, `note` in SARIF, `notice` on GitHub.
    for (level, code) in [
        ("info", 1),
        ("information", 1),
        ("note", 1),
        ("notice", 1),
        ("hint", 1),
        ("warning", 0),
        ("error", 0),
    ] {
        let out = dossier(ws.path(), &["check", "--deny", level], None);
        assert_eq!(out.status.code(), Some(code), "--deny {level}");
    }
    let out = dossier(ws.path(), &["check", "--deny", "loud"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn no_articles_is_an_error() {
    let ws = workspace(&[("notes.rst", VAGUE), ("empty/.keep", "")]);
    for args in [&["check"][..], &["check", "empty"]] {
        let out = dossier(ws.path(), args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("no articles found"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn an_article_that_cannot_be_read_fails_the_check_or_is_a_finding() {
    let ws = workspace(&[("a.txt", VAGUE)]);
    // A FIFO named as an article is not read (it could block for ever) whoever runs the test.
    let fifo = ws.path().join("b.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = dossier(ws.path(), &["check", "a.txt", "b.md"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("b.md: skipped: not a regular file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 2 articles could not be read"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("in 1 of 1 file"));

    let out = dossier(
        ws.path(),
        &[
            "check",
            "--unreadable-as-finding",
            "--format",
            "json",
            "--deny",
            "error",
            "a.txt",
            "b.md",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        codes(&text(&out.stdout)),
        ["vague-attribution", "unreadable-file"]
    );
    assert_eq!(
        text(&out.stderr).lines().last(),
        Some("dossier: 1 error, 1 warning in 2 of 2 files")
    );
    fs::remove_file(&fifo).unwrap();

    // A file without read permission, found in a folder. Root reads it all the same.
    let locked = ws.path().join("c.txt");
    fs::write(&locked, VAGUE).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        eprintln!("running as root: a file without permissions is still readable; not tested");
        return;
    }
    let out = dossier(ws.path(), &["check"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("c.txt: skipped"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_misspelt_rule_code_in_a_comment_is_reported() {
    let ws = workspace(&[(
        "a.md",
        "<!-- dossier-disable-next-line vague-atribution -->\nObservers say the round will fail.\n",
    )]);
    let out = dossier(ws.path(), &["check", "--format", "json"], None);
    let report = text(&out.stdout);
    assert_eq!(
        codes(&report),
        ["unknown-rule", "vague-attribution"],
        "{report}"
    );
    let line: Value = serde_json::from_str(report.lines().next().unwrap()).unwrap();
    assert_eq!(line["text"], "vague-atribution");
    assert_eq!(line["range"]["start"]["character"], 31);
    assert!(line["message"]
        .as_str()
        .unwrap()
        .contains("switches nothing off"));
}

/// Many clients start a server with `--stdio`: it is accepted and the server speaks as ever.
#[test]
fn lsp_accepts_stdio() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let mut send = |body: &str| {
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        input.flush().unwrap();
    };
    send(
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#,
    );
    let initialized = read_message(&mut output);
    assert_eq!(initialized["id"], 1, "{initialized}");
    assert!(initialized["result"]["capabilities"]["hoverProvider"]
        .as_bool()
        .unwrap());
    send(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
    send(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#);
    let shut = read_message(&mut output);
    assert_eq!(shut["id"], 2, "{shut}");
    send(r#"{"jsonrpc":"2.0","method":"exit"}"#);
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// The next message the server writes that is not a notification or a request of its own.
fn read_message(reader: &mut impl BufRead) -> Value {
    loop {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                reader.read_line(&mut line).unwrap() > 0,
                "the server hung up"
            );
            match line.trim_end() {
                "" => break,
                header => {
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let message: Value = serde_json::from_slice(&body).unwrap();
        if message.get("method").is_none() {
            return message;
        }
    }
}

#[test]
fn a_misspelt_rule_code_is_a_diagnostic_in_the_editor_too() {
    let ws = workspace(&[]);
    let path = ws.path().join("a.md");
    let (mut client, _) =
        crate::common::Client::start(&[ws.path()], crate::common::editor_capabilities());
    client.open(
        &path,
        "<!-- dossier-disable-next-line vague-atribution -->\nObservers say the round will fail.\n",
    );
    let published = client.wait_for("diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1
    });
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let unknown = &diagnostics[0];
    assert_eq!(unknown["code"], "unknown-rule", "{published}");
    assert_eq!(
        unknown["range"]["start"],
        serde_json::json!({"line": 0, "character": 31})
    );
    assert_eq!(diagnostics[1]["code"], "vague-attribution");
    client.shutdown();
}
