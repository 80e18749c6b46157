//! Robustness, end to end: the real `dossier lsp` over stdio, fed the files, configurations and
//! messages a long editing session and an uncleaned archive produce. One test per guarantee of
//! `docs/robustness.md`; each names the guarantee it proves.

use crate::checks;
use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};

use checks::ClientText;
use common::{editor_capabilities, resident_kb, uri, workspace, Client, Options};
use dossier::text::document::Edit;
use dossier::text::{Encoding, Position};
use serde_json::{json, Value};

const ARTICLE: &str = "4 April 2022\n\nUN envoy Geir Pedersen met Sergei Lavrov in Moscow.\n";

/// The (line, UTF-16 character) of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?}"));
    let p = ClientText::new(text).position(offset, Encoding::Utf16);
    json!({"line": p.line, "character": p.character})
}

fn hover(client: &mut Client, path: &Path, position: Value) -> Value {
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(path)}, "position": position}),
    )
}

fn card(result: &Value) -> String {
    result["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn log_lines_about(client: &Client, path: &Path) -> Vec<String> {
    let name = path.display().to_string();
    client
        .seen
        .iter()
        .filter(|m| m["method"] == "window/logMessage")
        .filter_map(|m| m["params"]["message"].as_str())
        .filter(|s| s.contains(&name))
        .map(str::to_owned)
        .collect()
}

fn diagnostics_for(client: &Client, path: &Path) -> Vec<Value> {
    client
        .seen
        .iter()
        .filter(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(path)
        })
        .cloned()
        .collect()
}

fn watched(client: &mut Client, changes: &[(&Path, u8)]) {
    let changes: Vec<Value> = changes
        .iter()
        .map(|(p, kind)| json!({"uri": uri(p), "type": kind}))
        .collect();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    );
}

const CREATED: u8 = 1;
const CHANGED: u8 = 2;
const DELETED: u8 = 3;

/// Waits until the server has written `needle` to stderr (it reaches the test through another
/// pipe than the protocol), and returns all of stderr.
fn wait_stderr(client: &Client, needle: &str) -> String {
    let deadline = std::time::Instant::now() + common::TIMEOUT;
    loop {
        let stderr = client.stderr();
        if stderr.contains(needle) || std::time::Instant::now() > deadline {
            return stderr;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Files

/// Guarantee 1a: non-UTF-8 text is read lossily, with one file-level warning.
#[test]
fn a_non_utf8_article_is_read_lossily_with_one_warning() {
    let dir = workspace(&[("ok.md", ARTICLE)]);
    // Latin-1 bytes: "Café" and "Genève" as an old newsroom system would save them.
    let latin1 = dir.path().join("latin1.md");
    std::fs::write(
        &latin1,
        b"Caf\xe9 talks in Gen\xe8ve: UN envoy Geir Pedersen spoke.\n",
    )
    .unwrap();
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();

    let text = "Caf\u{fffd} talks in Gen\u{fffd}ve: UN envoy Geir Pedersen spoke.\n";
    let found = hover(&mut client, &latin1, at(text, "Pedersen"));
    assert!(card(&found).starts_with("**Geir Pedersen**"), "{found}");

    // Pushed once indexing has read the file, before anyone opens it.
    let published = client.wait_for("the file's diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&latin1)
    });
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    let warnings: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "invalid-utf8")
        .collect();
    assert_eq!(warnings.len(), 1, "{diagnostics:?}");
    assert_eq!(warnings[0]["severity"], 2);
    assert_eq!(
        warnings[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
    // The valid article gets no such warning.
    assert!(diagnostics_for(&client, &dir.path().join("ok.md"))
        .iter()
        .all(|m| !m.to_string().contains("invalid-utf8")));
}

/// Guarantee 1b: binary files and files over the size limit (configurable; 5 MB by default) are
/// skipped with one log line each, on stderr and in `window/logMessage`.
#[test]
fn binary_and_oversized_files_are_skipped_with_one_log_line_each() {
    let dir = workspace(&[
        ("small/ok.md", ARTICLE),
        ("small/dossier.json", r#"{"maxFileSize": 4000}"#),
    ]);
    let small = dir.path().join("small");
    let wide = dir.path().join("wide");
    std::fs::create_dir_all(&wide).unwrap();
    // Over the configured limit of the first folder, under the default of the second.
    let mut long = ARTICLE.repeat(80);
    assert!(long.len() > 4000);
    std::fs::write(small.join("long.md"), &long).unwrap();
    std::fs::write(wide.join("long.md"), &long).unwrap();
    // Over the default limit of 5 MB by one byte.
    long = "x".repeat(5_000_001);
    std::fs::write(wide.join("huge.txt"), &long).unwrap();
    // A zip archive renamed to .md: a NUL byte within the first kilobytes.
    std::fs::write(
        small.join("archive.md"),
        b"PK\x03\x04\x14\x00\x00\x00Pedersen",
    )
    .unwrap();

    let (mut client, _) = Client::start(&[&small, &wide], editor_capabilities());
    client.wait_indexed();

    for (path, why) in [
        (small.join("long.md"), "over the limit of 4000"),
        (
            wide.join("huge.txt"),
            "5000001 bytes is over the limit of 5000000",
        ),
        (small.join("archive.md"), "binary"),
    ] {
        let lines = log_lines_about(&client, &path);
        assert_eq!(lines.len(), 1, "{}: {lines:?}", path.display());
        assert!(lines[0].contains(why), "{lines:?}");
        let stderr = wait_stderr(&client, &lines[0]);
        assert_eq!(
            stderr.matches(&lines[0]).count(),
            1,
            "stderr should carry the same line once: {stderr}"
        );
        assert_eq!(
            hover(&mut client, &path, json!({"line": 0, "character": 0})),
            Value::Null
        );
    }
    // The same text under the default limit is an article.
    let read = hover(&mut client, &wide.join("long.md"), at(ARTICLE, "Pedersen"));
    assert!(card(&read).starts_with("**Geir Pedersen**"), "{read}");
    assert!(log_lines_about(&client, &small.join("ok.md")).is_empty());
}

/// Guarantee 1c: files deleted or renamed while (and after) the workspace is indexed neither crash
/// nor stall the server; the index follows the disk.
#[test]
fn files_deleted_or_renamed_during_and_after_indexing() {
    let files: Vec<(String, String)> = (0..1500)
        .map(|i| (format!("desk{}/n{i}.md", i % 10), ARTICLE.to_owned()))
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = workspace(&borrowed);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    // While the index is being built: delete a third, rename a third.
    for i in (0..1500).step_by(3) {
        let path = dir.path().join(format!("desk{}/n{i}.md", i % 10));
        let _ = std::fs::remove_file(&path);
        let from = dir
            .path()
            .join(format!("desk{}/n{}.md", (i + 1) % 10, i + 1));
        let _ = std::fs::rename(&from, from.with_extension("txt"));
    }
    client.wait_indexed();

    // After indexing: delete one more and rename another, and say so as a file watcher would.
    let gone = dir.path().join("desk2/n2.md");
    std::fs::remove_file(&gone).unwrap();
    let old = dir.path().join("desk5/n5.md");
    let new = dir.path().join("desk5/renamed.md");
    std::fs::rename(&old, &new).unwrap();
    // A deletion reported for a file that is already gone, and a change for a vanished one.
    let never = dir.path().join("desk0/never.md");
    watched(
        &mut client,
        &[
            (&gone, DELETED),
            (&old, DELETED),
            (&new, CREATED),
            (&never, CHANGED),
        ],
    );

    let at_name = at(ARTICLE, "Pedersen");
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&new)}, "position": at_name, "context": {"includeDeclaration": true}}),
    );
    let uris: Vec<&str> = refs
        .as_array()
        .unwrap_or_else(|| panic!("{refs}"))
        .iter()
        .filter_map(|l| l["uri"].as_str())
        .collect();
    // Whatever the race with indexing read, nothing gone is answered and the renamed file is.
    for u in &uris {
        let path = Path::new(u.strip_prefix("file://").unwrap());
        assert!(path.exists(), "a deleted file is still referenced: {u}");
    }
    assert!(uris.contains(&uri(&new).as_str()));
    assert_eq!(hover(&mut client, &gone, at_name.clone()), Value::Null);
    assert_eq!(hover(&mut client, &old, at_name), Value::Null);
    assert!(client.alive());
}

/// Guarantee 1d: unreadable files (a FIFO, a directory, a socket-like special file named like an
/// article) neither crash nor stall the server, whether met by discovery or by a watcher event.
#[test]
fn unreadable_files_neither_crash_nor_stall() {
    let dir = workspace(&[("ok.md", ARTICLE)]);
    let fifo = dir.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let folder = dir.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    // A FIFO nobody writes to: opening it for reading would block forever.
    watched(&mut client, &[(&fifo, CHANGED), (&folder, CREATED)]);
    let ok = dir.path().join("ok.md");
    let answer = hover(&mut client, &ok, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    let name = fifo.display().to_string();
    let line = client.wait_for("the FIFO's log line", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains(&name))
    });
    assert!(line.to_string().contains("not a regular file"), "{line}");
    // Opening and closing the FIFO as a document goes through the same door.
    client.open(&fifo, ARTICLE);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&fifo)}}),
    );
    let answer = hover(&mut client, &ok, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
}

/// Guarantee 1e: symlink loops neither crash nor stall discovery or a watcher event.
#[test]
fn symlink_loops_neither_crash_nor_stall() {
    let dir = workspace(&[("desk/ok.md", ARTICLE)]);
    let root = dir.path();
    std::os::unix::fs::symlink(root, root.join("desk/up")).unwrap();
    std::os::unix::fs::symlink(root.join("a.md"), root.join("b.md")).unwrap();
    std::os::unix::fs::symlink(root.join("b.md"), root.join("a.md")).unwrap();
    std::os::unix::fs::symlink(root.join("self.md"), root.join("self.md")).unwrap();
    let (mut client, _) = Client::start(&[root], editor_capabilities());
    client.wait_indexed();
    let indexed = client.wait_for("end of indexing", |m| {
        m["params"]["message"]
            .as_str()
            .is_some_and(|s| s.starts_with("indexed "))
    });
    assert!(
        indexed["params"]["message"]
            .as_str()
            .unwrap()
            .starts_with("indexed 1 articles"),
        "{indexed}"
    );
    watched(
        &mut client,
        &[
            (&root.join("a.md"), CHANGED),
            (&root.join("self.md"), CREATED),
            (&root.join("desk/up/desk/ok.md"), CHANGED),
        ],
    );
    let ok = root.join("desk/ok.md");
    let answer = hover(&mut client, &ok, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    // The article reached through the loop is not a second article.
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&ok)}, "position": at(ARTICLE, "Pedersen"), "context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(1), "{refs}");
}

/// Guarantee 1f: a workspace of 100,000 files neither crashes nor stalls the server: questions are
/// answered while it is indexed, and memory stays bounded.
///
/// Slow (it writes 100,000 files): it runs only with `DOSSIER_SLOW_TESTS=1`, which `make unit`
/// (and so CI) sets.
#[test]
fn a_workspace_of_100000_files() {
    if std::env::var_os("DOSSIER_SLOW_TESTS").is_none_or(|v| v.is_empty() || v == "0") {
        eprintln!("a_workspace_of_100000_files: skipped; set DOSSIER_SLOW_TESTS=1 to run it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // 1,000 folders of 100 files: a year of wire copy and what lies beside it.
    for folder in 0..1000 {
        let desk = dir.path().join(format!("{folder:03}"));
        std::fs::create_dir(&desk).unwrap();
        for i in 0..100 {
            let name = if i % 10 == 0 {
                format!("n{i}.md")
            } else {
                format!("n{i}.jpg")
            };
            std::fs::write(desk.join(name), if i % 10 == 0 { ARTICLE } else { "" }).unwrap();
        }
    }
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    // Asked at once, while the folder is being walked and read.
    let early = dir.path().join("999/n90.md");
    let first = hover(&mut client, &early, at(ARTICLE, "Pedersen"));
    assert!(first.get("error").is_none(), "{first}");
    client.wait_indexed();
    let indexed = client.wait_for("end of indexing", |m| {
        m["params"]["message"]
            .as_str()
            .is_some_and(|s| s.starts_with("indexed "))
    });
    assert!(
        indexed["params"]["message"]
            .as_str()
            .unwrap()
            .starts_with("indexed 10000 articles"),
        "{indexed}"
    );
    let last = hover(&mut client, &early, at(ARTICLE, "Pedersen"));
    assert!(
        card(&last).contains("Mentioned in 10000 articles"),
        "{last}"
    );
    let kb = resident_kb(client.pid());
    eprintln!("100,000 files: {kb} kB resident after indexing");
    assert!(kb < 1_000_000, "{kb} kB resident after indexing");
}

/// Guarantee 1g: logs go to stderr and `window/logMessage`, never stdout: everything the server
/// writes to stdout is a well-framed JSON-RPC message, even while it skips and warns.
#[test]
fn stdout_carries_protocol_only() {
    let dir = workspace(&[
        ("ok.md", ARTICLE),
        ("dossier.json", r#"{"maxFileSize": 100}"#),
    ]);
    std::fs::write(dir.path().join("bin.md"), b"\x00\x01\x02").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"Gen\xe8ve\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        use std::io::Read;
        let mut stdout = stdout;
        let mut buffer = [0; 8192];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            if tx.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let send = |stdin: &mut std::process::ChildStdin, message: Value| {
        use std::io::Write;
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": null, "capabilities": {},
            "workspaceFolders": [{"uri": uri(dir.path()), "name": "w"}]}}),
    );
    let mut out = Vec::new();
    let deadline = std::time::Instant::now() + common::TIMEOUT;
    // `initialized` follows the answer to `initialize`, as the protocol says.
    while !String::from_utf8_lossy(&out).contains("\"id\":1") {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        out.extend(rx.recv_timeout(left).expect("an answer to initialize"));
    }
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    while !String::from_utf8_lossy(&out).contains("indexed ") {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        out.extend(rx.recv_timeout(left).expect("indexing to end"));
    }
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri(&dir.path().join("nowhere.md"))},
            "position": {"line": 0, "character": 0}}}),
    );
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
    );
    while !String::from_utf8_lossy(&out).contains("\"id\":3") {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        out.extend(rx.recv_timeout(left).expect("an answer to shutdown"));
    }
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit"}));
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    while let Ok(chunk) = rx.recv_timeout(std::time::Duration::from_secs(5)) {
        out.extend(chunk);
    }
    let messages = parse_strictly(&out);
    assert!(messages.iter().any(|m| m["id"] == 2), "{messages:?}");
    assert!(messages.iter().any(|m| m["id"] == 3), "{messages:?}");
    let logs: Vec<&Value> = messages
        .iter()
        .filter(|m| m["method"] == "window/logMessage")
        .collect();
    assert!(
        logs.iter()
            .any(|l| l.to_string().contains("bin.md: skipped")),
        "{logs:?}"
    );
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    for log in logs {
        let line = log["params"]["message"].as_str().unwrap();
        assert!(stderr.contains(line), "{line:?} not on stderr: {stderr}");
    }
}

/// Splits stdout into messages, failing on anything that is not `Content-Length` framing and a
/// JSON-RPC 2.0 object.
fn parse_strictly(mut bytes: &[u8]) -> Vec<Value> {
    let mut messages = Vec::new();
    while !bytes.is_empty() {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("unframed bytes: {:?}", String::from_utf8_lossy(bytes)));
        let header = std::str::from_utf8(&bytes[..end]).expect("ASCII header");
        let mut length = None;
        for line in header.split("\r\n") {
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = Some(n.parse::<usize>().expect("a length"));
            } else {
                assert!(line.starts_with("Content-Type: "), "not a header: {line:?}");
            }
        }
        let length = length.expect("Content-Length");
        let body = &bytes[end + 4..end + 4 + length];
        let message: Value = serde_json::from_slice(body).expect("a JSON body");
        assert_eq!(message["jsonrpc"], "2.0", "{message}");
        messages.push(message);
        bytes = &bytes[end + 4 + length..];
    }
    messages
}

// ---------------------------------------------------------------------------------------------
// 2. Configuration

const DESK: &str = r#"{
  "actors": [
    {"id": "nour-haddad", "name": "Nour Haddad", "kind": "person"}
  ]
}
"#;
const HADDAD: &str = "1 June 2024\n\nThe mediator Nour Haddad arrived in Doha.\n";

/// Is the hover card that of the desk catalog's entry (rather than of a name dossier only
/// found in the article, whose card says it is not in the catalog)?
fn from_desk_catalog(hover: &Value) -> bool {
    let card = card(hover);
    card.starts_with("**Nour Haddad**") && !card.contains("Not in the catalog")
}

/// Guarantee 2: a malformed `dossier.json` or catalog gets a diagnostic in that file at the exact
/// line and column, and a `window/showMessage`; the last good configuration stays in force.
#[test]
fn malformed_settings_are_pinpointed_and_the_last_good_ones_stay() {
    let dir = workspace(&[
        ("dossier.json", r#"{"catalogs": ["desk.json"]}"#),
        ("desk.json", DESK),
        ("haddad.md", HADDAD),
    ]);
    let config = dir.path().join("dossier.json");
    let desk = dir.path().join("desk.json");
    let article = dir.path().join("haddad.md");
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let good = hover(&mut client, &article, at(HADDAD, "Haddad"));
    assert!(from_desk_catalog(&good), "{good}");

    // A missing comma after a value holding non-ASCII text; the error is at the next string.
    let broken = "{\n  \"catalogs\": [\"desk.json\"],\n  \"articles\": [\"Genève/**/*.md\" \"**/*.txt\"]\n}\n";
    std::fs::write(&config, broken).unwrap();
    watched(&mut client, &[(&config, CHANGED)]);
    let published = client.wait_for("config diagnostic", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri(&config)
            && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    let expected = at(broken, "\"**/*.txt\"");
    assert_eq!(
        published["params"]["diagnostics"][0]["range"]["start"], expected,
        "{published}"
    );
    let shown = client.wait_for("showMessage", |m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1, "{shown}");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("dossier.json:3:"),
        "{shown}"
    );
    client.wait_indexed_times(2);
    let kept = hover(&mut client, &article, at(HADDAD, "Haddad"));
    assert!(from_desk_catalog(&kept), "{kept}");

    // Config repaired, catalog broken: an unterminated object inside the actors array.
    std::fs::write(&config, r#"{"catalogs": ["desk.json"]}"#).unwrap();
    let broken_desk = "{\n  \"actors\": [\n    {\"id\": \"nour-haddad\", \"name\": \"Nour Haddad\" \"kind\": \"person\"}\n  ]\n}\n";
    std::fs::write(&desk, broken_desk).unwrap();
    watched(&mut client, &[(&config, CHANGED), (&desk, CHANGED)]);
    let published = client.wait_for("catalog diagnostic", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&desk)
    });
    assert_eq!(
        published["params"]["diagnostics"][0]["range"]["start"],
        at(broken_desk, "\"kind\""),
        "{published}"
    );
    client.wait_indexed_times(3);
    let kept = hover(&mut client, &article, at(HADDAD, "Haddad"));
    assert!(from_desk_catalog(&kept), "{kept}");
    let shown = client
        .seen
        .iter()
        .filter(|m| m["method"] == "window/showMessage")
        .count();
    assert_eq!(shown, 2);
}

/// Guarantee 2 (command line): `dossier check` (and `dossier actors`) exit 2 with the message the
/// server shows for the same file.
#[test]
fn the_command_line_reports_a_malformed_config_with_exit_code_2_and_the_same_message() {
    let broken = "{\n  \"maxFileSize\": \"big\"\n}\n";
    let dir = workspace(&[("dossier.json", broken), ("a.md", ARTICLE)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    let shown = client.wait_for("showMessage", |m| m["method"] == "window/showMessage");
    let shown = shown["params"]["message"].as_str().unwrap().to_owned();
    let (error, _) = shown.split_once(" — ").unwrap_or_else(|| panic!("{shown}"));
    let place = format!("{}:2:", dir.path().join("dossier.json").display());
    assert!(error.contains(&place), "{error}");
    for command in ["check", "actors"] {
        let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg(command)
            .arg(dir.path())
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end(), error, "{command}");
        assert!(output.stdout.is_empty(), "{command}: {output:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Protocol misuse

/// Guarantee 3a: questions about unknown documents, or at positions out of range, get an empty
/// answer, not an error and not a crash.
#[test]
fn unknown_documents_and_positions_out_of_range_get_empty_answers() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let a = uri(&dir.path().join("a.md"));
    let far = json!({"line": u32::MAX, "character": u32::MAX});
    let documents = [
        uri(&dir.path().join("unknown.md")),
        "untitled:Untitled-1".to_owned(),
        "https://example.invalid/a.md".to_owned(),
        a,
    ];
    for document in &documents {
        for position in [json!({"line": 0, "character": 0}), far.clone()] {
            let doc = json!({"uri": document});
            for (method, params) in [
                (
                    "textDocument/hover",
                    json!({"textDocument": doc, "position": position}),
                ),
                (
                    "textDocument/definition",
                    json!({"textDocument": doc, "position": position}),
                ),
                (
                    "textDocument/references",
                    json!({"textDocument": doc, "position": position, "context": {"includeDeclaration": false}}),
                ),
                (
                    "textDocument/documentHighlight",
                    json!({"textDocument": doc, "position": position}),
                ),
                (
                    "textDocument/completion",
                    json!({"textDocument": doc, "position": position}),
                ),
                ("textDocument/documentSymbol", json!({"textDocument": doc})),
            ] {
                let answer = client.request(method, params);
                assert!(
                    answer.get("error").is_none(),
                    "{method} {document}: {answer}"
                );
                let empty = answer.is_null()
                    || answer.as_array().is_some_and(Vec::is_empty)
                    || method == "textDocument/documentSymbol";
                assert!(empty, "{method} {document} {position}: {answer}");
            }
        }
    }
    assert!(client.alive());
}

/// Guarantee 3b: edits with bad ranges (past the end, end before start, inside a surrogate
/// pair, to a document never opened) are clamped or ignored; the document stays what the client
/// holds.
#[test]
fn edits_with_bad_ranges_keep_the_document_equal_to_the_client_text() {
    let dir = workspace(&[]);
    let path = dir.path().join("draft.md");
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let initial = "🇸🇾 talks\r\nin Geneva\n";
    client.open(&path, initial);
    // A change to a document that was never opened is ignored.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&dir.path().join("never.md")), "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]}),
    );
    let mut model = ClientText::new(initial);
    let edits = [
        // Inside the first regional indicator's surrogate pair.
        ((0, 1), (0, 1), "UN envoy Geir Pedersen: "),
        // End before start.
        ((1, 5), (1, 0), "in "),
        // Past the end of the line and of the document.
        ((0, 999), (0, 999), "."),
        ((99, 0), (u32::MAX, u32::MAX), "\nSergei Lavrov replied."),
    ];
    for (version, (start, end, text)) in edits.into_iter().enumerate() {
        model.apply(
            &Edit {
                range: Some((Position::new(start.0, start.1), Position::new(end.0, end.1))),
                text: text.into(),
            },
            Encoding::Utf16,
        );
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&path), "version": version + 2},
                   "contentChanges": [{"range": {"start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}}, "text": text}]}),
        );
    }
    for name in ["Geir Pedersen", "Sergei Lavrov"] {
        let answer = hover(&mut client, &path, at(&model.text, name));
        assert!(
            card(&answer).contains(name),
            "{name} in {:?}: {answer}",
            model.text
        );
        let start = &answer["range"]["start"];
        assert_eq!(start, &at(&model.text, name), "{:?}", model.text);
    }
}

/// Guarantee 3c: messages out of order get an LSP error or are ignored.
#[test]
fn messages_out_of_order() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let a = dir.path().join("a.md");
    let mut client = Client::spawn(&Options::default());
    // A question before `initialize`: "server not initialized".
    let early = hover(&mut client, &a, json!({"line": 0, "character": 0}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    // Notifications before `initialize` are dropped.
    client.open(&a, ARTICLE);
    client.initialize(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    // A second `initialize`: an error, and the server carries on.
    let again = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert!(again.get("error").is_some(), "{again}");
    // Close before open, change after close, a second open.
    let b = dir.path().join("b.md");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&b)}}),
    );
    client.open(&a, ARTICLE);
    client.open(&a, ARTICLE);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&a)}}),
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&a), "version": 9},
               "contentChanges": [{"text": "nothing here"}]}),
    );
    let answer = hover(&mut client, &a, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    // After `shutdown`, questions are refused as invalid.
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let late = hover(&mut client, &a, at(ARTICLE, "Pedersen"));
    assert_eq!(late["error"]["code"], -32600, "{late}");
}

/// Guarantee 3d: malformed messages get an LSP error (or are skipped when they cannot be
/// answered), and the server carries on.
#[test]
fn malformed_messages_get_errors_and_the_server_carries_on() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let a = dir.path().join("a.md");
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    // Not JSON: a parse error, under a null id since none can be read.
    let body = b"{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": ";
    client.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    client.send_raw(body);
    let parse = client.response(&Value::Null, "a message that is not JSON");
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    // JSON, but not JSON-RPC: an invalid request, under its id when it has one.
    client.send(json!({"id": 78, "method": 5}));
    let invalid = client.response(&json!(78), "a message that is not JSON-RPC");
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    client.send(json!([1, 2, 3]));
    let invalid = client.response(&Value::Null, "an array");
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    // A header block without a length, and bytes that are not UTF-8 in a body.
    client.send_raw(b"X-Whatever: 1\r\n\r\n");
    let headless = client.response(&Value::Null, "a header without a length");
    assert_eq!(headless["error"]["code"], -32700, "{headless}");
    client.send_raw(b"Content-Length: 4\r\n\r\n\"\xff\xfe\"");
    let bytes = client.response(&Value::Null, "a body that is not UTF-8");
    assert_eq!(bytes["error"]["code"], -32700, "{bytes}");
    // A megabyte of header without a line break: read in pieces, then refused.
    client.send_raw(&vec![b'x'; 1 << 20]);
    client.send_raw(b"\r\n\r\n");
    let long = client.response(&Value::Null, "a megabyte of header");
    assert_eq!(long["error"]["code"], -32700, "{long}");
    // Unknown method, and a known one with params of the wrong shape.
    let unknown = client.request("dossier/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let wrong = client.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(wrong["error"]["code"], -32602, "{wrong}");
    // A notification with wrong params is dropped, not fatal.
    client.notify("textDocument/didOpen", json!({"textDocument": "a.md"}));
    let answer = hover(&mut client, &a, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    assert!(client.alive());
    // `shutdown` with `"params": null`, as some clients send it, is a shutdown.
    client.send(json!({"jsonrpc": "2.0", "id": 500, "method": "shutdown", "params": null}));
    assert_eq!(client.response(&json!(500), "shutdown"), Value::Null);
}

/// Guarantee 3e: a panic inside one request is caught, logged and answered as an internal error;
/// the server stays up. `dossier/panic` exists only when the server starts with
/// `DOSSIER_TEST_PANIC=1`.
#[test]
fn a_panic_inside_a_request_is_an_internal_error_and_the_server_stays_up() {
    let dir = workspace(&[("a.md", ARTICLE)]);
    let a = dir.path().join("a.md");
    let options = Options {
        env: vec![("DOSSIER_TEST_PANIC".into(), "1".into())],
        ..Default::default()
    };
    let mut client = Client::spawn(&options);
    client.initialize(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    for _ in 0..3 {
        let answer = client.request("dossier/panic", json!({}));
        assert_eq!(answer["error"]["code"], -32603, "{answer}");
        assert!(
            answer["error"]["message"]
                .as_str()
                .unwrap()
                .contains("deliberate panic"),
            "{answer}"
        );
    }
    let answer = hover(&mut client, &a, at(ARTICLE, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    let stderr = wait_stderr(&client, "internal error in dossier/panic");
    assert!(
        stderr.contains("internal error in dossier/panic"),
        "{stderr}"
    );
    assert!(client.shutdown().success());

    // Without the variable the request does not exist.
    let (mut plain, _) = Client::start(&[dir.path()], editor_capabilities());
    let answer = plain.request("dossier/panic", json!({}));
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
}

// ---------------------------------------------------------------------------------------------
// 4. Load

/// Guarantee 4: 5,000 `didChange` notifications in a burst with hovers interleaved; the last
/// hover is answered against the final text and memory stays bounded.
#[test]
fn a_burst_of_5000_changes_with_hovers_interleaved() {
    let dir = workspace(&[]);
    let path = dir.path().join("live.md");
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let initial = "9 May 2022\n\nTalks in Geneva: Sergei Lavrov and Hakan Fidan. Notes follow.\n";
    client.open(&path, initial);
    let mut model = ClientText::new(initial);
    let words = ["Ankara ", "talks ", "Damascus ", "the envoy ", "é ", "🇸🇾 "];
    let uri = uri(&path);
    let mut pending = Vec::new();
    for i in 0..5000usize {
        // Insert at a varying place on the last line, and now and then delete what was there.
        let line = model.lines().len() as u32 - 2;
        let width = ClientText::new(&model.text[model.lines()[line as usize].0..])
            .position(
                model.lines()[line as usize].1 - model.lines()[line as usize].0,
                Encoding::Utf16,
            )
            .character;
        let column = (i as u32 * 7) % (width + 1);
        // Deleting about as much as is inserted keeps the article the size of a real one.
        let (end, text) = if i % 2 == 1 {
            (column.saturating_add(6), "")
        } else {
            (column, words[i % words.len()])
        };
        let edit = Edit {
            range: Some((Position::new(line, column), Position::new(line, end))),
            text: text.into(),
        };
        model.apply(&edit, Encoding::Utf16);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": i + 2},
                   "contentChanges": [{"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": text}]}),
        );
        if i % 50 == 0 {
            let id = 100_000 + i as i64;
            client.send(
                json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
                "params": {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 0}}}),
            );
            pending.push(id);
        }
        // Every thousandth change retypes the whole text, as some clients do.
        if i % 1000 == 999 {
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": i + 2},
                       "contentChanges": [{"text": model.text}]}),
            );
        }
    }
    // The last change puts the envoy's name where nothing was before.
    let last = "UN envoy Geir Pedersen said: ";
    model.apply(
        &Edit {
            range: Some((Position::new(2, 0), Position::new(2, 0))),
            text: last.into(),
        },
        Encoding::Utf16,
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 6000},
               "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": last}]}),
    );
    let answer = hover(&mut client, &path, at(&model.text, "Pedersen"));
    assert!(card(&answer).starts_with("**Geir Pedersen**"), "{answer}");
    assert_eq!(answer["range"]["start"], at(&model.text, "Geir Pedersen"));
    // Every interleaved hover was answered, without error.
    assert_eq!(pending.len(), 100);
    for id in pending {
        let answer = client.response(&json!(id), "an interleaved hover");
        assert!(answer.get("error").is_none(), "{answer}");
    }
    let kb = resident_kb(client.pid());
    eprintln!("5,000 changes: {kb} kB resident after the burst");
    assert!(kb < 300_000, "{kb} kB resident after the burst");
    assert!(client.alive());
}

// ---------------------------------------------------------------------------------------------
// 6. Security

/// Guarantee 6a: the server opens no socket and runs no program.
#[test]
fn the_server_opens_no_socket_and_runs_no_program() {
    let dir = workspace(&[("a.md", ARTICLE), ("b.txt", HADDAD)]);
    let (mut client, _) = Client::start(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let a = dir.path().join("a.md");
    client.open(&a, ARTICLE);
    let _ = hover(&mut client, &a, at(ARTICLE, "Pedersen"));
    let pid = client.pid();
    let mut sockets = Vec::new();
    for fd in std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap() {
        if let Ok(target) = std::fs::read_link(fd.unwrap().path()) {
            let target = target.display().to_string();
            if target.starts_with("socket:") {
                sockets.push(target);
            }
        }
    }
    assert!(sockets.is_empty(), "open sockets: {sockets:?}");
    let mut children = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // The parent pid is the second field after the parenthesised command name.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let parent = after.split_whitespace().nth(1).unwrap_or("");
        if parent == pid.to_string() {
            children.push(stat);
        }
    }
    assert!(children.is_empty(), "child processes: {children:?}");
}

/// Guarantee 6b: the source has no way to open a socket or run a program: no `std::net`, no
/// `process::Command` outside the tests.
#[test]
fn the_source_names_no_network_or_process_api() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offending = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [
                    "std::net",
                    "TcpStream",
                    "UdpSocket",
                    "process::Command",
                    "Command::new",
                ] {
                    if text.contains(needle) {
                        offending.push(format!("{}: {needle}", path.display()));
                    }
                }
            }
        }
    }
    assert!(offending.is_empty(), "{offending:?}");
}

/// Guarantee 6c: a catalog outside the workspace is refused unless written as an absolute
/// path; a symlink in the workspace leading outside is never read.
#[test]
fn nothing_outside_the_workspace_is_read_unless_the_user_named_it() {
    let outside = workspace(&[("desk.json", DESK), ("secret.md", HADDAD)]);
    let dir = workspace(&[
        (
            "ws/dossier.json",
            "{\n  \"catalogs\": [\"../desk.json\"]\n}\n",
        ),
        ("ws/haddad.md", HADDAD),
        ("desk.json", DESK),
    ]);
    let ws = dir.path().join("ws");
    let leak = ws.join("leak.md");
    std::os::unix::fs::symlink(outside.path().join("secret.md"), &leak).unwrap();
    let (mut client, _) = Client::start(&[&ws], editor_capabilities());
    client.wait_indexed();
    let config = ws.join("dossier.json");
    let refused = client.wait_for("refusal", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&config)
    });
    let diagnostic = &refused["params"]["diagnostics"][0];
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("outside the workspace"),
        "{refused}"
    );
    assert_eq!(
        diagnostic["range"]["start"],
        json!({"line": 1, "character": 15})
    );
    let article = ws.join("haddad.md");
    let unknown = hover(&mut client, &article, at(HADDAD, "Haddad"));
    assert!(!from_desk_catalog(&unknown), "{unknown}");
    // The link is not followed at discovery nor when a watcher reports it.
    watched(&mut client, &[(&leak, CHANGED)]);
    assert_eq!(hover(&mut client, &leak, at(HADDAD, "Haddad")), Value::Null);
    let lines = log_lines_about(&client, &leak);
    assert!(
        lines.iter().all(|l| l.contains("symbolic link")),
        "{lines:?}"
    );

    // Written as an absolute path, the user's choice stands.
    let absolute = format!(
        "{{\"catalogs\": [{}]}}",
        serde_json::to_string(&outside.path().join("desk.json")).unwrap()
    );
    std::fs::write(&config, absolute).unwrap();
    watched(&mut client, &[(&config, CHANGED)]);
    client.wait_indexed_times(2);
    let known = hover(&mut client, &article, at(HADDAD, "Haddad"));
    assert!(from_desk_catalog(&known), "{known}");
}

/// Guarantee 6d: the server writes nothing: after a session of opening, editing, saving and
/// closing, the workspace and the server's working folder are byte for byte as before.
#[test]
fn the_server_writes_nothing() {
    let dir = workspace(&[
        ("a.md", ARTICLE),
        ("dossier.json", r#"{"catalogs": ["desk.json"]}"#),
        ("desk.json", DESK),
        ("sub/b.txt", HADDAD),
    ]);
    std::fs::write(dir.path().join("latin1.md"), b"Gen\xe8ve\n").unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let before = snapshot(dir.path());
    let mut client = Client::spawn(&Options {
        current_dir: Some(cwd.path().to_owned()),
        ..Default::default()
    });
    client.initialize(&[dir.path()], editor_capabilities());
    client.wait_indexed();
    let a = dir.path().join("a.md");
    client.open(&a, ARTICLE);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&a), "version": 2},
               "contentChanges": [{"text": "Rewritten: Sergei Lavrov.\n"}]}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&a)}}),
    );
    let _ = hover(&mut client, &a, json!({"line": 0, "character": 14}));
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&a)}}),
    );
    watched(&mut client, &[(&dir.path().join("dossier.json"), CHANGED)]);
    client.wait_indexed_times(2);
    assert!(client.shutdown().success());
    assert_eq!(snapshot(dir.path()), before);
    assert!(std::fs::read_dir(cwd.path()).unwrap().next().is_none());
}

/// Every file and folder under `root` with its contents and modification time.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut all = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let contents = if meta.is_file() {
                std::fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            if meta.is_dir() {
                stack.push(path.clone());
            }
            all.push((
                path.display().to_string(),
                contents,
                meta.modified().unwrap(),
            ));
        }
    }
    all.sort();
    all
}
