//! The command line: `dossier lsp`, `dossier actors`, `dossier check`, `dossier attributions`,
//! `dossier annotations`, `dossier report`.

mod actors;
mod annotations;
mod attributions;
mod baseline;
mod check;
mod load;
mod map;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Actors, sources and attribution in texts about international politics"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Speak the Language Server Protocol on stdin/stdout (editors start this).
    Lsp(LspArgs),
    /// List the actors found in articles: kind, mentions, files.
    Actors(actors::Args),
    /// Check articles for attribution problems: unattributed claims and quotes, vague and
    /// anonymous sources, hedged reports, unsourced figures.
    Check(check::Args),
    /// List who says what: each attribution relation (source and its class, cue, content).
    Attributions(attributions::Args),
    /// List the annotations of `.dossier/annotations.jsonl` (claims verified or disputed,
    /// mentions identified, notes) with where each stands now: anchored, moved or orphaned.
    Annotations(annotations::Args),
    /// Map who speaks across the articles: attributions by source class per article and month,
    /// the most quoted and mentioned actors, as one HTML page or JSON.
    Report(map::Args),
}

#[derive(clap::Args)]
struct LspArgs {
    /// Speak over stdin/stdout: the only way dossier speaks, accepted because many clients
    /// (vscode-languageclient among them) add it to the command.
    #[arg(long)]
    stdio: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Writes a command's output. A reader that went away (`dossier actors | head`) is no error.
/// Standard output is not locked for the whole command: `check` writes each article's part
/// from whichever thread finished it.
pub fn emit(write: impl FnOnce(&mut (dyn std::io::Write + Send)) -> std::io::Result<()>) {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let _ = write(&mut out).and_then(|()| std::io::Write::flush(&mut out));
}

/// Exit code for a usage or configuration error.
pub const USAGE_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { USAGE_ERROR } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Lsp(_) => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("dossier: cannot start the async runtime: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let orderly = runtime.block_on(crate::lsp::run());
            // The task reading stdin blocks until the client closes it; don't wait for that.
            runtime.shutdown_background();
            if orderly {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Actors(args) => actors::run(args),
        Command::Check(args) => check::run(args),
        Command::Attributions(args) => attributions::run(args),
        Command::Annotations(args) => annotations::run(args),
        Command::Report(args) => map::run(args),
    }
}
