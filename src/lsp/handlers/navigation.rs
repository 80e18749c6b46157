//! Questions about the actors in the text: hover, definition, references, highlights, the
//! outline and workspace symbols, completion and rename.

use std::ops::Range;

use dossier::answers::{self, Location as Place};
use dossier::article::Article;
use dossier::catalog::ActorKind;
use dossier::text::Encoding;
use dossier::workspace::{ArticleId, Workspace};
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{
    self as lsp, CompletionItem, CompletionParams, CompletionResponse, CompletionTextEdit,
    DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams, DocumentSymbol,
    DocumentSymbolParams, DocumentSymbolResponse, Documentation, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, MarkupContent, MarkupKind,
    PrepareRenameResponse, ReferenceParams, RenameParams, SymbolInformation, SymbolKind,
    TextDocumentPositionParams, TextEdit, Url, WorkspaceEdit, WorkspaceSymbolParams,
};

use std::sync::Arc;

use crate::lsp::server::{read_guarded, Backend};
use crate::lsp::{cancel, convert};

/// Runs a question about the article at `uri` off the request loop, where a cancellation
/// reaches it (see `lsp::cancel`); no article there answers `None`.
pub(super) async fn ask<T: Send + 'static>(
    backend: &Backend,
    what: &'static str,
    uri: &Url,
    f: impl FnOnce(&Workspace, ArticleId, &Article, Encoding) -> Option<T> + Send + 'static,
) -> Result<Option<T>> {
    let encoding = backend.encoding();
    let Some(path) = convert::path(uri) else {
        return Ok(None);
    };
    let state = Arc::clone(&backend.state);
    cancel::off_loop(move || {
        read_guarded(&state, what, |state| {
            let (id, article) = state.workspace.get(&path)?;
            f(&state.workspace, id, article, encoding)
        })
    })
    .await
}

/// Runs a question about the byte offset at a position in an article.
async fn ask_at<T: Send + 'static>(
    backend: &Backend,
    what: &'static str,
    at: &TextDocumentPositionParams,
    f: impl FnOnce(&Workspace, ArticleId, &Article, usize, Encoding) -> Option<T> + Send + 'static,
) -> Result<Option<T>> {
    let position = at.position;
    ask(
        backend,
        what,
        &at.text_document.uri,
        move |ws, id, article, enc| {
            let offset = convert::offset(article, position, enc);
            f(ws, id, article, offset, enc)
        },
    )
    .await
}

pub async fn hover(backend: &Backend, params: HoverParams) -> Result<Option<Hover>> {
    let p = params.text_document_position_params;
    ask_at(backend, "hover", &p, |ws, id, article, offset, enc| {
        let card = answers::card::hover(ws, id, offset);
        let placed = dossier::annotations::place(&article.text, ws.annotations(&article.path));
        let notes = dossier::annotations::hover(&placed, ws.catalog(), offset);
        let (range, markdown) = match (card, notes) {
            (Some(card), Some((_, notes))) => {
                (card.range, format!("{}\n\n---\n{notes}", card.markdown))
            }
            (Some(card), None) => (card.range, card.markdown),
            (None, Some(notes)) => notes,
            (None, None) => return None,
        };
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(convert::range(article, &range, enc)),
        })
    })
    .await
}

pub async fn definition(
    backend: &Backend,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let p = params.text_document_position_params;
    ask_at(backend, "definition", &p, |ws, id, _, offset, enc| {
        let place = answers::navigate::definition(ws, id, offset)?;
        Some(GotoDefinitionResponse::Scalar(location(ws, place, enc)?))
    })
    .await
}

/// Where a place in an article or a catalog entry is; a catalog entry is known by its line.
fn location(ws: &Workspace, place: Place, encoding: Encoding) -> Option<lsp::Location> {
    match place {
        Place::Article { article, range } => {
            convert::location(ws.article(article), &range, encoding)
        }
        Place::CatalogEntry { path, line } => {
            let at = lsp::Position::new(line as u32, 0);
            Some(lsp::Location::new(
                convert::uri(&path)?,
                lsp::Range::new(at, at),
            ))
        }
    }
}

pub async fn references(
    backend: &Backend,
    params: ReferenceParams,
) -> Result<Option<Vec<lsp::Location>>> {
    let include = params.context.include_declaration;
    let p = params.text_document_position;
    ask_at(backend, "references", &p, move |ws, id, _, offset, enc| {
        let refs = answers::navigate::references(ws, id, offset, include);
        Some(
            refs.iter()
                .take_while(|_| !cancel::requested())
                .filter_map(|(a, r)| convert::location(ws.article(*a), r, enc))
                .collect(),
        )
    })
    .await
}

pub async fn highlight(
    backend: &Backend,
    params: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>> {
    let p = params.text_document_position_params;
    ask_at(
        backend,
        "documentHighlight",
        &p,
        |ws, id, article, offset, enc| {
            Some(
                answers::navigate::highlights(ws, id, offset)
                    .iter()
                    .take_while(|_| !cancel::requested())
                    .map(|r| DocumentHighlight {
                        range: convert::range(article, r, enc),
                        kind: Some(DocumentHighlightKind::TEXT),
                    })
                    .collect(),
            )
        },
    )
    .await
}

/// The outline: the article's actors grouped under their kind.
pub async fn document_symbols(
    backend: &Backend,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    ask(
        backend,
        "documentSymbol",
        &params.text_document.uri,
        |ws, id, article, enc| {
            let groups = answers::symbols::article_actors(ws, id)
                .into_iter()
                .map(|(kind, actors)| {
                    let children: Vec<DocumentSymbol> = actors
                        .iter()
                        .map(|a| {
                            symbol(
                                a.name.clone(),
                                Some(mention_count(a.mentions)),
                                kind,
                                article,
                                &a.span,
                                &a.first,
                                enc,
                                None,
                            )
                        })
                        .collect();
                    let span = actors.iter().map(|a| a.span.start).min().unwrap_or(0)
                        ..actors.iter().map(|a| a.span.end).max().unwrap_or(0);
                    let first = actors.first().map_or(span.clone(), |a| a.first.clone());
                    symbol(
                        convert::kind_heading(kind).into(),
                        None,
                        kind,
                        article,
                        &span,
                        &first,
                        enc,
                        Some(children),
                    )
                })
                .collect();
            Some(DocumentSymbolResponse::Nested(groups))
        },
    )
    .await
}

pub async fn workspace_symbols(
    backend: &Backend,
    params: WorkspaceSymbolParams,
) -> Result<Option<Vec<SymbolInformation>>> {
    let encoding = backend.encoding();
    backend.read("workspace/symbol", |state| {
        let ws = &state.workspace;
        let found = answers::symbols::find_actors(ws, &params.query, 200);
        let symbols = found
            .into_iter()
            .filter_map(|f| {
                #[allow(deprecated)]
                Some(SymbolInformation {
                    name: f.name,
                    kind: convert::symbol_kind(f.kind),
                    tags: None,
                    deprecated: None,
                    location: location(ws, f.location, encoding)?,
                    container_name: Some(f.kind.as_str().into()),
                })
            })
            .collect();
        Some(symbols)
    })
}

pub async fn completion(
    backend: &Backend,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let p = params.text_document_position;
    ask_at(backend, "completion", &p, |ws, id, article, offset, enc| {
        let items: Vec<CompletionItem> = answers::complete::completions(ws, id, offset)
            .into_iter()
            .map(|c| CompletionItem {
                label: c.label,
                kind: Some(convert::completion_kind(c.kind)),
                detail: Some(c.detail),
                filter_text: Some(c.filter),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: answers::card::actor_card(ws, c.actor, article.date()),
                })),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: convert::range(article, &c.replace, enc),
                    new_text: c.insert,
                })),
                ..Default::default()
            })
            .collect();
        Some(CompletionResponse::Array(items))
    })
    .await
}

pub async fn prepare_rename(
    backend: &Backend,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    ask_at(
        backend,
        "prepareRename",
        &params,
        |ws, id, article, offset, enc| {
            let range = answers::rename::prepare(ws, id, offset)?;
            Some(PrepareRenameResponse::RangeWithPlaceholder {
                range: convert::range(article, &range, enc),
                placeholder: article.text[range].to_owned(),
            })
        },
    )
    .await
}

pub async fn rename(backend: &Backend, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let p = params.text_document_position;
    let new_name = params.new_name;
    let outcome = ask_at(backend, "rename", &p, move |ws, id, _, offset, enc| {
        Some(
            answers::rename::rename(ws, id, offset, &new_name).map(|edits| {
                let changes = edits
                    .into_iter()
                    .filter_map(|(article_id, edits)| {
                        let target = ws.article(article_id);
                        let edits = edits
                            .into_iter()
                            .map(|(range, new_text)| TextEdit {
                                range: convert::range(target, &range, enc),
                                new_text,
                            })
                            .collect();
                        Some((convert::uri(&target.path)?, edits))
                    })
                    .collect();
                WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }
            }),
        )
    })
    .await?;
    match outcome {
        None => Ok(None),
        Some(Ok(edit)) => Ok(Some(edit)),
        Some(Err(message)) => Err(Error::invalid_params(message)),
    }
}

fn mention_count(n: usize) -> String {
    if n == 1 {
        "1 mention".into()
    } else {
        format!("{n} mentions")
    }
}

#[allow(clippy::too_many_arguments, deprecated)]
fn symbol(
    name: String,
    detail: Option<String>,
    kind: ActorKind,
    article: &Article,
    span: &Range<usize>,
    selection: &Range<usize>,
    enc: Encoding,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind: if children.is_some() {
            // A group heading is not an actor; its kind only draws the outline's folder.
            SymbolKind::NAMESPACE
        } else {
            convert::symbol_kind(kind)
        },
        tags: None,
        deprecated: None,
        range: convert::range(article, span, enc),
        selection_range: convert::range(article, selection, enc),
        children,
    }
}
