//! `dossier annotations [PATH…]`: every annotation of the workspace's
//! `.dossier/annotations.jsonl` on the articles under the paths, with where it stands in the
//! article on disk now — `anchored`, `moved` or `orphaned` — as JSON Lines (`{"id", "path",
//! "state", "start", "end"}`, UTF-8 byte offsets, `null` when orphaned) or for people. Exit code
//! 0 when every annotation finds its words, 1 when one is orphaned, 2 when the annotations file
//! has lines that are no annotations or cannot be read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::annotations::{self, store, Anchor, Annotation, State};
use dossier::files;
use dossier::text::{Encoding, LineIndex};

use super::{load, Format, USAGE_ERROR};

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders whose annotations to list (default: the whole workspace of the
    /// current folder).
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

/// One annotation as it stands now.
struct Row<'a> {
    annotation: &'a Annotation,
    /// The article's path as the annotation names it.
    path: String,
    anchor: Anchor,
    text: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!("dossier: {}: no such file or folder", missing.display());
        return ExitCode::from(USAGE_ERROR);
    }
    let root = load::root_for(&paths[0]);
    let limit = match files::load_settings(&root) {
        Ok(settings) => settings.config.max_file_size,
        Err(e) => return load::usage_error(e),
    };
    let (store, errors) = match files::read_annotations(&root) {
        None => (store::Store::default(), Vec::new()),
        Some(Ok(read)) => read,
        Some(Err(e)) => (store::Store::default(), vec![e]),
    };
    for e in &errors {
        eprintln!("dossier: {e}");
    }
    let wanted: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let rows: Vec<Row> = store
        .annotations()
        .filter_map(|a| {
            let article = store::article_path(&root, &a.source);
            let under = |p: &Path| wanted.iter().any(|w| p.starts_with(w));
            if !article.as_deref().map_or(wanted.contains(&root), under) {
                return None;
            }
            let text = article.and_then(|p| files::read_article(&p, limit).ok().map(|l| l.text));
            // An article that is gone, or cannot be read, holds none of its annotations' words.
            let anchor = match &text {
                Some(text) => annotations::anchor(text, a.quote.as_ref(), a.position),
                None => Anchor {
                    state: State::Orphaned,
                    range: None,
                },
            };
            Some(Row {
                annotation: a,
                path: a.source.clone(),
                anchor,
                text,
            })
        })
        .collect();
    let orphaned = rows.iter().any(|r| r.anchor.state == State::Orphaned);
    super::emit(|out| {
        for row in &rows {
            match args.format {
                Format::Json => json_line(out, row)?,
                Format::Human => human_line(out, row)?,
            }
        }
        if args.format == Format::Human {
            let n = rows.len();
            let lost = rows
                .iter()
                .filter(|r| r.anchor.state == State::Orphaned)
                .count();
            writeln!(
                out,
                "{n} annotation{} listed, {lost} orphaned",
                if n == 1 { "" } else { "s" }
            )?;
        }
        Ok(())
    });
    if !errors.is_empty() {
        ExitCode::from(USAGE_ERROR)
    } else if orphaned {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A row of `--format json`, its fields in this order.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    path: &'a str,
    state: &'a str,
    start: Option<usize>,
    end: Option<usize>,
}

fn json_line(out: &mut dyn Write, row: &Row) -> std::io::Result<()> {
    let range = row.anchor.range.as_ref();
    let line = JsonRow {
        id: &row.annotation.id,
        path: &row.path,
        state: row.anchor.state.as_str(),
        start: range.map(|r| r.start),
        end: range.map(|r| r.end),
    };
    writeln!(out, "{}", serde_json::to_string(&line)?)
}

/// `path:line:column: state — what it says`, the place one-based in characters.
fn human_line(out: &mut dyn Write, row: &Row) -> std::io::Result<()> {
    let place = match (&row.anchor.range, &row.text) {
        (Some(range), Some(text)) => {
            let lines = LineIndex::new(text);
            let at = lines.position(text, range.start, Encoding::Utf8);
            let line = &text[lines.line_range(text, at.line as usize)];
            let column = dossier::text::char_count(&line[..at.character as usize]);
            format!(":{}:{}", at.line + 1, column + 1)
        }
        _ => String::new(),
    };
    writeln!(
        out,
        "{}{place}: {} — {}",
        row.path,
        row.anchor.state.as_str(),
        annotations::describe(row.annotation)
    )
}
