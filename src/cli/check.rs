//! `dossier check [PATH…]`: the attribution diagnostics of a workspace, from the shell or CI.
//!
//! Same files and same rule settings as the editor (the workspace's `dossier.json`), files
//! checked in parallel, reported as text for people, JSON Lines, SARIF or GitHub workflow
//! commands. Exit code 0 when clean, 1 when a finding reaches `--deny`, 2 on a usage or
//! configuration error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::answers::diagnostics::diagnostics;
use dossier::article::Article;
use dossier::discovery;
use dossier::rules::{Finding, Severity};
use rayon::prelude::*;

use super::report::{Checked, Report, ReportFormat, Tally};
use super::{load, USAGE_ERROR};

/// Files checked between two writes of the report.
const BATCH: usize = 128;

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder's workspace).
    paths: Vec<PathBuf>,
    /// How to report: human (like a compiler), json (JSON Lines), sarif (SARIF 2.1.0) or github
    /// (workflow commands).
    #[arg(long, value_enum, default_value = "human")]
    format: ReportFormat,
    /// Exit with 1 when a finding is at this severity or above: hint, information, warning or
    /// error.
    #[arg(long, value_name = "LEVEL", default_value = "warning", value_parser = parse_level)]
    deny: Severity,
}

fn parse_level(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| {
        format!("unknown level `{s}` (expected hint, information, warning or error)")
    })
}

pub fn run(args: Args) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!("dossier: {}: no such file or folder", missing.display());
        return ExitCode::from(USAGE_ERROR);
    }
    let loaded = match load::load_reporting(&paths) {
        Ok(l) => l,
        Err(code) => return code,
    };
    // The editor's answer without an editor: `dossier.json` alone sets the rules.
    let rules = loaded.settings.config.rule_settings(&Default::default());
    // No rule needs the index across articles, only the people they introduce.
    let (catalog, articles) = discovery::with_people(loaded.catalog, loaded.articles);
    let report = Report::new(args.format);
    let mut files: Vec<(String, &Article)> = articles
        .iter()
        .map(|article| (display_path(&article.path), article))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut tally = Tally::default();
    let check = |batch: &[(String, &Article)]| -> Vec<(String, Vec<Finding>)> {
        batch
            .par_iter()
            .map(|(path, article)| {
                let findings = diagnostics(&catalog, article, &rules);
                let part = report.part(&Checked {
                    path,
                    text: &article.text,
                    lines: &article.lines,
                    findings: &findings,
                });
                (part, findings)
            })
            .collect()
    };
    super::emit(|out| {
        let mut writer = report.writer(out);
        // Checked in parallel a batch at a time and written in path order, each batch while
        // the next is checked: the report never has to be held whole.
        let mut batches = files.chunks(BATCH);
        let mut checked = batches.next().map(check);
        while let Some(done) = checked.take() {
            rayon::in_place_scope(|scope| {
                if let Some(batch) = batches.next() {
                    scope.spawn(|_| checked = Some(check(batch)));
                }
                for (part, findings) in &done {
                    writer.file(part, findings);
                }
            });
        }
        tally = writer.finish();
        Ok(())
    });
    // The articles can be a few hundred megabytes: the system reclaims them at exit far
    // faster than freeing them piece by piece.
    std::mem::forget(articles);
    if tally.reaches(args.deny) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A path as the reports show it: relative as given, without a leading `./`, with `/`.
fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
