//! Annotations in the editor: the code actions that make them ("Mark claim verified…",
//! "This is <actor>…", "Add note…"), the server command that writes them
//! (`workspace/executeCommand` `dossier.annotate`), positions brought up to date on save, and
//! the annotations file read when a folder's settings are and when it changes on disk.
//!
//! A code action carries the words it is about as selectors (quote and position), not as an
//! editor range: the command may run after more typing, and the words are found again then. A
//! client that can ask for a note or a link (`experimental.dossierPromptAnnotation`) gets the
//! actions as its own command `dossier.promptAnnotation`, which asks, then runs
//! `dossier.annotate`; other clients get `dossier.annotate` itself, with nothing to ask.

use std::path::{Path, PathBuf};

use dossier::annotations::{self, make, store, Annotation, Assessment, Body, Motivation, Store};
use dossier::article::Article;
use dossier::located::LocatedError;
use dossier::workspace::ArticleId;
use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, Command, DiagnosticSeverity,
    ExecuteCommandParams, MessageType,
};

use super::lifecycle::Capabilities;
use crate::lsp::convert;
use crate::lsp::diagnostics::about_file;
use crate::lsp::index::State;
use crate::lsp::server::Backend;

/// The server's command: writes an annotation.
pub const ANNOTATE: &str = "dossier.annotate";
/// The client's command: asks for a note or a link, then runs [`ANNOTATE`].
const PROMPT: &str = "dossier.promptAnnotation";
/// The kind of the actions that annotate: no fix, a change of the file beside the articles.
pub const KIND: &str = "refactor.annotate";

/// What [`ANNOTATE`] takes (and [`PROMPT`], with `ask` saying what to ask for).
#[derive(Debug, Deserialize)]
struct Request {
    uri: lsp::Url,
    motivation: String,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    start: usize,
    end: usize,
    #[serde(default)]
    assessment: Option<String>,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    link: Option<String>,
}

/// The annotating actions for the words at `start..end` of an article in a workspace folder.
pub fn actions(
    state: &State,
    id: ArticleId,
    article: &Article,
    uri: &lsp::Url,
    (start, end): (usize, usize),
    caps: Capabilities,
) -> Vec<CodeActionOrCommand> {
    if state.folder_of(&article.path).is_none() {
        return Vec::new();
    }
    let ws = &state.workspace;
    let mut out = Vec::new();
    let ask = caps.prompt_annotation;
    let dots = if ask { "…" } else { "" };
    if let Some(claim) = make::claim_at(article, start, end) {
        for (assessment, title) in [
            (Assessment::Verified, "Mark claim verified"),
            (Assessment::Disputed, "Mark claim disputed"),
            (Assessment::NeedsSource, "Mark claim as needing a source"),
        ] {
            let args = json!({"assessment": assessment.as_str(), "ask": ["note", "link"]});
            out.push(action(
                format!("{title}{dots}"),
                uri,
                article,
                &claim,
                "assessing",
                args,
                ask,
            ));
        }
    }
    if let Some(mention) = make::mention_at(article, start, end) {
        let resolved = ws.actor_at(id, mention.start).map(|(_, a)| a);
        for actor in make::candidates(ws.catalog(), article, resolved, &mention) {
            let a = ws.catalog().get(actor);
            let args = json!({"actor": a.id, "ask": ["note"]});
            let title = format!("This is {}{dots}", a.name);
            out.push(action(
                title,
                uri,
                article,
                &mention,
                "identifying",
                args,
                ask,
            ));
        }
    }
    let noted =
        make::mention_at(article, start, end).or_else(|| make::claim_at(article, start, end));
    if let (Some(words), true) = (noted, ask) {
        let args = json!({"ask": ["note"], "required": "note"});
        out.push(action(
            "Add note…".into(),
            uri,
            article,
            &words,
            "commenting",
            args,
            true,
        ));
    }
    out
}

/// One annotating action on `words`; `extra` adds to the request what the action says.
fn action(
    title: String,
    uri: &lsp::Url,
    article: &Article,
    words: &std::ops::Range<usize>,
    motivation: &str,
    extra: Value,
    ask: bool,
) -> CodeActionOrCommand {
    let quote = annotations::anchor::quote_of(&article.text, words);
    let position = annotations::anchor::position_of(&article.text, words);
    let mut argument = json!({
        "uri": uri,
        "motivation": motivation,
        "quote": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
        "start": position.start,
        "end": position.end,
    });
    if let (Some(into), Some(extra)) = (argument.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            if ask || k != "ask" && k != "required" {
                into.insert(k.clone(), v.clone());
            }
        }
    }
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.clone(),
        kind: Some(CodeActionKind::new(KIND)),
        command: Some(Command {
            title,
            command: if ask { PROMPT } else { ANNOTATE }.into(),
            arguments: Some(vec![argument]),
        }),
        ..Default::default()
    })
}

/// `workspace/executeCommand`: writes the annotation a code action (and the user's answers)
/// describe into its folder's annotations file, and shows what it changes.
pub async fn execute(backend: &Backend, params: ExecuteCommandParams) -> Result<Option<Value>> {
    if params.command != ANNOTATE {
        return Err(Error::invalid_params(format!(
            "unknown command {}",
            params.command
        )));
    }
    let request: Request = params
        .arguments
        .into_iter()
        .next()
        .and_then(|a| serde_json::from_value(a).ok())
        .ok_or_else(|| {
            Error::invalid_params("expected one argument { uri, motivation, quote, start, end, … }")
        })?;
    let path =
        convert::path(&request.uri).ok_or_else(|| Error::invalid_params("not a file URI"))?;
    let made = backend.read(ANNOTATE, |state| annotation(state, &path, &request))?;
    let (root, annotation) = made.map_err(Error::invalid_params)?;
    let id = annotation.id.clone();
    let written = tokio::task::spawn_blocking(move || {
        let mut store = on_disk(&root);
        store.push(annotation);
        dossier::files::write_annotations(&root, &store).map(|()| (root, store))
    })
    .await
    .map_err(|_| Error::internal_error())?;
    match written {
        Ok((root, store)) => {
            backend.write(ANNOTATE, |state| state.set_notes(&root, store));
            // Every open article's diagnostics and lenses, not only this one's: an identifying
            // annotation may change which actor another article's mentions count for.
            backend.republish().await;
            Ok(Some(json!({"id": id})))
        }
        Err(e) => {
            let message = format!("dossier: could not write the annotation: {e}");
            backend.log(MessageType::ERROR, message.clone()).await;
            backend
                .client
                .show_message(MessageType::ERROR, &message)
                .await;
            Err(Error::invalid_params(message))
        }
    }
}

/// The annotation a request describes, on the words found again in the article now, and the
/// root of the folder whose file keeps it.
fn annotation(
    state: &State,
    path: &Path,
    r: &Request,
) -> std::result::Result<(PathBuf, Annotation), String> {
    let root = state
        .folder_of(path)
        .map(|f| f.root.clone())
        .ok_or("the article is in no workspace folder")?;
    let (_, article) = state.workspace.get(path).ok_or("no such article")?;
    let quote = annotations::Quote {
        exact: r.quote.clone(),
        prefix: r.prefix.clone(),
        suffix: r.suffix.clone(),
    };
    let position = annotations::Position {
        start: r.start,
        end: r.end.max(r.start),
    };
    let range = annotations::anchor(&article.text, Some(&quote), Some(position))
        .range
        .ok_or("the words are no longer in the article")?;
    let motivation = Motivation::parse(&r.motivation);
    let filled = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let body = Body {
        assessment: r.assessment.as_deref().and_then(Assessment::parse),
        actor: filled(&r.actor),
        note: filled(&r.note),
        link: filled(&r.link),
    };
    match motivation {
        Motivation::Assessing if body.assessment.is_none() => return Err("no assessment".into()),
        Motivation::Identifying if body.actor.is_none() => return Err("no actor".into()),
        Motivation::Commenting if body.note.is_none() => return Err("no note".into()),
        _ => {}
    }
    let source = store::source_of(&root, path).ok_or("the article's path is not UTF-8")?;
    Ok((
        root.clone(),
        make::annotation(&article.text, &range, source, motivation, body),
    ))
}

/// The annotations file of a root as it is on disk now (another tool may have written it);
/// empty when there is none or it cannot be read.
fn on_disk(root: &Path) -> Store {
    match dossier::files::read_annotations(root) {
        Some(Ok((store, _))) => store,
        _ => Store::default(),
    }
}

/// After a save: the position selectors of the article's annotations that moved are set to
/// where their words are now, and the file is written again.
pub async fn saved(backend: &Backend, path: PathBuf) {
    let moved = backend
        .read("didSave", |state| {
            let root = state.folder_of(&path)?.root.clone();
            let (_, article) = state.workspace.get(&path)?;
            let chars = annotations::anchor::Chars::new(&article.text);
            let moved: Vec<(String, annotations::Position)> =
                annotations::place(&article.text, state.workspace.annotations(&path))
                    .into_iter()
                    .filter(|p| p.anchor.state == annotations::State::Moved)
                    .filter_map(|p| {
                        let range = p.range()?;
                        Some((p.annotation.id.clone(), chars.position_of(&range)))
                    })
                    .collect();
            (!moved.is_empty()).then_some((root, moved))
        })
        .ok()
        .flatten();
    let Some((root, moved)) = moved else {
        return;
    };
    let written = tokio::task::spawn_blocking(move || {
        let mut store = on_disk(&root);
        let mut changed = false;
        for (id, position) in &moved {
            changed |= store.set_position(id, *position);
        }
        if !changed {
            return Ok(None);
        }
        dossier::files::write_annotations(&root, &store).map(|()| Some((root, store)))
    })
    .await;
    match written {
        Ok(Ok(Some((root, store)))) => {
            backend.write("didSave", |state| state.set_notes(&root, store));
            backend.publish(path, false);
        }
        Ok(Ok(None)) => {}
        Ok(Err(e)) => {
            backend
                .log(
                    MessageType::WARNING,
                    format!("could not update the annotations' positions: {e}"),
                )
                .await
        }
        Err(_) => {}
    }
}

/// Reads the annotations files of folders into the state, and shows the lines that are no
/// annotations where they are (or clears what was shown).
pub async fn load(backend: &Backend, roots: &[PathBuf]) {
    let mut read = Vec::new();
    for root in roots {
        let (store, errors, exists) = match dossier::files::read_annotations(root) {
            None => (Store::default(), Vec::new(), false),
            Some(Ok((store, errors))) => (store, errors, true),
            Some(Err(e)) => (Store::default(), vec![e], true),
        };
        read.push((root.clone(), store, (errors, exists)));
    }
    let mut problems = Vec::new();
    backend.write("annotations", |state| {
        for (root, store, problem) in read {
            state.set_notes(&root, store);
            problems.push((dossier::files::annotations_path(&root), problem));
        }
    });
    // A file that is there gets its diagnostics, none when it reads well (which clears those
    // shown before); a workspace without one hears nothing of it.
    for (file, (errors, exists)) in problems {
        if exists || !errors.is_empty() {
            publish_errors(backend, &file, &errors).await;
        }
    }
}

async fn publish_errors(backend: &Backend, file: &Path, errors: &[LocatedError]) {
    let Some(uri) = convert::uri(file) else {
        return;
    };
    let diagnostics = errors
        .iter()
        .map(|e| {
            let at = lsp::Position::new(e.line as u32, e.column as u32);
            about_file(
                lsp::Range::new(at, lsp::Position::new(e.line as u32 + 1, 0)),
                DiagnosticSeverity::ERROR,
                format!(
                    "{} — this line is kept as it is, and read by no one",
                    e.message
                ),
            )
        })
        .collect();
    backend
        .client
        .publish_diagnostics(uri, diagnostics, None)
        .await;
}

/// Whether a changed file is a folder's annotations file; the folders whose file it is.
pub fn roots_of_changed(state: &State, paths: &[PathBuf]) -> Vec<PathBuf> {
    state
        .folders
        .iter()
        .filter(|f| {
            paths
                .iter()
                .any(|p| *p == dossier::files::annotations_path(&f.root))
        })
        .map(|f| f.root.clone())
        .collect()
}
