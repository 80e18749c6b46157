//! Diagnostics for the editor: computed from the library's findings, pushed (debounced, never
//! stale) to clients that do not pull them, answered to clients that do.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use dossier::annotations::Verified;
use dossier::answers::diagnostics::{diagnostics, with_annotations};
use dossier::rules::{Finding, Severity};
use dossier::text::Encoding;
use tower_lsp::lsp_types::{self as lsp, Diagnostic, DiagnosticSeverity, NumberOrString, Url};
use tower_lsp::Client;

use super::convert;
use super::index::{Shared, State};

/// How long typing must pause before an article is checked again.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The diagnostics of the article at `path` and the document version they belong to (for an
/// open document), or `None` when there is no such article.
pub fn compute(
    state: &State,
    path: &Path,
    encoding: Encoding,
) -> Option<(Vec<Diagnostic>, Option<i32>)> {
    let version = state.open.get(path).map(|d| d.version());
    let config = state.config(path);
    if let Some(&size) = state.not_live.get(path) {
        return Some((vec![not_live(size, config.max_live_size)], version));
    }
    let (_, article) = state.workspace.get(path)?;
    let settings = state.rule_settings(path);
    let uri = convert::uri(path)?;
    let findings = with_annotations(
        diagnostics(state.workspace.catalog(), article, &settings),
        article,
        state.workspace.annotations(path),
        &settings,
        Verified::Inform,
    );
    let shown = findings.len().min(config.max_diagnostics);
    let mut out: Vec<Diagnostic> = findings[..shown]
        .iter()
        .map(|f| to_lsp(article, f, &uri, encoding))
        .collect();
    if let Some(first_hidden) = findings.get(shown) {
        out.push(more_findings(
            convert::range(article, &first_hidden.range, encoding),
            findings.len() - shown,
            config.max_diagnostics,
        ));
    }
    if state.lossy.contains(path) {
        out.insert(
            0,
            Diagnostic {
                range: lsp::Range::default(),
                severity: Some(DiagnosticSeverity::WARNING),
                source: Some("dossier".into()),
                code: Some(NumberOrString::String("invalid-utf8".into())),
                message:
                    "This file is not valid UTF-8; it was read with replacement characters (�) \
                          where bytes could not be decoded. Save it as UTF-8 to check it fully."
                        .into(),
                ..Default::default()
            },
        );
    }
    Some((out, version))
}

/// The one diagnostic that counts the findings left out, where the first of them is.
fn more_findings(range: lsp::Range, hidden: usize, max: usize) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::INFORMATION),
        source: Some("dossier".into()),
        code: Some(NumberOrString::String("more-findings".into())),
        message: format!(
            "{hidden} more findings not shown (the most shown is {max}: `maxDiagnostics` in \
             dossier.json; `dossier check` lists them all)"
        ),
        ..Default::default()
    }
}

/// The one diagnostic of an open document too large to analyse as it is typed.
fn not_live(size: usize, max: usize) -> Diagnostic {
    Diagnostic {
        range: lsp::Range::default(),
        severity: Some(DiagnosticSeverity::WARNING),
        source: Some("dossier".into()),
        code: Some(NumberOrString::String("not-analysed-live".into())),
        message: format!(
            "This document is {size} bytes, over the {max} analysed as you type (`maxLiveSize` \
             in dossier.json): it is neither checked nor indexed while open."
        ),
        ..Default::default()
    }
}

/// A problem dossier finds in a file that is no article: the settings, a catalog, the
/// annotations file.
pub fn about_file(range: lsp::Range, severity: DiagnosticSeverity, message: String) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity),
        source: Some("dossier".into()),
        message,
        ..Default::default()
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

/// Where a rule's page lives: under `DOSSIER_DOCS_URL` (a newsroom's own copy of the docs, read
/// at start-up), else in the repository's tree (`repository` in Cargo.toml); never a path of the
/// machine that built the binary.
fn doc_url(doc: &str) -> Option<Url> {
    static BASE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        std::env::var("DOSSIER_DOCS_URL")
            .unwrap_or_else(|_| concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/").to_owned())
    });
    let base = if BASE.ends_with('/') {
        BASE.clone()
    } else {
        format!("{}/", *BASE)
    };
    Url::parse(&base).and_then(|b| b.join(doc)).ok()
}

pub fn to_lsp(
    article: &dossier::article::Article,
    f: &Finding,
    uri: &Url,
    encoding: Encoding,
) -> Diagnostic {
    let rule = dossier::rules::rule(f.code);
    let related: Vec<lsp::DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), convert::range(article, &r.range, encoding)),
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: convert::range(article, &f.range, encoding),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.into())),
        code_description: rule
            .and_then(|r| doc_url(r.doc))
            .map(|href| lsp::CodeDescription { href }),
        source: Some("dossier".into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// Publishes an article's diagnostics after typing pauses. A newer change to the same article
/// supersedes an older one, before it is computed and again before it is sent, so a client never
/// receives results for a version it has already replaced.
#[derive(Clone, Default)]
pub struct Publisher {
    generations: Arc<Mutex<HashMap<PathBuf, u64>>>,
}

impl Publisher {
    fn current(&self, path: &Path) -> Option<u64> {
        self.generations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .copied()
    }

    pub fn schedule(
        &self,
        client: Client,
        state: Shared,
        path: PathBuf,
        encoding: Encoding,
        delay: bool,
    ) {
        let generation = {
            let mut generations = self.generations.lock().unwrap_or_else(|e| e.into_inner());
            let g = generations.entry(path.clone()).or_default();
            *g += 1;
            *g
        };
        let this = self.clone();
        tokio::spawn(async move {
            if delay {
                tokio::time::sleep(DEBOUNCE).await;
            }
            if this.current(&path) != Some(generation) {
                return;
            }
            let computed = {
                let state = state.read().unwrap_or_else(|e| e.into_inner());
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    compute(&state, &path, encoding)
                }))
            };
            let Ok(computed) = computed else {
                eprintln!(
                    "dossier: internal error computing diagnostics for {}",
                    path.display()
                );
                return;
            };
            if this.current(&path) != Some(generation) {
                return;
            }
            let Some(uri) = convert::uri(&path) else {
                return;
            };
            let (diagnostics, version) = computed.unwrap_or_default();
            client.publish_diagnostics(uri, diagnostics, version).await;
        });
    }
}
