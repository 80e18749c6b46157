//! The settings: the editor's own (`workspace/configuration`, asked again when they change)
//! and each folder's `dossier.json` with the catalogs it names, and what is wrong with them,
//! shown where it is.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dossier::config::EditorSettings;
use dossier::files::SettingsError;
use dossier::text::{Encoding, LineIndex};
use tower_lsp::lsp_types::{self as lsp, ConfigurationItem, DiagnosticSeverity, MessageType};

use super::workspace;
use crate::lsp::convert;
use crate::lsp::diagnostics::about_file;
use crate::lsp::index::{self, Folder};
use crate::lsp::server::Backend;

/// `workspace/didChangeConfiguration`. Its payload is not read (clients of the pull model send
/// `null`): the settings are asked for again, so they come in one way only. A notification that
/// comes while they are being asked for returns at once; the run under way asks once more.
pub async fn changed(backend: &Backend) {
    backend
        .configuration
        .run(|| async {
            if ask_configuration(backend).await {
                workspace::reindex(backend).await;
            }
            backend.republish().await;
            false
        })
        .await;
}

/// Reads the editor's `dossier` settings, when it offers them, with at most one
/// `workspace/configuration` request in flight; returns whether they change which files are
/// articles.
pub async fn pull_configuration(backend: &Backend) -> bool {
    backend
        .configuration
        .run(|| ask_configuration(backend))
        .await
}

async fn ask_configuration(backend: &Backend) -> bool {
    if !backend.caps().configuration {
        return false;
    }
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some("dossier".into()),
    };
    let Ok(values) = backend.client.configuration(vec![item]).await else {
        return false;
    };
    let value = values.into_iter().next().unwrap_or_default();
    let (editor, problems) = EditorSettings::from_json(&value);
    for problem in problems {
        backend
            .log(MessageType::WARNING, format!("{problem} (left out)"))
            .await;
    }
    backend
        .write("configuration", |state| state.set_editor(editor))
        .unwrap_or(false)
}

/// Reads the settings of folders and reports what is wrong with them: a diagnostic at the
/// exact place and a message. A folder keeps its last good settings.
pub async fn load_folders(backend: &Backend, roots: &[PathBuf]) {
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    for root in roots {
        let (settings, error) = index::load_folder(root);
        problems.push((root.clone(), error));
        loaded.push((root.clone(), settings));
    }
    backend.write("loading settings", |state| {
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
    // A file that shows a settings error keeps it: the clashes are not shown over it.
    let erring: Vec<PathBuf> = problems
        .iter()
        .filter_map(|(_, e)| e.as_ref().map(|e| e.location().0.to_owned()))
        .collect();
    for (root, error) in problems {
        publish_problem(backend, &root, error).await;
    }
    publish_clashes(backend, &erring).await;
    super::annotations::load(backend, roots).await;
}

/// Shows, in each workspace catalog file, the entries whose name or alias another actor is also
/// called, as warnings on the entry's line, and clears them in the files once fixed. Files in
/// `erring` show a settings error and are left to it.
async fn publish_clashes(backend: &Backend, erring: &[PathBuf]) {
    let update = backend.write("catalog clashes", |state| {
        let settings: Vec<_> = state.folders.iter().map(|f| &f.settings).collect();
        let clashes = dossier::files::catalog_clashes(&settings);
        let now: HashSet<PathBuf> = clashes.iter().map(|(o, _)| o.path.clone()).collect();
        let paths: Vec<PathBuf> = now
            .union(&state.clashes_shown)
            .filter(|p| !erring.contains(p))
            .cloned()
            .collect();
        state.clashes_shown = now;
        (clashes, paths)
    });
    let Some((clashes, paths)) = update else {
        return;
    };
    for path in paths {
        let Some(uri) = convert::uri(&path) else {
            continue;
        };
        let diagnostics = clashes
            .iter()
            .filter(|(origin, _)| origin.path == path)
            .map(|(origin, message)| {
                let (at, next) = position(&path, origin.line, 0, backend.encoding());
                about_file(
                    lsp::Range::new(at, next),
                    DiagnosticSeverity::WARNING,
                    message.clone(),
                )
            })
            .collect();
        backend
            .client
            .publish_diagnostics(uri, diagnostics, None)
            .await;
    }
}

/// Shows a folder's settings error, or clears the one shown before once the settings read well.
async fn publish_problem(backend: &Backend, root: &Path, error: Option<SettingsError>) {
    let config = root.join(dossier::config::FILE_NAME);
    let Some(error) = error else {
        if let Some(uri) = convert::uri(&config) {
            backend
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
        return;
    };
    let (path, line, column, message) = error.location();
    backend
        .client
        .show_message(
            MessageType::ERROR,
            format!("dossier: {error} — the last good configuration stays in force"),
        )
        .await;
    if let Some(uri) = convert::uri(path) {
        let (at, next) = position(path, line, column, backend.encoding());
        let diagnostic = about_file(
            lsp::Range::new(at, next),
            DiagnosticSeverity::ERROR,
            message.to_owned(),
        );
        backend
            .client
            .publish_diagnostics(uri, vec![diagnostic], None)
            .await;
    }
}

/// The position of a settings error, whose column counts bytes, in the client's units, and the
/// position one character further. The file is read again for its text; if it cannot be, the
/// byte column is the best guess left.
fn position(
    path: &Path,
    line: usize,
    column: usize,
    encoding: Encoding,
) -> (lsp::Position, lsp::Position) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = LineIndex::new(&text);
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
    let at = |offset| convert::text_position(&lines, &text, offset, encoding);
    (at(offset), at(next))
}
