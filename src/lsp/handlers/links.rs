//! Document links: the web addresses an article cites and the catalog references of the actors
//! it names, to follow from the editor.

use dossier::answers::links::article_links;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{DocumentLink, DocumentLinkParams, Url};

use super::navigation::ask;
use crate::lsp::convert;
use crate::lsp::server::Backend;

pub async fn document_links(
    backend: &Backend,
    params: DocumentLinkParams,
) -> Result<Option<Vec<DocumentLink>>> {
    ask(
        backend,
        "documentLink",
        &params.text_document.uri,
        |ws, id, article, enc| {
            let found = article_links(ws, id)
                .into_iter()
                // An address the URL parser refuses is left as text.
                .filter_map(|link| {
                    Some(DocumentLink {
                        range: convert::range(article, &link.range, enc),
                        target: Some(Url::parse(&link.target).ok()?),
                        tooltip: link.tooltip,
                        data: None,
                    })
                })
                .collect();
            Some(found)
        },
    )
    .await
}
