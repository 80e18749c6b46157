//! A minimal LSP client that drives the real `dossier` binary over stdio, as an editor does.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests seen so far, in order.
    pub seen: Vec<Value>,
    /// Everything the server wrote to stderr so far.
    stderr: Arc<Mutex<String>>,
    /// Responses that arrived while another was awaited.
    set_aside: Vec<Value>,
    /// The editor's `dossier` settings, given to each `workspace/configuration` request.
    pub configuration: Value,
}

/// How to start the server.
#[derive(Default)]
pub struct Options {
    pub env: Vec<(String, String)>,
    pub current_dir: Option<std::path::PathBuf>,
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    /// Starts `dossier lsp` and runs `initialize`/`initialized` with these folders and client
    /// capabilities.
    pub fn start(folders: &[&Path], capabilities: Value) -> (Self, Value) {
        let mut client = Self::spawn(&Options::default());
        let result = client.initialize(folders, capabilities);
        (client, result)
    }

    /// Starts `dossier lsp` without saying anything to it yet.
    pub fn spawn(options: &Options) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
        command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &options.env {
            command.env(key, value);
        }
        if let Some(dir) = &options.current_dir {
            command.current_dir(dir);
        }
        let mut child = command.spawn().expect("start dossier lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut stderr_pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        // Kept rather than discarded so that tests can see what the server logged.
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n @ 1..) = stderr_pipe.read(&mut buffer) {
                let mut all = sink.lock().unwrap_or_else(|e| e.into_inner());
                all.push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 1,
            seen: Vec::new(),
            stderr,
            set_aside: Vec::new(),
            configuration: Value::Null,
        }
    }

    /// Runs `initialize`/`initialized` with these folders and client capabilities.
    pub fn initialize(&mut self, folders: &[&Path], capabilities: Value) -> Value {
        let client = self;
        let folders: Vec<Value> = folders
            .iter()
            .map(|p| json!({"uri": uri(p), "name": p.file_name().unwrap().to_string_lossy()}))
            .collect();
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "workspaceFolders": folders,
            }),
        );
        client.notify("initialized", json!({}));
        result
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response; returns `result`, or the error object
    /// under the key "error".
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        // `null` params are left out, as the protocol wants for `shutdown` and `exit`.
        let mut message = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(message);
        self.response(&json!(id), method)
    }

    /// Waits for the response with this id; returns `result`, or the error object under the key
    /// "error".
    pub fn response(&mut self, id: &Value, what: &str) -> Value {
        let answer = |message: &Value| match message.get("error") {
            Some(error) => json!({"error": error}),
            None => message["result"].clone(),
        };
        if let Some(i) = self.set_aside.iter().position(|m| m.get("id") == Some(id)) {
            return answer(&self.set_aside.remove(i));
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .receive(deadline)
                .unwrap_or_else(|| panic!("no answer to {what}"));
            if message.get("method").is_none() {
                if message.get("id") == Some(id) {
                    return answer(&message);
                }
                // A response to a request sent without waiting: kept for its own turn.
                self.set_aside.push(message);
            }
        }
    }

    /// The next message, answering the server's own requests on the way.
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = match self.incoming.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        if let (Some(id), Some(method)) = (message.get("id"), message.get("method")) {
            let result = match method.as_str() {
                Some("workspace/configuration") => {
                    let n = message["params"]["items"].as_array().map_or(0, Vec::len);
                    json!(vec![self.configuration.clone(); n])
                }
                _ => Value::Null,
            };
            let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
            self.send(reply);
        }
        if message.get("method").is_some() {
            self.seen.push(message.clone());
        }
        Some(message)
    }

    /// Waits until a notification or server request satisfies `pred` (looking at what was
    /// already seen first), and returns it.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(m) = self.seen.iter().find(|m| pred(m)) {
            return m.clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let Some(message) = self.receive(deadline) else {
                let seen: Vec<String> = self.seen.iter().map(|m| m.to_string()).collect();
                panic!("timed out waiting for {what}; seen:\n{}", seen.join("\n"));
            };
            if message.get("method").is_some() && pred(&message) {
                return message;
            }
        }
    }

    /// Waits for the end of the first index.
    pub fn wait_indexed(&mut self) {
        self.wait_indexed_times(1);
    }

    /// Waits until the server has finished indexing `n` times (the first index, then one per
    /// added folder or configuration change).
    pub fn wait_indexed_times(&mut self, n: usize) {
        let is_end = |m: &Value| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("indexed "))
        };
        let deadline = Instant::now() + TIMEOUT;
        while self.seen.iter().filter(|m| is_end(m)).count() < n {
            self.receive(deadline)
                .expect("timed out waiting for indexing to end");
        }
    }

    /// Waits until the server says it found the people the articles introduce (after an index
    /// or a save, with no lock held: until then the answers do not name them).
    pub fn wait_discovered(&mut self) {
        self.wait_for("the people discovered", |m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("discovered "))
        });
    }

    pub fn open(&mut self, path: &Path, text: &str) {
        let language = if path.extension().is_some_and(|e| e == "md") {
            "markdown"
        } else {
            "plaintext"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// The code actions offered at a position (an empty range, no diagnostics in the context).
    pub fn code_actions(&mut self, path: &Path, position: Value) -> Vec<Value> {
        let actions = self.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri(path)},
                "range": {"start": position, "end": position},
                "context": {"diagnostics": []},
            }),
        );
        actions.as_array().cloned().unwrap_or_default()
    }

    /// The quick fixes offered at a position: the code actions less those that annotate.
    pub fn fixes(&mut self, path: &Path, position: Value) -> Vec<Value> {
        let mut actions = self.code_actions(path, position);
        actions.retain(|a| a["kind"] != "refactor.annotate");
        actions
    }

    pub fn shutdown(mut self) -> std::process::ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.exit_status()
    }

    /// The server's process id, to look at it in /proc.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Is the server process still running?
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Writes files into a fresh folder.
pub fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Client capabilities of a modern editor: work-done progress, dynamic file watching.
pub fn editor_capabilities() -> Value {
    json!({
        "window": {"workDoneProgress": true},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}, "workspaceFolders": true, "configuration": true},
        "textDocument": {"hover": {"contentFormat": ["markdown"]}},
    })
}

impl Client {
    /// Waits for the server to end by itself and returns how it ended.
    pub fn exit_status(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A process's resident memory in kB, from /proc.
pub fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS in /proc/<pid>/status")
}
