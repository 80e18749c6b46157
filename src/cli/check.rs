//! `dossier check [PATH…]`: the attribution diagnostics of a workspace, from the shell or CI.
//!
//! Same files and same rule settings as the editor (the workspace's `dossier.json`, or the file
//! `--config` names), files checked in parallel, or one article read from standard input (`-`),
//! reported as text for people, JSON Lines, SARIF or GitHub workflow commands, to standard
//! output or `--output FILE`, leaving out what a `--baseline` already knows. Exit code 0 when
//! clean, 1 when a finding reaches `--deny`, 2 on a usage or configuration error, when no article
//! was found, or when an article could not be read (unless `--unreadable-as-finding`).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::annotations::{self, Verified};
use dossier::answers::diagnostics::{diagnostics, with_annotations};
use dossier::article::Article;
use dossier::files::{self, Skip, Swept};
use dossier::rules::{Finding, RuleSettings, Severity};
use dossier::text::LineIndex;
use dossier::workspace::Workspace;

use super::baseline::{leave_out_known, Baseline};
use super::report::{summary, Checked, Report, ReportFormat, Tally, Writer};
use super::{load, USAGE_ERROR};

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder's workspace); `-` alone reads one
    /// article from standard input.
    paths: Vec<PathBuf>,
    /// How to report: human (like a compiler), json (JSON Lines), sarif (SARIF 2.1.0) or github
    /// (workflow commands).
    #[arg(long, value_enum, default_value = "human")]
    format: ReportFormat,
    /// Exit with 1 when a finding is at this severity or above: hint, info (or information),
    /// warning or error; note and notice, as SARIF and GitHub print information and hints, mean
    /// hint.
    #[arg(long, value_name = "LEVEL", default_value = "warning", value_parser = parse_level)]
    deny: Severity,
    /// The path standard input stands for: reports name it, its extension says whether it is
    /// Markdown, and the `dossier.json` above it sets the rules.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// The settings file to use instead of the `dossier.json` found above the first path (its
    /// catalogs are relative to its folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Write the report to FILE instead of standard output (the summary goes to stderr).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report and fail on new findings only: those not in FILE, a report of `dossier check
    /// --format json`, matched by path, rule and the words flagged (not by line).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Report an article that cannot be read as an error finding (exit 1) instead of stopping
    /// with exit 2.
    #[arg(long)]
    unreadable_as_finding: bool,
}

/// The code of the finding `--unreadable-as-finding` makes of a file that could not be read.
const UNREADABLE: &str = "unreadable-file";

/// Every name a severity is printed with: the rules' own, the human report's `info`, and
/// SARIF's `note` and GitHub's `notice`, which cover information and hints alike.
fn parse_level(s: &str) -> Result<Severity, String> {
    match s {
        "info" => Ok(Severity::Information),
        "note" | "notice" => Ok(Severity::Hint),
        _ => Severity::parse(s).ok_or_else(|| {
            format!(
                "unknown level `{s}` (expected hint, info, information, warning, error, note or notice)"
            )
        }),
    }
}

/// What checking left to say once the report is written.
#[derive(Default)]
struct Outcome {
    /// Findings left out because the baseline knows them.
    known: usize,
    /// Articles that could not be read, with why.
    unreadable: Vec<PathBuf>,
}

/// What is checked, once everything that can stop `check` before it writes a word is settled.
enum Work {
    Paths(load::Plan),
    Stdin(StdinArticle),
}

pub fn run(args: Args) -> ExitCode {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.paths.len() > 1 {
        eprintln!("dossier: `-` (standard input) cannot be checked with other paths");
        return ExitCode::from(USAGE_ERROR);
    }
    if args.stdin_filename.is_some() && !stdin {
        eprintln!("dossier: --stdin-filename names what `-` reads; give `-` as the path");
        return ExitCode::from(USAGE_ERROR);
    }
    if let Some(missing) = args.paths.iter().find(|p| !stdin && !p.exists()) {
        eprintln!("dossier: {}: no such file or folder", missing.display());
        return ExitCode::from(USAGE_ERROR);
    }
    let baseline = match &args.baseline {
        Some(path) => match Baseline::read(path) {
            Ok(baseline) => baseline,
            Err(e) => {
                eprintln!("dossier: {e}");
                return ExitCode::from(USAGE_ERROR);
            }
        },
        None => Baseline::default(),
    };
    let report = Report::new(args.format, args.output.is_none());
    let work = if stdin {
        prepare_stdin(&args).map(Work::Stdin)
    } else {
        plan(&args).map(Work::Paths)
    };
    let work = match work {
        Ok(work) => work,
        Err(code) => return code,
    };
    let (outcome, tally) = match write_report(&args, report, |writer| match work {
        Work::Paths(plan) => check_paths(&args, plan, &report, writer, &baseline),
        Work::Stdin(article) => check_stdin(article, &report, writer, &baseline),
    }) {
        Ok(done) => done,
        Err(e) => {
            let to = args
                .output
                .as_deref()
                .unwrap_or(Path::new("standard output"));
            eprintln!("dossier: cannot write the report to {}: {e}", to.display());
            return ExitCode::from(USAGE_ERROR);
        }
    };
    if args.format != ReportFormat::Human || args.output.is_some() {
        eprint!("{}", summary(&tally));
    }
    if outcome.known > 0 {
        eprintln!(
            "dossier: {} known finding{} of the baseline left out",
            outcome.known,
            if outcome.known == 1 { "" } else { "s" }
        );
    }
    if !outcome.unreadable.is_empty() {
        eprintln!(
            "dossier: {} of {} articles could not be read and were not checked (see above); \
             --unreadable-as-finding reports them as findings instead",
            outcome.unreadable.len(),
            tally.files + outcome.unreadable.len()
        );
        return ExitCode::from(USAGE_ERROR);
    }
    if tally.reaches(args.deny) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The articles under the paths given and their settings; an error if there are none.
fn plan(args: &Args) -> Result<load::Plan, ExitCode> {
    let mut plan = load::plan_reporting(&args.paths, args.config.as_deref())?;
    if plan.articles.is_empty() {
        let paths = if args.paths.is_empty() {
            String::from("the current folder")
        } else {
            let shown: Vec<String> = args.paths.iter().map(|p| display_path(p)).collect();
            shown.join(", ")
        };
        eprintln!(
            "dossier: no articles found in {paths}: articles are the files the `articles` \
             globs of dossier.json pick (by default .md and .txt), outside ignored folders"
        );
        return Err(ExitCode::from(USAGE_ERROR));
    }
    // The report goes in the order of the paths it shows.
    plan.articles.sort_by_cached_key(|p| display_path(p));
    Ok(plan)
}

/// Checks the articles of `plan` in parallel, writing each one's part of the report as soon as
/// those before it are written.
fn check_paths(
    args: &Args,
    plan: load::Plan,
    report: &Report,
    writer: &mut Writer,
    baseline: &Baseline,
) -> Outcome {
    // The editor's answer without an editor: `dossier.json` alone sets the rules.
    let rules = plan.settings.config.rule_settings(&Default::default());
    let first = args.paths.first().map_or(Path::new("."), PathBuf::as_path);
    let notes = load::annotations(&load::annotations_root(first, args.config.as_deref()));
    let mut outcome = Outcome::default();
    // No rule needs the index across articles, only the people they introduce: each article
    // is checked as soon as it is read, and only its part of the report is kept until written.
    files::sweep(
        plan.catalog,
        &plan.matcher,
        &plan.articles,
        plan.settings.config.max_file_size,
        |catalog, matcher, article| {
            let path = display_path(&article.path);
            let notes = load::annotations_of(&notes, &article.path);
            let identified;
            let article = if annotations::identifies(notes) {
                // (An annotation may say whom a role reference names: the article with all its
                // mentions, as the editor has it.)
                let mut named =
                    Article::analyze(article.path.clone(), article.text.clone(), matcher);
                annotations::identify(&mut named, notes, catalog);
                identified = named;
                &identified
            } else {
                article
            };
            let findings = diagnostics(catalog, article, &rules);
            let mut findings =
                with_annotations(findings, article, notes, &rules, Verified::Suppress);
            let known = leave_out_known(baseline.known(&path), &article.text, &mut findings);
            let part = report.part(&Checked {
                path: &path,
                text: &article.text,
                lines: &article.lines,
                findings: &findings,
            });
            (part, Tally::of(&findings), known)
        },
        |path, swept| match swept {
            Swept::Checked {
                made: (part, tally, known),
                lossy,
            } => {
                if lossy {
                    load::report_unread(&[], &[path.to_owned()]);
                }
                writer.file(&part, &tally);
                outcome.known += known;
            }
            Swept::Skipped(skip) => {
                load::report_unread(&[(path.to_owned(), skip.clone())], &[]);
                match skip {
                    Skip::Unreadable(why) if args.unreadable_as_finding => {
                        let findings = [Finding {
                            code: UNREADABLE,
                            severity: Severity::Error,
                            range: 0..0,
                            message: format!(
                                "This article could not be read, so it was not checked: {why}."
                            ),
                            related: Vec::new(),
                            suggestion: None,
                        }];
                        let part = render(report, &display_path(path), "", &findings);
                        writer.file(&part, &Tally::of(&findings));
                    }
                    Skip::Unreadable(_) => outcome.unreadable.push(path.to_owned()),
                    // Deliberately left out, by the size limit or as no text: said on stderr.
                    Skip::TooLarge { .. } | Skip::Binary => {}
                }
            }
        },
    );
    outcome
}

/// The one article standard input holds, with the settings of the workspace it stands in.
struct StdinArticle {
    path: PathBuf,
    settings: files::Settings,
    text: String,
    notes_root: PathBuf,
}

/// Reads the article on standard input and the settings for `--stdin-filename`.
fn prepare_stdin(args: &Args) -> Result<StdinArticle, ExitCode> {
    let path = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    let settings = load::settings_for(&path, args.config.as_deref()).map_err(load::usage_error)?;
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
        eprintln!("dossier: cannot read standard input: {e}");
        return Err(ExitCode::from(USAGE_ERROR));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            load::report_unread(&[], std::slice::from_ref(&path));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let notes_root = load::annotations_root(&path, args.config.as_deref());
    Ok(StdinArticle {
        path,
        settings,
        text,
        notes_root,
    })
}

/// Checks the one article standard input holds, as if it were at `--stdin-filename`, with the
/// catalog of the workspace there, and the people it introduces itself.
fn check_stdin(
    stdin: StdinArticle,
    report: &Report,
    writer: &mut Writer,
    baseline: &Baseline,
) -> Outcome {
    let StdinArticle {
        path,
        settings,
        text,
        notes_root,
    } = stdin;
    let rules: RuleSettings = settings.config.rule_settings(&Default::default());
    let mut workspace = Workspace::new(files::merged_catalog([&settings]));
    let all = load::annotations(&notes_root);
    let notes = load::annotations_of(&all, &path).to_vec();
    workspace.set_annotations(&notes_root, [(path.clone(), notes.clone())].into());
    let article = Article::analyze(path.clone(), text, &workspace.matcher());
    workspace.insert(article);
    workspace.refresh_discovered();
    let Some((_, article)) = workspace.get(&path) else {
        return Outcome::default();
    };
    let shown = display_path(&path);
    let findings = diagnostics(workspace.catalog(), article, &rules);
    let mut findings = with_annotations(findings, article, &notes, &rules, Verified::Suppress);
    let known = leave_out_known(baseline.known(&shown), &article.text, &mut findings);
    writer.file(
        &render(report, &shown, &article.text, &findings),
        &Tally::of(&findings),
    );
    Outcome {
        known,
        unreadable: Vec::new(),
    }
}

/// One file's part of the report, for a text not analysed by the sweep.
fn render(report: &Report, path: &str, text: &str, findings: &[Finding]) -> String {
    report.part(&Checked {
        path,
        text,
        lines: &LineIndex::new(text),
        findings,
    })
}

/// Writes the report `check` makes to `--output` or standard output; returns what `check` left
/// to say and what the report found.
fn write_report(
    args: &Args,
    report: Report,
    check: impl FnOnce(&mut Writer) -> Outcome,
) -> std::io::Result<(Outcome, Tally)> {
    let write = |out: &mut (dyn Write + Send)| {
        let mut writer = report.writer(out);
        let outcome = check(&mut writer);
        (outcome, writer.finish())
    };
    match &args.output {
        None => {
            let mut done = None;
            super::emit(|out| {
                done = Some(write(out));
                Ok(())
            });
            Ok(done.unwrap_or_default())
        }
        Some(path) => {
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            let done = write(&mut out);
            out.flush()?;
            Ok(done)
        }
    }
}

/// A path as the reports show it: relative as given, without a leading `./`, with `/`.
fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
