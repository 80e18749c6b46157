//! `.dossier/annotations.jsonl`: one annotation a line, read into a [`Store`] that keeps every
//! line as it was read — a line that is no annotation is reported where it is and written back
//! untouched, and an annotation another tool wrote keeps the fields dossier does not know. Only
//! what dossier changes (a position after a save, a new annotation) is written anew.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

use super::model::{position_selector, Annotation, Position};
use crate::located::LocatedError;

/// Where a workspace keeps its annotations, relative to its root.
pub const FILE: &str = ".dossier/annotations.jsonl";

#[derive(Clone, Debug, Default)]
pub struct Store {
    lines: Vec<Line>,
}

#[derive(Clone, Debug)]
enum Line {
    /// An annotation: its JSON, what dossier reads of it, and the line as read until changed.
    Annotation(Value, Box<Annotation>, Option<String>),
    /// A line that is no annotation (or a blank one), kept as it was.
    Other(String),
}

impl Store {
    /// Reads the file's text; each line that is no annotation is an error at its place (the
    /// file is `path`).
    pub fn parse(path: &Path, text: &str) -> (Self, Vec<LocatedError>) {
        let mut lines = Vec::new();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                lines.push(Line::Other(line.to_owned()));
                continue;
            }
            let read = serde_json::from_str::<Value>(line)
                .map_err(|e| {
                    // The place is said by the error's own line and column.
                    let message = e.to_string();
                    let message = message
                        .rsplit_once(" at line ")
                        .map_or(&*message, |(m, _)| m);
                    (e.column().saturating_sub(1), message.to_owned())
                })
                .and_then(|v| match Annotation::from_json(&v) {
                    Ok(a) => Ok((v, a)),
                    Err(why) => Err((0, format!("not a W3C annotation: {why}"))),
                });
            match read {
                Ok((value, annotation)) => lines.push(Line::Annotation(
                    value,
                    Box::new(annotation),
                    Some(line.to_owned()),
                )),
                Err((column, message)) => {
                    errors.push(LocatedError {
                        path: path.to_owned(),
                        line: n,
                        column,
                        message,
                    });
                    lines.push(Line::Other(line.to_owned()));
                }
            }
        }
        (Self { lines }, errors)
    }

    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.lines.iter().filter_map(|l| match l {
            Line::Annotation(_, a, _) => Some(&**a),
            Line::Other(_) => None,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.annotations().next().is_none()
    }

    /// The annotations by the article they are about, `root` the workspace's root; those whose
    /// target is no path inside it are left out.
    pub fn by_article(&self, root: &Path) -> HashMap<PathBuf, Vec<Annotation>> {
        let mut out: HashMap<PathBuf, Vec<Annotation>> = HashMap::new();
        for a in self.annotations() {
            if let Some(path) = article_path(root, &a.source) {
                out.entry(path).or_default().push(a.clone());
            }
        }
        out
    }

    /// Adds an annotation, in the canonical form.
    pub fn push(&mut self, annotation: Annotation) {
        self.lines.push(Line::Annotation(
            annotation.to_json(),
            Box::new(annotation),
            None,
        ));
    }

    /// Sets the position selector of the annotation `id` (its first one, or a new one); returns
    /// whether it changed.
    pub fn set_position(&mut self, id: &str, position: Position) -> bool {
        for line in &mut self.lines {
            let Line::Annotation(value, a, raw) = line else {
                continue;
            };
            if a.id != id || a.position == Some(position) {
                continue;
            }
            a.position = Some(position);
            *raw = None;
            set_position_selector(value, &a.source, position);
            return true;
        }
        false
    }

    /// The file's text: every line as read or as changed, one a line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            match line {
                Line::Annotation(_, _, Some(text)) | Line::Other(text) => out.push_str(text),
                Line::Annotation(value, _, None) => out.push_str(&value.to_string()),
            }
            out.push('\n');
        }
        out
    }
}

/// Writes the position into the target naming `source`: its first position selector, else a new
/// one beside its other selectors.
fn set_position_selector(value: &mut Value, source: &str, position: Position) {
    let Some(target) = value.get_mut("target") else {
        return;
    };
    let targets: Vec<&mut Value> = match target {
        Value::Array(all) => all.iter_mut().collect(),
        one => vec![one],
    };
    for target in targets {
        if let Value::String(s) = target {
            if s == source {
                *target = serde_json::json!({"source": source, "selector": []});
            }
        }
        let Some(object) = target.as_object_mut() else {
            continue;
        };
        if object.get("source").and_then(Value::as_str) != Some(source) {
            continue;
        }
        let selector = object
            .entry("selector")
            .or_insert_with(|| Value::Array(Vec::new()));
        if !selector.is_array() {
            *selector = Value::Array(vec![selector.take()]);
        }
        let Value::Array(selectors) = selector else {
            return;
        };
        match first_position_selector(selectors) {
            Some(s) => {
                s["start"] = position.start.into();
                s["end"] = position.end.into();
            }
            None => selectors.push(position_selector(position)),
        }
        return;
    }
}

/// The first position selector among selectors, arrays within arrays included.
fn first_position_selector(selectors: &mut [Value]) -> Option<&mut Value> {
    selectors.iter_mut().find_map(|s| match s {
        Value::Array(inner) => first_position_selector(inner),
        s if s.get("type").and_then(Value::as_str) == Some("TextPositionSelector") => Some(s),
        _ => None,
    })
}

/// The article an annotation's target names: a path relative to the root (never out of it), or
/// a `file:` IRI.
pub fn article_path(root: &Path, source: &str) -> Option<PathBuf> {
    let path = match source.strip_prefix("file://") {
        Some(absolute) => PathBuf::from(percent_decoded(absolute)?),
        None if source.contains("://") => return None,
        None => {
            let relative = Path::new(source);
            let inside = relative
                .components()
                .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
            if !inside {
                return None;
            }
            root.join(relative)
        }
    };
    path.starts_with(root).then_some(path)
}

/// How an annotation written by dossier names an article: its path from the root, with `/`.
pub fn source_of(root: &Path, article: &Path) -> Option<String> {
    let relative = article.strip_prefix(root).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    Some(parts.join("/"))
}

/// A `file:` IRI's path with its `%XX` escapes decoded.
fn percent_decoded(s: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut rest = s.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOREIGN: &str = r#"{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:x:1","type":"Annotation","motivation":"commenting","creator":"desk","target":{"source":"a.md","selector":{"type":"TextQuoteSelector","exact":"talks"}}}"#;

    #[test]
    fn bad_lines_are_located_and_kept() {
        let text = format!("{FOREIGN}\n\n{{\"id\": 1,\n{{\"type\": \"Note\"}}\n");
        let (store, errors) = Store::parse(Path::new("n.jsonl"), &text);
        assert_eq!(store.annotations().count(), 1);
        let places: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(places, [(2, 8), (3, 0)]);
        assert!(
            errors[1].message.contains("not a W3C annotation"),
            "{errors:?}"
        );
        assert_eq!(store.render(), text);
    }

    #[test]
    fn a_new_position_keeps_what_another_tool_wrote() {
        let (mut store, _) = Store::parse(Path::new("n.jsonl"), FOREIGN);
        assert!(store.set_position("urn:x:1", Position { start: 4, end: 9 }));
        assert!(!store.set_position("urn:x:1", Position { start: 4, end: 9 }));
        let value: Value = serde_json::from_str(store.render().trim()).unwrap();
        assert_eq!(value["creator"], "desk");
        let selectors = value["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["exact"], "talks");
        assert_eq!(selectors[1]["start"], 4);
    }

    #[test]
    fn targets_stay_inside_the_root() {
        let root = Path::new("/ws");
        assert_eq!(
            article_path(root, "a/b.md"),
            Some(PathBuf::from("/ws/a/b.md"))
        );
        assert_eq!(article_path(root, "../b.md"), None);
        assert_eq!(article_path(root, "https://example.org/b.md"), None);
        assert_eq!(
            article_path(root, "file:///ws/my%20notes.md"),
            Some(PathBuf::from("/ws/my notes.md"))
        );
        assert_eq!(article_path(root, "file:///elsewhere/b.md"), None);
        assert_eq!(
            source_of(root, Path::new("/ws/a/b.md")).as_deref(),
            Some("a/b.md")
        );
    }
}
