//! Diagnostics for clients that pull them, one document or the whole workspace at a time;
//! `lsp::diagnostics` computes them and pushes them to the other clients.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{
    Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, RelatedFullDocumentDiagnosticReport, WorkspaceDiagnosticParams,
    WorkspaceDiagnosticReport, WorkspaceDiagnosticReportResult, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport,
};

use std::sync::Arc;

use crate::lsp::server::{read_guarded, Backend};
use crate::lsp::{cancel, convert, diagnostics};

pub async fn document(
    backend: &Backend,
    params: DocumentDiagnosticParams,
) -> Result<DocumentDiagnosticReportResult> {
    backend.wait_settled().await;
    let encoding = backend.encoding();
    let path = convert::path(&params.text_document.uri);
    let state = Arc::clone(&backend.state);
    let items = cancel::off_loop(move || {
        read_guarded(&state, "textDocument/diagnostic", |state| {
            path.and_then(|p| diagnostics::compute(state, &p, encoding))
                .map(|(items, _)| items)
                .unwrap_or_default()
        })
    })
    .await?;
    Ok(DocumentDiagnosticReportResult::Report(
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: full(items),
        }),
    ))
}

pub async fn workspace(
    backend: &Backend,
    _: WorkspaceDiagnosticParams,
) -> Result<WorkspaceDiagnosticReportResult> {
    backend.wait_settled().await;
    let encoding = backend.encoding();
    let state = Arc::clone(&backend.state);
    let items = cancel::off_loop(move || {
        read_guarded(&state, "workspace/diagnostic", |state| {
            state
                .workspace
                .articles()
                .take_while(|_| !cancel::requested())
                .filter_map(|(_, article)| {
                    let (items, version) = diagnostics::compute(state, &article.path, encoding)?;
                    Some(WorkspaceDocumentDiagnosticReport::Full(
                        WorkspaceFullDocumentDiagnosticReport {
                            uri: convert::uri(&article.path)?,
                            version: version.map(i64::from),
                            full_document_diagnostic_report: full(items),
                        },
                    ))
                })
                .collect()
        })
    })
    .await?;
    Ok(WorkspaceDiagnosticReportResult::Report(
        WorkspaceDiagnosticReport { items },
    ))
}

/// Every report is whole: no result ids are kept, so a client can never be told "unchanged".
fn full(items: Vec<Diagnostic>) -> FullDocumentDiagnosticReport {
    FullDocumentDiagnosticReport {
        result_id: None,
        items,
    }
}
