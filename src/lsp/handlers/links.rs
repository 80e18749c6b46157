//! Document links: the web addresses an article cites, to follow from the editor.

use dossier::answers::links::links;
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
        |_, _, article, enc| {
            let found = links(&article.text)
                .into_iter()
                // An address the URL parser refuses is left as text.
                .filter_map(|(range, address)| {
                    Some(DocumentLink {
                        range: convert::range(article, &range, enc),
                        target: Some(Url::parse(&address).ok()?),
                        tooltip: None,
                        data: None,
                    })
                })
                .collect();
            Some(found)
        },
    )
    .await
}
