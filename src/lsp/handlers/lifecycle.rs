//! The start of a session: what the client can do and what the server offers (`initialize`),
//! then reading the settings, watching files and indexing the folders once it is ready.

use std::path::PathBuf;

use dossier::text::Encoding;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    CompletionOptions, DiagnosticOptions, DiagnosticServerCapabilities,
    DidChangeWatchedFilesRegistrationOptions, DocumentLinkOptions, ExecuteCommandOptions,
    FileSystemWatcher, GlobPattern, HoverProviderCapability, InitializeParams, InitializeResult,
    MessageType, OneOf, Registration, RenameOptions, ResourceOperationKind, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};

use super::{settings, workspace};
use crate::lsp::convert;
use crate::lsp::server::Backend;

/// What the client said it can do, fixed at `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Capabilities {
    pub encoding: Encoding,
    pub progress: bool,
    pub watch_files: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so none are pushed.
    pub pull_diagnostics: bool,
    /// Workspace edits may create files (`documentChanges` with resource operations).
    pub create_files: bool,
    pub configuration: bool,
    /// The client runs `dossier.insertSnippet` itself (`experimental.dossierInsertSnippet`), so
    /// fixes with tab stops can reach it as snippets.
    pub insert_snippet: bool,
    /// The client runs `dossier.promptAnnotation` itself (`experimental.dossierPromptAnnotation`):
    /// it asks for a note or a link, then runs the server's `dossier.annotate`.
    pub prompt_annotation: bool,
    /// The client asks for code lenses again when told (`workspace/codeLens/refresh`).
    pub code_lens_refresh: bool,
}

impl Capabilities {
    fn of(caps: &ClientCapabilities, encoding: Encoding) -> Self {
        // What the plugins announce they do themselves, under `experimental`.
        let experimental = |name: &str| {
            caps.experimental
                .as_ref()
                .and_then(|e| e.get(name))
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false)
        };
        Self {
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
            insert_snippet: experimental("dossierInsertSnippet"),
            prompt_annotation: experimental("dossierPromptAnnotation"),
            code_lens_refresh: caps
                .workspace
                .as_ref()
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
        }
    }
}

pub async fn initialize(backend: &Backend, params: InitializeParams) -> Result<InitializeResult> {
    let encoding = convert::negotiate(&params);
    let _ = backend
        .capabilities
        .set(Capabilities::of(&params.capabilities, encoding));
    *backend
        .pending_roots
        .write()
        .unwrap_or_else(|e| e.into_inner()) = workspace_roots(&params);

    Ok(InitializeResult {
        server_info: Some(ServerInfo {
            name: "dossier".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        capabilities: offered(encoding),
    })
}

/// What the server offers.
fn offered(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
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
        // Every letter: names complete as they are typed, also where the client asks for
        // completions on trigger characters only (VS Code in Markdown, Neovim's autotrigger).
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(('A'..='Z').chain('a'..='z').map(String::from).collect()),
            ..Default::default()
        }),
        semantic_tokens_provider: Some(super::tokens::offered()),
        document_link_provider: Some(DocumentLinkOptions {
            resolve_provider: Some(false),
            work_done_progress_options: Default::default(),
        }),
        code_lens_provider: Some(tower_lsp::lsp_types::CodeLensOptions {
            resolve_provider: Some(true),
        }),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(super::annotations::KIND),
            ]),
            ..Default::default()
        })),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("dossier".into()),
            inter_file_dependencies: false,
            workspace_diagnostics: true,
            work_done_progress_options: Default::default(),
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![super::annotations::ANNOTATE.into()],
            work_done_progress_options: Default::default(),
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(folders) = &params.workspace_folders {
        return convert::folder_paths(folders);
    }
    #[allow(deprecated)]
    params
        .root_uri
        .as_ref()
        .and_then(convert::path)
        .into_iter()
        .collect()
}

/// The settings come first: pulled diagnostics wait for them (`Backend::settled`), and they
/// say which files the index reads.
pub async fn initialized(backend: &Backend) {
    let roots = std::mem::take(
        &mut *backend
            .pending_roots
            .write()
            .unwrap_or_else(|e| e.into_inner()),
    );
    settings::pull_configuration(backend).await;
    settings::load_folders(backend, &roots).await;
    backend.settled.send_replace(true);
    register_watchers(backend).await;
    workspace::index_folders(backend, roots).await;
    backend.refresh_discovered().await;
    backend.republish().await;
}

async fn register_watchers(backend: &Backend) {
    if !backend.caps().watch_files {
        return;
    }
    let watchers = [
        "**/*.md",
        "**/*.txt",
        "**/*.json",
        "**/.dossier/annotations.jsonl",
    ]
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
    if let Err(e) = backend.client.register_capability(vec![registration]).await {
        backend
            .log(MessageType::WARNING, format!("could not watch files: {e}"))
            .await;
    }
}
