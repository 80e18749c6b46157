//! The files on disk: indexing the workspace folders (in batches, with progress), folders
//! added and removed, files changed behind the editor's back, and indexing again when the
//! settings change which files are articles.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp::lsp_types::{
    notification, request, DidChangeWatchedFilesParams, DidChangeWorkspaceFoldersParams,
    MessageType, NumberOrString, ProgressParams, ProgressParamsValue, WorkDoneProgress,
    WorkDoneProgressBegin, WorkDoneProgressCreateParams, WorkDoneProgressEnd,
    WorkDoneProgressReport,
};

use super::settings;
use crate::lsp::convert;
use crate::lsp::server::Backend;

/// How many files are read and analysed between two progress reports and lock acquisitions.
const BATCH: usize = 256;

/// Indexes every article under the given folders, in batches, reporting progress.
pub async fn index_folders(backend: &Backend, roots: Vec<PathBuf>) {
    let token = NumberOrString::String("dossier/index".into());
    let progress = backend.caps().progress
        && backend
            .client
            .send_request::<request::WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                token: token.clone(),
            })
            .await
            .is_ok();
    let report = |value: WorkDoneProgress| {
        let client = backend.client.clone();
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
    let state = Arc::clone(&backend.state);
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
            let state = Arc::clone(&backend.state);
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
            backend.log_skipped(skipped).await;
            // Their one file-level warning, without waiting for them to be opened.
            for path in lossy {
                backend.publish(path, false);
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
    let articles = backend.read("indexing", |s| s.workspace.len()).unwrap_or(0);
    report(WorkDoneProgress::End(WorkDoneProgressEnd {
        message: Some(format!("{articles} articles")),
    }))
    .await;
    backend
        .log(
            MessageType::INFO,
            format!(
                "indexed {articles} articles in {} ms",
                started.elapsed().as_millis()
            ),
        )
        .await;
}

/// Brings the index in line with settings that changed which files are articles: drops
/// what is no longer one, reads the folders again for what now is.
pub async fn reindex(backend: &Backend) {
    let roots = backend
        .write("reindexing", |state| {
            state.drop_non_articles();
            state.roots()
        })
        .unwrap_or_default();
    index_folders(backend, roots).await;
    backend.refresh_discovered().await;
}

pub async fn files_changed(backend: &Backend, params: DidChangeWatchedFilesParams) {
    let paths: Vec<PathBuf> = params
        .changes
        .iter()
        .filter_map(|c| convert::path(&c.uri))
        .collect();
    let annotated = backend
        .read("didChangeWatchedFiles", |s| {
            super::annotations::roots_of_changed(s, &paths)
        })
        .unwrap_or_default();
    if !annotated.is_empty() {
        super::annotations::load(backend, &annotated).await;
        backend.republish().await;
    }
    let settings_changed = backend
        .read("didChangeWatchedFiles", |s| {
            paths.iter().any(|p| s.is_settings_file(p))
        })
        .unwrap_or(false);
    if settings_changed {
        // Coalesced: reading the settings again waits on the client (progress while indexing).
        backend
            .folder_settings
            .run(|| async {
                let roots = backend
                    .read("didChangeWatchedFiles", |s| s.roots())
                    .unwrap_or_default();
                settings::load_folders(backend, &roots).await;
                // The article filter may have changed too.
                reindex(backend).await;
                backend.republish().await;
                false
            })
            .await;
        return;
    }
    let skipped = backend.sync_from_disk("didChangeWatchedFiles", paths.clone());
    backend.log_skipped(skipped).await;
    let lossy: Vec<PathBuf> = backend
        .read("didChangeWatchedFiles", |s| {
            paths
                .iter()
                .filter(|p| s.lossy.contains(*p))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    for path in lossy {
        backend.publish(path, false);
    }
    backend.refresh_discovered().await;
}

pub async fn folders_changed(backend: &Backend, params: DidChangeWorkspaceFoldersParams) {
    let removed = convert::folder_paths(&params.event.removed);
    let added = convert::folder_paths(&params.event.added);
    backend.write("didChangeWorkspaceFolders", |state| {
        for root in &removed {
            state.folders.retain(|f| &f.root != root);
            state.workspace.remove_under(root);
        }
    });
    if !added.is_empty() || !removed.is_empty() {
        settings::load_folders(backend, &added).await;
        index_folders(backend, added).await;
        backend.refresh_discovered().await;
    }
}
