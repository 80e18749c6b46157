//! The documents the editor holds open: their text is the editor's, not the disk's, from
//! `didOpen` to `didClose`.

use dossier::text::{document::Edit, Document};
use tower_lsp::lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams,
};

use crate::lsp::convert;
use crate::lsp::server::Backend;

pub async fn open(backend: &Backend, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    let Some(path) = convert::path(&doc.uri) else {
        return;
    };
    backend.write("didOpen", |state| {
        state
            .open
            .insert(path.clone(), Document::new(&doc.text, doc.version));
        state.update_open(&path, doc.text);
    });
    backend.publish(path, false);
}

/// Typing: the edits go to the rope and the article is analysed again; its diagnostics wait
/// for a pause.
pub async fn change(backend: &Backend, params: DidChangeTextDocumentParams) {
    let Some(path) = convert::path(&params.text_document.uri) else {
        return;
    };
    let encoding = backend.encoding();
    let version = params.text_document.version;
    let edits = params.content_changes.into_iter().map(|c| Edit {
        range: c
            .range
            .map(|r| (convert::position(r.start), convert::position(r.end))),
        text: c.text,
    });
    backend.write("didChange", |state| {
        let Some(doc) = state.open.get_mut(&path) else {
            return;
        };
        doc.apply(edits, version, encoding);
        let text = doc.text();
        state.update_open(&path, text);
    });
    backend.publish(path, true);
}

/// A closed document is the disk's again: read anew, or dropped when it is no article.
pub async fn close(backend: &Backend, params: DidCloseTextDocumentParams) {
    let Some(path) = convert::path(&params.text_document.uri) else {
        return;
    };
    backend.write("didClose", |state| {
        state.not_live.remove(&path);
        state.open.remove(&path)
    });
    let skipped = backend.sync_from_disk("didClose", vec![path.clone()]);
    backend.log_skipped(skipped).await;
    backend.publish(path, false);
    backend.refresh_discovered().await;
}

/// The people the articles introduce are found again on save, not on every keystroke: it may
/// analyse every article again. The article's annotations that moved are given their new
/// positions.
pub async fn save(backend: &Backend, params: DidSaveTextDocumentParams) {
    if let Some(path) = convert::path(&params.text_document.uri) {
        super::annotations::saved(backend, path).await;
    }
    backend.refresh_discovered().await;
}
