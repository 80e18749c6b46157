//! `dossier actors`: what dossier knows, from the shell.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::{load, Format, USAGE_ERROR};

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub fn run(args: Args) -> ExitCode {
    let loaded = match load::load(&args.paths) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(USAGE_ERROR);
        }
    };
    for (path, skip) in &loaded.skipped {
        eprintln!("dossier: {}: {skip}", path.display());
    }
    for path in &loaded.lossy {
        eprintln!(
            "dossier: {}: not valid UTF-8; read with replacement characters",
            path.display()
        );
    }
    let ws = &loaded.workspace;
    let catalog = ws.catalog();
    let mut rows = Vec::new();
    for (actor, a) in catalog.actors() {
        let mentions = ws.mentions_of(actor);
        if mentions.is_empty() {
            continue;
        }
        let files: BTreeSet<String> = mentions
            .iter()
            .map(|(id, _)| ws.article(*id).path.display().to_string())
            .collect();
        rows.push((a, mentions.len(), files));
    }
    rows.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.name.cmp(&y.0.name)));
    let mut out = String::new();
    match args.format {
        Format::Json => {
            for (a, count, files) in &rows {
                let line = json!({
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind.as_str(),
                    "mentions": count,
                    "files": files,
                });
                out.push_str(&line.to_string());
                out.push('\n');
            }
        }
        Format::Human => {
            let width = rows
                .iter()
                .map(|(a, ..)| a.name.chars().count())
                .max()
                .unwrap_or(0);
            for (a, count, files) in &rows {
                let pad = width - a.name.chars().count();
                out.push_str(&format!(
                    "{}{}  {:<12}  {:>4} mention{}  {} file{}\n",
                    a.name,
                    " ".repeat(pad),
                    a.kind.as_str(),
                    count,
                    if *count == 1 { " " } else { "s" },
                    files.len(),
                    if files.len() == 1 { "" } else { "s" },
                ));
            }
            out.push_str(&format!("{} actors in {} articles\n", rows.len(), ws.len()));
        }
    }
    print!("{out}");
    ExitCode::SUCCESS
}
