//! The server's front door: the state every request shares, the few helpers they all use, and
//! the one `impl LanguageServer` that tower-lsp requires, which sends each request to its room
//! in `handlers/`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, RwLock};
use std::time::Duration;

use dossier::files::Skip;
use dossier::text::Encoding;
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::coalesce::Coalesced;
use super::handlers::lifecycle::{self, Capabilities};
use super::handlers::{self, actions, documents, navigation, settings, workspace};
use super::index::{Shared, State};
use super::{diagnostics, framing};

pub struct Backend {
    pub(super) client: Client,
    pub(super) state: Shared,
    pub(super) capabilities: OnceLock<Capabilities>,
    /// Folders named at `initialize`, indexed once the client is ready.
    pub(super) pending_roots: RwLock<Vec<PathBuf>>,
    /// Becomes true once the editor's settings and the folders' `dossier.json` are read, so
    /// that no diagnostic is computed with the default rule levels by mistake.
    pub(super) settled: tokio::sync::watch::Sender<bool>,
    publisher: diagnostics::Publisher,
    /// The editor's settings asked for again, and the folders' settings read again: each
    /// coalesced, so that a burst of notifications never waits on the client.
    pub(super) configuration: Coalesced,
    pub(super) folder_settings: Coalesced,
    /// The people the articles introduce, found again: one pass at a time, so that each
    /// starts from the workspace the last one left.
    discovery: Coalesced,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::new(RwLock::new(State::new())),
            capabilities: OnceLock::new(),
            pending_roots: RwLock::new(Vec::new()),
            publisher: diagnostics::Publisher::default(),
            settled: tokio::sync::watch::Sender::new(false),
            configuration: Coalesced::default(),
            folder_settings: Coalesced::default(),
            discovery: Coalesced::default(),
        }
    }

    /// Waits (a few seconds at most) until the settings are read.
    pub(super) async fn wait_settled(&self) {
        let mut settled = self.settled.subscribe();
        let _ = tokio::time::timeout(Duration::from_secs(5), settled.wait_for(|s| *s)).await;
    }

    /// Pushes an article's diagnostics to a client that does not pull them.
    pub(super) fn publish(&self, path: PathBuf, debounce: bool) {
        if !self.caps().pull_diagnostics {
            let state = Arc::clone(&self.state);
            self.publisher
                .schedule(self.client.clone(), state, path, self.encoding(), debounce);
        }
    }

    /// Publishes again for every open document (after the settings or the catalog changed), or
    /// asks a pulling client to pull again. Code lenses, whose counts read the whole workspace,
    /// are asked for again too.
    pub(super) async fn republish(&self) {
        if self.caps().code_lens_refresh {
            let _ = self.client.code_lens_refresh().await;
        }
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

    /// Finds the people the articles introduce and publishes again when they changed. The
    /// work (it may analyse many articles again) is done off the async threads and with no
    /// lock held, from a snapshot of the articles; the write lock is taken only to swap the
    /// result in, and the workspace it replaces is let go after.
    pub(super) async fn refresh_discovered(&self) {
        let changed = self
            .discovery
            .run(|| {
                let state = Arc::clone(&self.state);
                async move {
                    tokio::task::spawn_blocking(move || {
                        let snapshot =
                            read_guarded(&state, "discovery", |s| s.workspace.snapshot());
                        let found = catch_unwind(AssertUnwindSafe(|| {
                            let rediscover = || snapshot.ok()?.rediscover();
                            match background_pool() {
                                Some(pool) => pool.install(rediscover),
                                None => rediscover(),
                            }
                        }));
                        let Ok(Some(found)) = found else {
                            return false;
                        };
                        let mut guard = state.write().unwrap_or_else(|e| e.into_inner());
                        let replaced =
                            catch_unwind(AssertUnwindSafe(|| guard.workspace.adopt(found)));
                        drop(guard);
                        replaced.is_ok_and(|old| old.is_some())
                    })
                    .await
                    .unwrap_or(false)
                }
            })
            .await;
        if changed {
            let people = self
                .read("discovery", |s| {
                    let actors = s.workspace.catalog().actors();
                    actors.filter(|(_, a)| a.discovered).count()
                })
                .unwrap_or_default();
            // Said, as the end of an index is, so that a client (or a test) knows when the
            // answers name them.
            self.log(
                MessageType::INFO,
                format!("discovered {people} people in the articles"),
            )
            .await;
            self.republish().await;
        }
    }

    /// Brings files' disk state into the index: planned under the read lock, read and analysed
    /// with no lock held, applied under the write lock, so that no question waits behind the
    /// disk. Done without an `await`, so that a request sent after the notification sees its
    /// effect. Returns the files left out and why.
    pub(super) fn sync_from_disk(&self, what: &str, paths: Vec<PathBuf>) -> Vec<(PathBuf, Skip)> {
        let plans = self
            .read(what, |state| {
                paths.iter().map(|p| state.sync_plan(p)).collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let read: Vec<_> = paths
            .into_iter()
            .zip(plans)
            .map(|(path, plan)| {
                let synced = plan.read(&path);
                (path, synced)
            })
            .collect();
        self.write(what, |state| {
            read.into_iter()
                .filter_map(|(path, synced)| state.apply_sync(&path, synced).map(|s| (path, s)))
                .collect()
        })
        .unwrap_or_default()
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
        read_guarded(&self.state, what, f)
    }

    /// Runs `f` on the state under the write lock, catching a panic the same way.
    pub(super) fn write<T>(&self, what: &str, f: impl FnOnce(&mut State) -> T) -> Option<T> {
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

    pub(super) async fn log(&self, level: MessageType, message: String) {
        eprintln!("dossier: {message}");
        self.client.log_message(level, message).await;
    }

    /// Says which files were left out of the index and why, so that a missing article is not a
    /// mystery.
    pub(super) async fn log_skipped(&self, skipped: impl IntoIterator<Item = (PathBuf, Skip)>) {
        for (path, skip) in skipped {
            self.log(MessageType::WARNING, format!("{}: {skip}", path.display()))
                .await;
        }
    }

    /// `dossier/malformedMessage`: the stand-in for a message that could not be decoded (see
    /// `framing`), answered with the error that message deserved.
    pub async fn malformed(&self, params: framing::Malformed) -> Result<()> {
        framing::answer(params).await
    }

    /// `dossier/panic`, registered only with `DOSSIER_TEST_PANIC=1` (see `lsp::run`): panics
    /// inside the same guard as every question, so a test can prove the guard holds.
    pub async fn deliberate_panic(&self, _: serde_json::Value) -> Result<()> {
        self.read("dossier/panic", |_| {
            panic!("deliberate panic (DOSSIER_TEST_PANIC=1)")
        })
    }
}

/// The threads that find the people the articles introduce: one core fewer than the machine
/// has, so that a pass set off by a save leaves a core to the questions asked meanwhile.
/// (None if its threads could not be started: then the work runs on the shared pool.)
fn background_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("dossier-discovery-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// What [`Backend::read`] does, for work that runs where the backend is not at hand (off the
/// request loop, `cancel::off_loop`).
pub(super) fn read_guarded<T>(
    state: &Shared,
    what: &str,
    f: impl FnOnce(&State) -> T,
) -> Result<T> {
    let state = state.read().unwrap_or_else(|e| e.into_inner());
    catch_unwind(AssertUnwindSafe(|| f(&state))).map_err(|panic| {
        let message = panic_message(&panic);
        eprintln!("dossier: internal error in {what}: {message}");
        Error {
            code: ErrorCode::InternalError,
            message: format!("internal error in {what}: {message}").into(),
            data: None,
        }
    })
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        lifecycle::initialize(self, params).await
    }

    async fn initialized(&self, _: InitializedParams) {
        lifecycle::initialized(self).await
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_change_configuration(&self, _: DidChangeConfigurationParams) {
        settings::changed(self).await
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        documents::open(self, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        documents::change(self, params).await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        documents::save(self, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        documents::close(self, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        workspace::files_changed(self, params).await
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        workspace::folders_changed(self, params).await
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

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> Result<Option<serde_json::Value>> {
        handlers::annotations::execute(self, params).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        handlers::tokens::full(self, params).await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        handlers::links::document_links(self, params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        handlers::lenses::code_lens(self, params).await
    }

    async fn code_lens_resolve(&self, lens: CodeLens) -> Result<CodeLens> {
        handlers::lenses::resolve(self, lens).await
    }
}
