//! The one place that knows LSP types: paths and URIs, byte ranges and positions.

use std::ops::Range;
use std::path::{Component, PathBuf};

use dossier::article::Article;
use dossier::catalog::ActorKind;
use dossier::text::{Encoding, LineIndex, Position};
use tower_lsp::lsp_types::{self as lsp, PositionEncodingKind, SymbolKind, Url, WorkspaceFolder};

/// The encoding to use: UTF-8 when the client offers it (cheaper for us), else the LSP default.
pub fn negotiate(params: &lsp::InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// The local path a `file:` URI names: percent-decoded once (by `to_file_path`), then its `.`
/// and `..` resolved by the letter, so that `file:///ws/..%2Fsecret.md` is `/secret.md` and
/// never passes for a file under `/ws`. Symbolic links are the business of whoever reads the
/// path (`files::read_workspace_article` follows none).
pub fn path(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    let decoded = uri.to_file_path().ok()?;
    let mut path = PathBuf::new();
    for component in decoded.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                path.pop();
            }
            other => path.push(other),
        }
    }
    Some(path)
}

/// The folders' local paths; a folder elsewhere than on disk is none of ours.
pub fn folder_paths(folders: &[WorkspaceFolder]) -> Vec<PathBuf> {
    folders.iter().filter_map(|f| path(&f.uri)).collect()
}

pub fn uri(path: &std::path::Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

pub fn position(p: lsp::Position) -> Position {
    Position::new(p.line, p.character)
}

pub fn offset(article: &Article, p: lsp::Position, encoding: Encoding) -> usize {
    article.lines.offset(&article.text, position(p), encoding)
}

pub fn lsp_position(article: &Article, offset: usize, encoding: Encoding) -> lsp::Position {
    text_position(&article.lines, &article.text, offset, encoding)
}

/// The same for a text that is no article: a settings file or a catalog the server edits.
pub fn text_position(
    lines: &LineIndex,
    text: &str,
    offset: usize,
    encoding: Encoding,
) -> lsp::Position {
    let p = lines.position(text, offset, encoding);
    lsp::Position::new(p.line, p.character)
}

pub fn range(article: &Article, range: &Range<usize>, encoding: Encoding) -> lsp::Range {
    lsp::Range::new(
        lsp_position(article, range.start, encoding),
        lsp_position(article, range.end, encoding),
    )
}

pub fn location(article: &Article, r: &Range<usize>, encoding: Encoding) -> Option<lsp::Location> {
    Some(lsp::Location::new(
        uri(&article.path)?,
        range(article, r, encoding),
    ))
}

pub fn symbol_kind(kind: ActorKind) -> SymbolKind {
    match kind {
        ActorKind::Person => SymbolKind::OBJECT,
        ActorKind::Organization => SymbolKind::STRUCT,
        ActorKind::State => SymbolKind::NAMESPACE,
        ActorKind::Place => SymbolKind::PACKAGE,
        ActorKind::Instrument => SymbolKind::FILE,
        ActorKind::Outlet => SymbolKind::EVENT,
    }
}

pub fn completion_kind(kind: ActorKind) -> lsp::CompletionItemKind {
    match kind {
        ActorKind::Person => lsp::CompletionItemKind::VALUE,
        ActorKind::Organization => lsp::CompletionItemKind::STRUCT,
        ActorKind::State => lsp::CompletionItemKind::MODULE,
        ActorKind::Place => lsp::CompletionItemKind::FOLDER,
        ActorKind::Instrument => lsp::CompletionItemKind::FILE,
        ActorKind::Outlet => lsp::CompletionItemKind::EVENT,
    }
}

/// A group heading in the outline: "People", "States"…
pub fn kind_heading(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::Organization => "Organizations",
        ActorKind::State => "States",
        ActorKind::Place => "Places",
        ActorKind::Instrument => "Instruments",
        ActorKind::Outlet => "Outlets",
    }
}
