//! The house rules, read from the sources as rust-analyzer's tidy tests read theirs: the analysis
//! below `lsp/` and `cli/` names no protocol, runtime or terminal; no source file outgrows 700
//! lines; word lists live in the lexicon's data files (`src/lexicon/data/`), not in code.
//! `ARCHITECTURE.md` describes the layers these rules keep.

use std::path::{Path, PathBuf};

use regex::Regex;

/// Every Rust source under `src/`, with its text, in path order.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &mut out);
    assert!(out.len() > 50, "found only {} sources", out.len());
    out.into_iter()
        .map(|(p, t)| (p.strip_prefix(&root).unwrap().to_path_buf(), t))
        .collect()
}

/// The layers that may speak a protocol or to a terminal: the language server, the command line
/// and the binary's entry point.
fn is_front_end(path: &Path) -> bool {
    path.starts_with("lsp") || path.starts_with("cli") || path == Path::new("main.rs")
}

/// The code of a source without its test module (by the house's convention the last item of a
/// file, after `#[cfg(test)]`); none for a file of tests.
fn code_of(path: &Path, text: &str) -> String {
    let tests = path.file_name().is_some_and(|n| n == "tests.rs")
        || path.components().any(|c| c.as_os_str() == "tests");
    if tests {
        return String::new();
    }
    let code = text
        .find("\n#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at]);
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_analysis_names_no_protocol_runtime_or_terminal() {
    let forbidden = Regex::new(concat!(
        r"\b(?:tower_lsp|lsp_types|tokio|clap)\b",
        r"|\b(?:e?println|e?print)!|\bio::std(?:out|err)\b|\bIsTerminal\b|\bprocess::exit\b",
    ))
    .unwrap();
    let mut wrong = Vec::new();
    for (path, text) in sources().iter().filter(|(p, _)| !is_front_end(p)) {
        for (n, line) in code_of(path, text).lines().enumerate() {
            if let Some(m) = forbidden.find(line) {
                wrong.push(format!(
                    "src/{}: `{}` in: {}",
                    path.display(),
                    m.as_str(),
                    line.trim()
                ));
            }
            let _ = n;
        }
    }
    assert!(
        wrong.is_empty(),
        "below lsp/ and cli/:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_source_file_outgrows_700_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|(_, text)| text.lines().count() > 700)
        .map(|(path, text)| format!("src/{}: {} lines", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

#[test]
fn word_lists_live_in_the_lexicon() {
    // Five or more one-word string literals in a row: a list of words.
    let list = Regex::new(r#"\[\s*(?:"[^"\s]{1,30}"\s*,\s*){4,}"[^"\s]{1,30}"\s*,?\s*\]"#).unwrap();
    let mut wrong = Vec::new();
    for (path, text) in sources().iter().filter(|(p, _)| !p.starts_with("lexicon")) {
        let code = code_of(path, text);
        for m in list.find_iter(&code) {
            let line = code[..m.start()].lines().count();
            let head: String = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            wrong.push(format!(
                "src/{} near line {line}: {:.60}…",
                path.display(),
                head
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "word lists belong in src/lexicon/data/:\n{}",
        wrong.join("\n")
    );
}
