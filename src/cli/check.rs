//! `dossier check [PATH…]`: the attribution diagnostics of a workspace, from the shell or CI.
//!
//! Same files and same rule settings as the editor (the workspace's `dossier.json`), files
//! checked in parallel, reported as text for people, JSON Lines, SARIF or GitHub workflow
//! commands. Exit code 0 when clean, 1 when a finding reaches `--deny`, 2 on a usage or
//! configuration error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::answers::diagnostics::with_text_findings;
use dossier::files;
use dossier::rules::Severity;

use super::report::{Checked, Report, ReportFormat, Tally};
use super::{load, USAGE_ERROR};

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
    let plan = match load::plan_reporting(&paths) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    // The editor's answer without an editor: `dossier.json` alone sets the rules.
    let rules = plan.settings.config.rule_settings(&Default::default());
    let report = Report::new(args.format);
    // No rule needs the index across articles, only the people they introduce: each article
    // is checked as soon as it is read, and only its part of the report is kept.
    let swept = files::sweep(
        plan.catalog,
        &plan.matcher,
        &plan.articles,
        plan.settings.config.max_file_size,
        |article| dossier::answers::diagnostics::text_findings(article, &rules),
        |catalog, article, text_findings| {
            let path = display_path(&article.path);
            let findings = with_text_findings(catalog, article, &rules, text_findings.clone());
            let part = report.part(&Checked {
                path: &path,
                text: &article.text,
                lines: &article.lines,
                findings: &findings,
            });
            (path, part, Tally::of(&findings))
        },
    );
    load::report_unread(&swept.skipped, &swept.lossy);
    let mut parts: Vec<(String, String, Tally)> =
        swept.results.into_iter().map(|(_, part)| part).collect();
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    let mut tally = Tally::default();
    super::emit(|out| {
        let mut writer = report.writer(out);
        for (_, part, file) in &parts {
            writer.file(part, file);
        }
        tally = writer.finish();
        Ok(())
    });
    // The parts can be a few hundred megabytes: the system reclaims them at exit far faster
    // than freeing them piece by piece.
    std::mem::forget(parts);
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
