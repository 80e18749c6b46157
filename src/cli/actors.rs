//! `dossier actors`: what dossier knows, from the shell.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::{load, Format};

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// List the catalog itself (the default and the workspace's catalog files) instead of
    /// the actors found in articles.
    #[arg(long)]
    catalog: bool,
}

pub fn run(args: Args) -> ExitCode {
    let ws = match load::plan_reporting(&args.paths, None) {
        Ok(plan) => plan.into_workspace(),
        Err(code) => return code,
    };
    let ws = &ws;
    if args.catalog {
        let list = list_catalog(ws, args.format);
        super::emit(|out| out.write_all(list.as_bytes()));
        return ExitCode::SUCCESS;
    }
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
                    "discovered": a.discovered,
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
                let kind = if a.discovered {
                    "discovered"
                } else {
                    a.kind.as_str()
                };
                out.push_str(&format!(
                    "{}{}  {:<12}  {:>4} mention{}  {} file{}\n",
                    a.name,
                    " ".repeat(pad),
                    kind,
                    count,
                    if *count == 1 { " " } else { "s" },
                    files.len(),
                    if files.len() == 1 { "" } else { "s" },
                ));
            }
            out.push_str(&format!("{} actors in {} articles\n", rows.len(), ws.len()));
        }
    }
    super::emit(|stdout| stdout.write_all(out.as_bytes()));
    ExitCode::SUCCESS
}

/// Every catalog entry: id, kind, name and the latest role (or the description).
fn list_catalog(ws: &dossier::workspace::Workspace, format: Format) -> String {
    let catalog = ws.catalog();
    let mut out = String::new();
    let mut by_kind: Vec<_> = catalog.actors().filter(|(_, a)| !a.discovered).collect();
    by_kind.sort_by(|(_, a), (_, b)| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    for (actor, a) in &by_kind {
        let about = a
            .latest_role()
            .map_or_else(|| a.description.clone(), |r| r.title.clone());
        match format {
            Format::Json => {
                let origin = catalog.origin(*actor).map(|o| o.path.display().to_string());
                let line = json!({
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind.as_str(),
                    "aliases": a.aliases,
                    "role": a.latest_role().map(|r| r.title.clone()),
                    "description": a.description,
                    "source": origin.unwrap_or_else(|| "default".into()),
                });
                out.push_str(&line.to_string());
                out.push('\n');
            }
            Format::Human => {
                out.push_str(&format!(
                    "{:<12}  {:<40}  {}\n",
                    a.kind.as_str(),
                    a.name,
                    about
                ));
            }
        }
    }
    if format == Format::Human {
        out.push_str(&format!("{} catalog entries\n", by_kind.len()));
    }
    out
}
