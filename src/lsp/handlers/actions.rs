//! Code actions: a rule's fixes for the findings in the selection, adding a discovered person
//! to the workspace catalog, and annotating the words there (`annotations`).

use std::path::PathBuf;

use dossier::answers;
use dossier::article::Article;
use dossier::catalog::Actor;
use dossier::rules::Fix;
use dossier::text::LineIndex;
use dossier::workspace::ArticleId;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionResponse, Command, CreateFile, Diagnostic, DocumentChangeOperation, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit, TextEdit, Url,
    WorkspaceEdit,
};

use super::lifecycle::Capabilities;
use crate::lsp::index::State;
use crate::lsp::server::Backend;
use crate::lsp::{convert, diagnostics};

/// The client-side command that replaces a range with a snippet. Workspace edits carry no
/// snippets in LSP 3.17, and the clients we serve do not take 3.18's `SnippetTextEdit`.
/// Deliberately absent from `executeCommandProvider`: the client runs it, not the server.
const INSERT_SNIPPET: &str = "dossier.insertSnippet";

pub async fn code_action(
    backend: &Backend,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri.clone();
    let Some(path) = convert::path(&uri) else {
        return Ok(None);
    };
    let caps = backend.caps();
    let encoding = caps.encoding;
    let asked = backend.read("codeAction", |state| {
        let (id, article) = state.workspace.get(&path)?;
        let start = convert::offset(article, params.range.start, encoding);
        let end = convert::offset(article, params.range.end, encoding);
        let settings = state.rule_settings(&path);
        let markdown = path.extension().is_some_and(|e| e == "md");
        let mut actions = Vec::new();
        // The kinds the client asked for (`context.only`): a kind asks for those below it.
        let wanted = |kind: &str| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let findings = answers::diagnostics::with_annotations(
            answers::diagnostics::diagnostics(state.workspace.catalog(), article, &settings),
            article,
            state.workspace.annotations(&path),
            &settings,
            dossier::annotations::Verified::Inform,
        );
        for finding in findings.into_iter().filter(|_| wanted("quickfix")) {
            if finding.range.end < start || finding.range.start > end {
                continue;
            }
            let diagnostic = diagnostics::to_lsp(article, &finding, &uri, encoding);
            for fix in dossier::rules::fixes(&article.text, &finding, markdown) {
                if !as_command(&fix, caps) && fix.changes_nothing_as_plain(&article.text) {
                    continue;
                }
                actions.push(CodeActionOrCommand::CodeAction(quick_fix(
                    article,
                    &uri,
                    &diagnostic,
                    fix,
                    caps,
                )));
            }
        }
        if wanted(super::annotations::KIND) {
            actions.extend(super::annotations::actions(
                state,
                id,
                article,
                &uri,
                (start, end),
                caps,
            ));
        }
        let addition = Addition::of(state, id, article, start).filter(|_| wanted("quickfix"));
        Some((actions, addition))
    })?;
    // The catalog files are read with no lock held.
    Ok(asked.map(|(mut actions, addition)| {
        if let Some(action) = addition.and_then(|a| a.action(caps)) {
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
        actions
    }))
}

/// Whether a fix goes to the client as [`INSERT_SNIPPET`]: one snippet edit, for a client that
/// runs the command.
fn as_command(fix: &Fix, caps: Capabilities) -> bool {
    fix.snippet && caps.insert_snippet && fix.edits.len() == 1
}

/// A rule's fix as a code action. A snippet fix of one edit goes to a client that runs
/// [`INSERT_SNIPPET`] as that command, so its placeholder is selected to type over; every other
/// fix, and every fix for other clients, is a plain workspace edit.
fn quick_fix(
    article: &Article,
    uri: &Url,
    diagnostic: &Diagnostic,
    fix: Fix,
    caps: Capabilities,
) -> CodeAction {
    let encoding = caps.encoding;
    let (edit, command) = match fix.edits.as_slice() {
        [(range, snippet)] if as_command(&fix, caps) => {
            let argument = serde_json::json!({
                "uri": uri,
                "range": convert::range(article, range, encoding),
                "snippet": snippet,
            });
            let command = Command {
                title: fix.title.clone(),
                command: INSERT_SNIPPET.into(),
                arguments: Some(vec![argument]),
            };
            (None, Some(command))
        }
        _ => {
            let edits = fix
                .plain_edits()
                .into_iter()
                .map(|(range, new_text)| TextEdit {
                    range: convert::range(article, &range, encoding),
                    new_text,
                })
                .collect();
            let edit = WorkspaceEdit {
                changes: Some([(uri.clone(), edits)].into_iter().collect()),
                ..Default::default()
            };
            (Some(edit), None)
        }
    };
    CodeAction {
        title: fix.title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit,
        command,
        ..Default::default()
    }
}

/// "Add … to the workspace catalog" for a discovered person under the cursor: the entry goes
/// into the first catalog file `dossier.json` names (or a new `catalog.json`, which
/// `dossier.json` then names), as one edit the editor applies. Worked out in two steps: what
/// to add and where, under the lock ([`Addition::of`]); the files read and the edit made
/// without it ([`Addition::action`]).
struct Addition {
    entry: Actor,
    name: String,
    root: PathBuf,
    catalog_name: String,
}

impl Addition {
    fn of(state: &State, id: ArticleId, article: &Article, offset: usize) -> Option<Self> {
        let ws = &state.workspace;
        let (_, actor) = ws.actor_at(id, offset)?;
        let actor = ws.catalog().get(actor);
        if !actor.discovered {
            return None;
        }
        let folder = state.folder_of(&article.path)?;
        let catalog_name = folder
            .settings
            .config
            .catalogs
            .first()
            .cloned()
            .unwrap_or_else(|| "catalog.json".into());
        Some(Self {
            entry: answers::add_to_catalog::entry(actor),
            name: actor.name.clone(),
            root: folder.root.clone(),
            catalog_name,
        })
    }

    fn action(self, caps: Capabilities) -> Option<CodeAction> {
        use answers::add_to_catalog::{self as add, FileChange};
        let Self {
            entry,
            name,
            root,
            catalog_name,
        } = self;
        // A catalog behind a link that leaves the folder is neither read nor offered for
        // writing.
        let catalog_path = dossier::files::resolve_catalog_path(&root, &catalog_name).ok()?;
        let config_path = root.join(dossier::config::FILE_NAME);
        let catalog_text = std::fs::read_to_string(&catalog_path).ok();
        let config_text = std::fs::read_to_string(&config_path).ok();
        let changes: Vec<(PathBuf, Option<String>, FileChange)> = [
            (
                catalog_path,
                catalog_text.clone(),
                add::catalog_change(catalog_text.as_deref(), &entry),
            ),
            (
                config_path,
                config_text.clone(),
                add::config_change(config_text.as_deref(), &catalog_name),
            ),
        ]
        .into_iter()
        .filter_map(|(path, text, change)| Some((path, text, change?)))
        .collect();
        let creates = changes
            .iter()
            .any(|(_, _, c)| matches!(c, FileChange::Create(_)));
        if creates && !caps.create_files {
            return None;
        }
        let mut operations = Vec::new();
        for (path, text, change) in changes {
            let uri = convert::uri(&path)?;
            let (at, new_text) = match &change {
                FileChange::Create(body) => {
                    operations.push(DocumentChangeOperation::Op(ResourceOp::Create(
                        CreateFile {
                            uri: uri.clone(),
                            options: None,
                            annotation_id: None,
                        },
                    )));
                    (lsp::Position::new(0, 0), body.clone())
                }
                FileChange::Insert(offset, body) => {
                    let text = text.unwrap_or_default();
                    let at = convert::text_position(
                        &LineIndex::new(&text),
                        &text,
                        *offset,
                        caps.encoding,
                    );
                    (at, body.clone())
                }
            };
            operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(TextEdit {
                    range: lsp::Range::new(at, at),
                    new_text,
                })],
            }));
        }
        Some(CodeAction {
            title: format!("Add {name} to the workspace catalog ({catalog_name})"),
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(operations)),
                ..Default::default()
            }),
            ..Default::default()
        })
    }
}
