//! `dossier report`: who speaks in a workspace — the numbers of [`dossier::coverage::Map`] as
//! JSON, or as one self-contained HTML page (`map.html`: the numbers embedded as JSON, drawn and
//! filtered by its own script, nothing fetched).

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::load;
use dossier::coverage::Map;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// One HTML file that opens from disk: stacked bars per month, sortable tables, filters.
    Html,
    /// The same numbers as one JSON object.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder's workspace).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "html")]
    format: MapFormat,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

const PAGE: &str = include_str!("map.html");

pub fn run(args: Args) -> ExitCode {
    let ws = match load::plan_reporting(&args.paths, None) {
        Ok(plan) => plan.into_workspace(),
        Err(code) => return code,
    };
    let map = Map::of(&ws);
    let text = match args.format {
        MapFormat::Json => json!(map).to_string() + "\n",
        MapFormat::Html => page(&map),
    };
    match args.output {
        Some(file) => match std::fs::write(&file, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dossier: cannot write {}: {e}", file.display());
                ExitCode::FAILURE
            }
        },
        None => {
            super::emit(|out| out.write_all(text.as_bytes()));
            ExitCode::SUCCESS
        }
    }
}

/// The page with the map embedded, and the folder its relative paths start from so that its
/// links open the articles.
fn page(map: &Map) -> String {
    let base = std::env::current_dir().unwrap_or_default();
    let data = json!({"base": base.display().to_string(), "map": map}).to_string();
    // Inside a <script> element only "</" can end it early.
    PAGE.replacen("/*DATA*/", &data.replace("</", "<\\/"), 1)
}
