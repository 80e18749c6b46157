//! `dossier check [PATH…]`: the attribution diagnostics of a workspace, from the shell or CI.
//!
//! Same files and same rule settings as the editor (the workspace's `dossier.json`), files
//! checked in parallel, reported as text for people, JSON Lines, SARIF or GitHub workflow
//! commands. Exit code 0 when clean, 1 when a finding reaches `--deny`, 2 on a usage or
//! configuration error.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::config::{self, FILE_NAME};
use dossier::files;
use dossier::rules::{check, RuleSettings, Severity};
use dossier::text::LineIndex;
use rayon::prelude::*;

use super::report::{self, Checked, ReportFormat};
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
    let root = load::root_for(&paths[0]);
    let settings = match files::load_settings(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let rules = match RuleSettings::from_config(&settings.config.rules) {
        Ok(r) => r,
        Err(message) => {
            eprintln!(
                "dossier: {}",
                rules_error(&root, &settings.config, &message)
            );
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let articles = load::article_paths(&paths, &settings.config.filter());
    let limit = settings.config.max_file_size;
    let results: Vec<Result<Checked, (PathBuf, files::Skip)>> = articles
        .par_iter()
        .map(|path| {
            let loaded = files::read_article(path, limit).map_err(|s| (path.clone(), s))?;
            let findings = check(&loaded.text, &rules);
            Ok(Checked {
                path: display_path(path),
                lines: LineIndex::new(&loaded.text),
                text: loaded.text,
                findings,
            })
        })
        .collect();
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(c) => checked.push(c),
            Err((path, skip)) => eprintln!("dossier: {}: {skip}", path.display()),
        }
    }
    print!("{}", report::render(args.format, &checked));
    let denied = checked
        .iter()
        .flat_map(|c| &c.findings)
        .any(|f| f.severity >= args.deny);
    if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Where in `dossier.json` a bad `rules` entry is, for the error message.
fn rules_error(root: &Path, config: &config::Config, message: &str) -> String {
    let path = root.join(FILE_NAME);
    let text = fs::read_to_string(&path).unwrap_or_default();
    let culprit = config
        .rules
        .iter()
        .find(|(code, level)| {
            message.contains(&format!("`{code}`")) || message.contains(&format!("`{level}`"))
        })
        .map_or("rules", |(code, _)| code.as_str());
    let (line, column) = config::locate(&text, culprit);
    format!("{}:{}:{}: {message}", path.display(), line + 1, column + 1)
}

/// A path as the reports show it: relative as given, without a leading `./`, with `/`.
fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
