//! Handlers: each turns protocol types into a library call and back.

use dossier::config::EditorSettings;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;

use dossier::text::{document::Edit, Document, Encoding};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{self as lsp, *};
use tower_lsp::{Client, LanguageServer};

use super::handlers::{self, actions, navigation};
use super::index::{self, Folder, Shared, State};
use super::{convert, diagnostics};

/// What the client said it can do, fixed at `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Capabilities {
    pub(super) encoding: Encoding,
    progress: bool,
    watch_files: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so none are pushed.
    pull_diagnostics: bool,
    /// Workspace edits may create files (`documentChanges` with resource operations).
    pub(super) create_files: bool,
    configuration: bool,
    /// The client runs `dossier.insertSnippet` itself (`experimental.dossierInsertSnippet`), so fixes
    /// with tab stops can reach it as snippets.
    pub(super) insert_snippet: bool,
}

pub struct Backend {
    client: Client,
    state: Shared,
    capabilities: OnceLock<Capabilities>,
    /// Folders named at `initialize`, indexed once the client is ready.
    pending_roots: RwLock<Vec<PathBuf>>,
    /// Becomes true once the editor's settings and the folders' `dossier.json` are read, so
    /// that no diagnostic is computed with the default rule levels by mistake.
    settled: tokio::sync::watch::Sender<bool>,
    publisher: diagnostics::Publisher,
}

/// How many files are read and analysed between two progress reports and lock acquisitions.
const BATCH: usize = 256;

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::new(RwLock::new(State::new())),
            capabilities: OnceLock::new(),
            pending_roots: RwLock::new(Vec::new()),
            publisher: diagnostics::Publisher::default(),
            settled: tokio::sync::watch::Sender::new(false),
        }
    }

    /// Waits (a few seconds at most) until the settings are read.
    pub(super) async fn wait_settled(&self) {
        let mut settled = self.settled.subscribe();
        let _ = tokio::time::timeout(Duration::from_secs(5), settled.wait_for(|s| *s)).await;
    }

    /// Pushes an article's diagnostics to a client that does not pull them.
    fn publish(&self, path: PathBuf, debounce: bool) {
        if !self.caps().pull_diagnostics {
            let state = Arc::clone(&self.state);
            self.publisher
                .schedule(self.client.clone(), state, path, self.encoding(), debounce);
        }
    }

    /// Publishes again for every open document (after the settings or the catalog changed), or
    /// asks a pulling client to pull again.
    async fn republish(&self) {
        if self.caps().pull_diagnostics {
            let _ = self.client.workspace_diagnostic_refresh().await;
            return;
        }
        let open: Vec<PathBuf> = self
            .read("republish", |s| s.open.keys().cloned().collect())
            .unwrap_or_default();
        for path in open {
            self.publish(path, false);
        }
    }

    /// Finds the people the articles introduce (off the async threads: it may analyse every
    /// article again) and publishes again when they changed.
    async fn refresh_discovered(&self) {
        let state = Arc::clone(&self.state);
        let changed = tokio::task::spawn_blocking(move || {
            let mut state = state.write().unwrap_or_else(|e| e.into_inner());
            catch_unwind(AssertUnwindSafe(|| state.workspace.refresh_discovered())).unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        if changed {
            self.republish().await;
        }
    }

    /// Reads the editor's `dossier` settings, when it offers them; returns whether they change
    /// which files are articles.
    async fn pull_configuration(&self) -> bool {
        if !self.caps().configuration {
            return false;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("dossier".into()),
        };
        let Ok(values) = self.client.configuration(vec![item]).await else {
            return false;
        };
        let value = values.into_iter().next().unwrap_or_default();
        let (editor, problems) = EditorSettings::from_json(&value);
        for problem in problems {
            self.log(MessageType::WARNING, format!("{problem} (left out)"))
                .await;
        }
        self.write("configuration", |state| state.set_editor(editor))
            .unwrap_or(false)
    }

    /// Brings the index in line with settings that changed which files are articles: drops
    /// what is no longer one, reads the folders again for what now is.
    async fn reindex(&self) {
        let roots: Vec<PathBuf> = self
            .write("reindexing", |state| {
                state.drop_non_articles();
                state.folders.iter().map(|f| f.root.clone()).collect()
            })
            .unwrap_or_default();
        self.index_folders(roots).await;
        self.refresh_discovered().await;
    }

    pub(super) fn caps(&self) -> Capabilities {
        self.capabilities.get().copied().unwrap_or_default()
    }

    pub(super) fn encoding(&self) -> Encoding {
        self.caps().encoding
    }

    /// Runs `f` on the state under the read lock; a panic inside becomes an internal error
    /// rather than the end of the server.
    pub(super) fn read<T>(&self, what: &str, f: impl FnOnce(&State) -> T) -> Result<T> {
        let state = self.state.read().unwrap_or_else(|e| e.into_inner());
        catch_unwind(AssertUnwindSafe(|| f(&state))).map_err(|panic| {
            let message = panic_message(&panic);
            eprintln!("dossier: internal error in {what}: {message}");
            Error {
                code: tower_lsp::jsonrpc::ErrorCode::InternalError,
                message: format!("internal error in {what}: {message}").into(),
                data: None,
            }
        })
    }

    /// Runs `f` on the state under the write lock, catching a panic the same way.
    fn write<T>(&self, what: &str, f: impl FnOnce(&mut State) -> T) -> Option<T> {
        let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
        match catch_unwind(AssertUnwindSafe(|| f(&mut state))) {
            Ok(v) => Some(v),
            Err(panic) => {
                eprintln!(
                    "dossier: internal error in {what}: {}",
                    panic_message(&panic)
                );
                None
            }
        }
    }

    async fn log(&self, level: MessageType, message: String) {
        eprintln!("dossier: {message}");
        self.client.log_message(level, message).await;
    }

    /// Reads the settings of folders and reports what is wrong with them: a diagnostic at the
    /// exact place and a message. A folder keeps its last good settings.
    async fn load_folders(&self, roots: &[PathBuf]) {
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        for root in roots {
            let (settings, error) = index::load_folder(root);
            problems.push((root.clone(), error));
            loaded.push((root.clone(), settings));
        }
        self.write("loading settings", |state| {
            for ((root, settings), (_, error)) in loaded.into_iter().zip(&problems) {
                match state.folders.iter_mut().find(|f| f.root == root) {
                    Some(_) if error.is_some() => {}
                    Some(folder) => *folder = Folder::new(root, settings, &state.editor),
                    None => state
                        .folders
                        .push(Folder::new(root, settings, &state.editor)),
                }
            }
            state.refresh_catalog();
        });
        for (root, error) in problems {
            self.publish_settings_problem(&root, error).await;
        }
    }

    async fn publish_settings_problem(
        &self,
        root: &Path,
        error: Option<dossier::files::SettingsError>,
    ) {
        let config = root.join(dossier::config::FILE_NAME);
        let Some(error) = error else {
            if let Some(uri) = convert::uri(&config) {
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
            return;
        };
        let (path, line, column, message) = error.location();
        self.client
            .show_message(
                MessageType::ERROR,
                format!("dossier: {error} — the last good configuration stays in force"),
            )
            .await;
        if let Some(uri) = convert::uri(path) {
            let (at, next) = settings_position(path, line, column, self.encoding());
            let diagnostic = Diagnostic {
                range: lsp::Range::new(at, next),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("dossier".into()),
                message: message.to_owned(),
                ..Default::default()
            };
            self.client
                .publish_diagnostics(uri, vec![diagnostic], None)
                .await;
        }
    }

    /// Indexes every article under the given folders, in batches, reporting progress.
    async fn index_folders(&self, roots: Vec<PathBuf>) {
        let token = NumberOrString::String("dossier/index".into());
        let progress = self.caps().progress
            && self
                .client
                .send_request::<request::WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                    token: token.clone(),
                })
                .await
                .is_ok();
        let report = |value: WorkDoneProgress| {
            let client = self.client.clone();
            let token = token.clone();
            async move {
                if progress {
                    client
                        .send_notification::<notification::Progress>(ProgressParams {
                            token,
                            value: ProgressParamsValue::WorkDone(value),
                        })
                        .await;
                }
            }
        };
        report(WorkDoneProgress::Begin(WorkDoneProgressBegin {
            title: "Indexing articles".into(),
            cancellable: Some(false),
            message: None,
            percentage: Some(0),
        }))
        .await;

        let started = std::time::Instant::now();
        let state = Arc::clone(&self.state);
        let roots_for_walk = roots.clone();
        let plan = tokio::task::spawn_blocking(move || {
            let state = state.read().unwrap_or_else(|e| e.into_inner());
            roots_for_walk
                .iter()
                .filter_map(|root| state.folders.iter().find(|f| &f.root == root))
                .map(|f| {
                    (
                        dossier::files::discover(&f.root, &f.filter),
                        f.settings.config.max_file_size,
                    )
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let total: usize = plan.iter().map(|(paths, _)| paths.len()).sum();
        let mut done = 0;
        for (paths, limit) in plan {
            for batch in paths.chunks(BATCH) {
                let batch = batch.to_vec();
                let size = batch.len();
                let state = Arc::clone(&self.state);
                let (skipped, lossy) = tokio::task::spawn_blocking(move || {
                    let matcher = state
                        .read()
                        .unwrap_or_else(|e| e.into_inner())
                        .workspace
                        .matcher();
                    let mut loaded = dossier::files::load(&batch, limit, &matcher);
                    let skipped = std::mem::take(&mut loaded.skipped);
                    let lossy = loaded.lossy.clone();
                    let mut state = state.write().unwrap_or_else(|e| e.into_inner());
                    state.insert_loaded(loaded);
                    (skipped, lossy)
                })
                .await
                .unwrap_or_default();
                for (path, skip) in skipped {
                    self.log(MessageType::WARNING, format!("{}: {skip}", path.display()))
                        .await;
                }
                // Their one file-level warning, without waiting for them to be opened.
                for path in lossy {
                    self.publish(path, false);
                }
                done += size;
                report(WorkDoneProgress::Report(WorkDoneProgressReport {
                    cancellable: Some(false),
                    message: Some(format!("{done}/{total} files")),
                    percentage: Some((done * 100 / total.max(1)) as u32),
                }))
                .await;
            }
        }
        let articles = self.read("indexing", |s| s.workspace.len()).unwrap_or(0);
        report(WorkDoneProgress::End(WorkDoneProgressEnd {
            message: Some(format!("{articles} articles")),
        }))
        .await;
        self.log(
            MessageType::INFO,
            format!(
                "indexed {articles} articles in {} ms",
                started.elapsed().as_millis()
            ),
        )
        .await;
    }

    async fn register_watchers(&self) {
        if !self.caps().watch_files {
            return;
        }
        let watchers = ["**/*.md", "**/*.txt", "**/*.json"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "dossier/watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.log(MessageType::WARNING, format!("could not watch files: {e}"))
                .await;
        }
    }
}

impl Backend {
    /// `dossier/panic`, registered only with `DOSSIER_TEST_PANIC=1` (see `lsp::run`): panics
    /// inside the same guard as every question, so a test can prove the guard holds.
    /// `dossier/malformedMessage`: the stand-in for a message that could not be decoded (see
    /// `framing`), answered with the error that message deserved.
    pub async fn malformed(&self, params: super::framing::Malformed) -> Result<()> {
        super::framing::answer(params).await
    }

    pub async fn deliberate_panic(&self, _: serde_json::Value) -> Result<()> {
        self.read("dossier/panic", |_| {
            panic!("deliberate panic (DOSSIER_TEST_PANIC=1)")
        })
    }
}

/// The position of a settings error, whose column counts bytes, in the client's units, and the
/// position one character further. The file is read again for its text; if it cannot be, the
/// byte column is the best guess left.
fn settings_position(
    path: &Path,
    line: usize,
    column: usize,
    encoding: Encoding,
) -> (lsp::Position, lsp::Position) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = dossier::text::LineIndex::new(&text);
    let range = lines.line_range(&text, line);
    if text.is_empty() || range.is_empty() && column > 0 {
        let at = lsp::Position::new(line as u32, column as u32);
        return (at, lsp::Position::new(line as u32, column as u32 + 1));
    }
    let offset = (range.start + column).min(range.end);
    let next = text[offset..range.end]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8());
    let convert = |offset: usize| {
        let p = lines.position(&text, offset, encoding);
        lsp::Position::new(p.line, p.character)
    };
    (convert(offset), convert(next))
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return folders
            .iter()
            .filter_map(|f| convert::path(&f.uri))
            .collect();
    }
    #[allow(deprecated)]
    params
        .root_uri
        .as_ref()
        .and_then(convert::path)
        .into_iter()
        .collect()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = convert::negotiate(&params);
        let caps = &params.capabilities;
        let capabilities = Capabilities {
            encoding,
            progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            watch_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false),
            pull_diagnostics: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            configuration: caps
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false),
            create_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.workspace_edit.as_ref())
                .is_some_and(|e| {
                    e.document_changes == Some(true)
                        && e.resource_operations
                            .as_ref()
                            .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
                }),
            insert_snippet: caps
                .experimental
                .as_ref()
                .and_then(|e| e.get("dossierInsertSnippet"))
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
        };
        let _ = self.capabilities.set(capabilities);
        *self
            .pending_roots
            .write()
            .unwrap_or_else(|e| e.into_inner()) = workspace_roots(&params);

        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "dossier".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(convert::encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions::default()),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("dossier".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: true,
                        work_done_progress_options: Default::default(),
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let roots = std::mem::take(
            &mut *self
                .pending_roots
                .write()
                .unwrap_or_else(|e| e.into_inner()),
        );
        self.pull_configuration().await;
        self.load_folders(&roots).await;
        self.settled.send_replace(true);
        self.register_watchers().await;
        self.index_folders(roots).await;
        self.refresh_discovered().await;
        self.republish().await;
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {
        self.refresh_discovered().await;
    }

    async fn did_change_configuration(&self, _: DidChangeConfigurationParams) {
        if self.pull_configuration().await {
            self.reindex().await;
        }
        self.republish().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let Some(path) = convert::path(&doc.uri) else {
            return;
        };
        self.write("didOpen", |state| {
            state
                .open
                .insert(path.clone(), Document::new(&doc.text, doc.version));
            state.workspace.update(path.clone(), doc.text);
        });
        self.publish(path, false);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let Some(path) = convert::path(&params.text_document.uri) else {
            return;
        };
        let encoding = self.encoding();
        let version = params.text_document.version;
        let edits = params.content_changes.into_iter().map(|c| Edit {
            range: c
                .range
                .map(|r| (convert::position(r.start), convert::position(r.end))),
            text: c.text,
        });
        self.write("didChange", |state| {
            let Some(doc) = state.open.get_mut(&path) else {
                return;
            };
            doc.apply(edits, version, encoding);
            let text = doc.text();
            state.workspace.update(path.clone(), text);
        });
        self.publish(path, true);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let Some(path) = convert::path(&params.text_document.uri) else {
            return;
        };
        let skip = self
            .write("didClose", |state| {
                state.open.remove(&path);
                state.sync_from_disk(&path)
            })
            .flatten();
        if let Some(skip) = skip {
            self.log(MessageType::WARNING, format!("{}: {skip}", path.display()))
                .await;
        }
        self.publish(path, false);
        self.refresh_discovered().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths: Vec<PathBuf> = params
            .changes
            .iter()
            .filter_map(|c| convert::path(&c.uri))
            .collect();
        let settings_changed = self
            .read("didChangeWatchedFiles", |s| {
                paths.iter().any(|p| s.is_settings_file(p))
            })
            .unwrap_or(false);
        if settings_changed {
            let roots: Vec<PathBuf> = self
                .read("didChangeWatchedFiles", |s| {
                    s.folders.iter().map(|f| f.root.clone()).collect()
                })
                .unwrap_or_default();
            self.load_folders(&roots).await;
            // The article filter may have changed too.
            self.reindex().await;
            self.republish().await;
            return;
        }
        let skipped = self
            .write("didChangeWatchedFiles", |state| {
                paths
                    .iter()
                    .filter_map(|p| state.sync_from_disk(p).map(|s| (p.clone(), s)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        for (path, skip) in skipped {
            self.log(MessageType::WARNING, format!("{}: {skip}", path.display()))
                .await;
        }
        let lossy: Vec<PathBuf> = self
            .read("didChangeWatchedFiles", |s| {
                paths
                    .iter()
                    .filter(|p| s.lossy.contains(*p))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        for path in lossy {
            self.publish(path, false);
        }
        self.refresh_discovered().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let removed: Vec<PathBuf> = params
            .event
            .removed
            .iter()
            .filter_map(|f| convert::path(&f.uri))
            .collect();
        let added: Vec<PathBuf> = params
            .event
            .added
            .iter()
            .filter_map(|f| convert::path(&f.uri))
            .collect();
        self.write("didChangeWorkspaceFolders", |state| {
            for root in &removed {
                state.folders.retain(|f| &f.root != root);
                state.workspace.remove_under(root);
            }
        });
        if !added.is_empty() || !removed.is_empty() {
            self.load_folders(&added).await;
            self.index_folders(added).await;
            self.refresh_discovered().await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        navigation::hover(self, params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        navigation::definition(self, params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        navigation::references(self, params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        navigation::highlight(self, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        navigation::document_symbols(self, params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        navigation::workspace_symbols(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        navigation::completion(self, params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        navigation::prepare_rename(self, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        navigation::rename(self, params).await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        handlers::diagnostics::document(self, params).await
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        handlers::diagnostics::workspace(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        actions::code_action(self, params).await
    }
}
