//! The workspace's annotations on disk (`.dossier/annotations.jsonl`): read when there, written
//! whole and atomically — to a temporary file beside it, then renamed over it — so that no
//! reader ever sees half a file and a crash leaves the old one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::annotations::store::{Store, FILE};
use crate::located::LocatedError;

/// Where a workspace root keeps its annotations.
pub fn annotations_path(root: &Path) -> PathBuf {
    root.join(FILE)
}

/// The annotations of a workspace root and the lines that are none, or `None` when it has no
/// annotations file: a workspace without one pays one failed open.
pub fn read_annotations(root: &Path) -> Option<Result<(Store, Vec<LocatedError>), LocatedError>> {
    let path = annotations_path(root);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(Ok(Store::parse(&path, &text))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(Err(LocatedError {
            path,
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        })),
    }
}

/// Writes the annotations of a workspace root, atomically.
pub fn write_annotations(root: &Path, store: &Store) -> std::io::Result<()> {
    write_atomically(&annotations_path(root), store.render().as_bytes())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_costs_nothing_and_writing_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_annotations(dir.path()).is_none());
        let line = r#"{"id":"urn:x","type":"Annotation","target":"a.md"}"#;
        let (store, _) = Store::parse(Path::new("x"), line);
        write_annotations(dir.path(), &store).unwrap();
        let (read, errors) = read_annotations(dir.path()).unwrap().unwrap();
        assert!(errors.is_empty());
        assert_eq!(read.annotations().count(), 1);
        let names: Vec<_> = std::fs::read_dir(dir.path().join(".dossier"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["annotations.jsonl"]);
    }
}
