//! `dossier attributions`: who says what in each article, one relation a line.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::{load, Format};
use dossier::files;
use dossier::text::{Encoding, LineIndex};

#[derive(clap::Args)]
pub struct Args {
    /// Articles or folders (default: the current folder's workspace).
    paths: Vec<PathBuf>,
    /// human (one line a relation, like a compiler) or json (JSON Lines, offsets in bytes).
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

pub fn run(args: Args) -> ExitCode {
    let plan = match load::plan_reporting(&args.paths, None) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let limit = plan.settings.config.max_file_size;
    let read = files::read_each(&plan.articles, limit, |path, loaded| {
        render(path, &loaded.text, args.format)
    });
    let mut skipped = Vec::new();
    super::emit(|out| {
        for (path, part) in plan.articles.iter().zip(read) {
            match part {
                Ok(part) => out.write_all(part.as_bytes())?,
                Err(skip) => skipped.push((path.clone(), skip)),
            }
        }
        Ok(())
    });
    load::report_unread(&skipped, &[]);
    ExitCode::SUCCESS
}

fn render(path: &std::path::Path, text: &str, format: Format) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(text);
    for a in dossier::rules::attributions(text) {
        let line = match format {
            Format::Json => {
                let content = (a.content.start < a.content.end)
                    .then(|| json!({"start": a.content.start, "end": a.content.end}));
                json!({
                    "path": path.display().to_string(),
                    "source": {
                        "start": a.speaker.start,
                        "end": a.speaker.end,
                        "text": &text[a.speaker.clone()],
                        "class": a.class.name(),
                    },
                    "cue": {"start": a.cue.start, "end": a.cue.end, "text": &text[a.cue.clone()]},
                    "content": content,
                })
                .to_string()
            }
            Format::Human => {
                let at = lines.position(text, a.cue.start, Encoding::Utf8);
                format!(
                    "{}:{}:{}: {} “{}” — {} — “{}”",
                    path.display(),
                    at.line + 1,
                    at.character + 1,
                    a.class.name(),
                    &text[a.speaker.clone()],
                    &text[a.cue.clone()],
                    first_words(&text[a.content.clone()], 8),
                )
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The first `n` words of `s`, with "…" when there are more.
fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().take(n + 1).collect();
    if words.len() > n {
        format!("{} …", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}
