//! Diagnostics for clients that pull them, one document or the whole workspace at a time;
//! `lsp::diagnostics` computes them and pushes them to the other clients.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{
    Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, RelatedFullDocumentDiagnosticReport, WorkspaceDiagnosticParams,
    WorkspaceDiagnosticReport, WorkspaceDiagnosticReportResult, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport,
};

use crate::lsp::server::Backend;
use crate::lsp::{convert, diagnostics};

pub async fn document(
    backend: &Backend,
    params: DocumentDiagnosticParams,
) -> Result<DocumentDiagnosticReportResult> {
    backend.wait_settled().await;
    let encoding = backend.encoding();
    let path = convert::path(&params.text_document.uri);
    let items = backend.read("textDocument/diagnostic", |state| {
        path.and_then(|p| diagnostics::compute(state, &p, encoding))
            .map(|(items, _)| items)
            .unwrap_or_default()
    })?;
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
    let items = backend.read("workspace/diagnostic", |state| {
        state
            .workspace
            .articles()
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
    })?;
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
