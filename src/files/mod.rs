//! The disk: finding a workspace's articles and reading them. The one module of the library that
//! touches the file system, shared by the language server and the command line so both see the
//! same files; the analysis never calls it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::catalog::{default_catalog, Actor, Catalog, CatalogError, Origin};
use crate::config::{ArticleFilter, Config, ConfigError, FILE_NAME};
use crate::mentions::Matcher;

mod notes;
mod parallel;
mod sweep;

pub use notes::{annotations_path, read_annotations, write_annotations};
pub use parallel::read_each;
pub use sweep::{sweep, Swept};

/// Why a file was not read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    TooLarge { size: u64, limit: u64 },
    Binary,
    Unreadable(String),
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::TooLarge { size, limit } => {
                write!(f, "skipped: {size} bytes is over the limit of {limit}")
            }
            Skip::Binary => write!(f, "skipped: a binary file"),
            Skip::Unreadable(e) => write!(f, "skipped: {e}"),
        }
    }
}

/// An article's text as read from disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub text: String,
    /// The file was not valid UTF-8 and was decoded with replacement characters.
    pub lossy: bool,
}

/// Reads an article: text decoded lossily from non-UTF-8, binary and oversized files refused.
pub fn read_article(path: &Path, limit: u64) -> Result<Loaded, Skip> {
    let file = open_without_waiting(path).map_err(|e| Skip::Unreadable(e.to_string()))?;
    // A device may never end: only regular files are read. Their size is taken from the open
    // file, not the path, which would be looked up a second time.
    let kind = file
        .metadata()
        .map_err(|e| Skip::Unreadable(e.to_string()))?;
    if !kind.is_file() {
        return Err(Skip::Unreadable("not a regular file".into()));
    }
    // The size as the one look at the file found it; the read below stops past the limit
    // whatever the file has become since.
    let size = kind.len();
    if size > limit {
        return Err(Skip::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read at most one byte past the limit, in case the file grew since its size was taken.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Skip::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(Skip::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(Skip::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Loaded { text, lossy: false }),
        Err(e) => Ok(Loaded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        }),
    }
}

/// Opens a file for reading without waiting for it: opening a FIFO waits for a writer unless
/// told not to (a regular file reads the same either way).
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<fs::File> {
    fs::File::open(path)
}

/// Reads a file of the workspace folder `root` as [`read_article`] does, but never through a
/// symbolic link, neither the file nor a folder on the way from `root` to it: a link could lead
/// outside the folder, or to a second name for an article, and discovery follows none either.
pub fn read_workspace_article(root: &Path, path: &Path, limit: u64) -> Result<Loaded, Skip> {
    let below = path
        .strip_prefix(root)
        .ok()
        .filter(|below| {
            below
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        })
        .ok_or_else(|| Skip::Unreadable("outside the workspace folder".into()))?;
    let mut at = root.to_owned();
    for component in below.components() {
        at.push(component);
        let link = fs::symlink_metadata(&at).map_err(|e| Skip::Unreadable(e.to_string()))?;
        if link.file_type().is_symlink() {
            return Err(Skip::Unreadable(format!(
                "{} is a symbolic link, not followed",
                at.display()
            )));
        }
    }
    read_article(path, limit)
}

/// Articles read from disk and analysed, in parallel.
#[derive(Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    /// Articles that were not valid UTF-8 and were decoded with replacement characters.
    pub lossy: Vec<PathBuf>,
    /// Files that were not read, with the reason.
    pub skipped: Vec<(PathBuf, Skip)>,
}

/// Reads and analyses files in parallel (files over `limit` bytes are skipped).
pub fn load(paths: &[PathBuf], limit: u64, matcher: &Matcher) -> Batch {
    let read = read_each(paths, limit, |path, loaded| {
        let lossy = loaded.lossy;
        (
            Article::analyze(path.to_owned(), loaded.text, matcher),
            lossy,
        )
    });
    let mut batch = Batch::default();
    for (path, result) in paths.iter().zip(read) {
        match result {
            Ok((article, lossy)) => {
                if lossy {
                    batch.lossy.push(article.path.clone());
                }
                batch.articles.push(article);
            }
            Err(skip) => batch.skipped.push((path.clone(), skip)),
        }
    }
    batch
}

/// The articles under a folder: matched by the filter, honouring `.gitignore` and `.ignore`,
/// skipping hidden folders, `target/` and `node_modules/`, never following a symlink loop; in
/// path order.
pub fn discover(root: &Path, filter: &ArticleFilter) -> Vec<PathBuf> {
    let paths = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| !matches!(e.file_name().to_str(), Some("target" | "node_modules")))
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| p.strip_prefix(root).is_ok_and(|rel| filter.is_article(rel)))
        .collect();
    in_path_order(paths)
}

/// `paths` in path order (`Path`'s: component by component), each path split into its
/// components once. Comparing paths splits them at every comparison: sorting each folder's
/// entries by name as the walk read them (the walker asks each entry its name, from its path)
/// cost more than the walk.
fn in_path_order(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let order: Vec<usize> = {
        let mut keyed: Vec<(Vec<std::path::Component>, usize)> = paths
            .iter()
            .enumerate()
            .map(|(i, path)| (path.components().collect(), i))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, i)| i).collect()
    };
    let mut paths: Vec<Option<PathBuf>> = paths.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| paths[i].take()).collect()
}

/// A workspace folder's settings as found on disk: its `dossier.json` (or the defaults) and the
/// entries of the catalogs it names.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub config: Config,
    pub entries: Vec<(Actor, Option<Origin>)>,
    /// The catalog files read, so that a change to one can be noticed.
    pub catalog_paths: Vec<PathBuf>,
}

/// The default catalog extended by the workspace catalogs of every folder, in folder order.
pub fn merged_catalog<'a>(folders: impl IntoIterator<Item = &'a Settings>) -> Catalog {
    let mut catalog = default_catalog();
    for settings in folders {
        catalog.extend(settings.entries.iter().cloned());
    }
    catalog
}

/// The names and aliases of the folders' catalog entries that another actor is also called,
/// each with where its entry is defined and what is wrong: warnings, as the catalogs still load.
pub fn catalog_clashes(folders: &[&Settings]) -> Vec<(Origin, String)> {
    // Only the entries of the folders' own catalog files are asked about: with none (most
    // workspaces), the default catalog is not loaded for nothing.
    let mut entries = folders.iter().flat_map(|settings| &settings.entries);
    if entries.all(|(_, origin)| origin.is_none()) {
        return Vec::new();
    }
    let merged = merged_catalog(folders.iter().copied());
    folders
        .iter()
        .flat_map(|settings| merged.clashes(&settings.entries))
        .map(|clash| (clash.origin.clone(), clash.to_string()))
        .collect()
}

/// Something wrong with a folder's configuration or catalogs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    Config(ConfigError),
    Catalog(CatalogError),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error().fmt(f)
    }
}

impl SettingsError {
    /// The file at fault, its zero-based line and column, and the message.
    pub fn location(&self) -> (&Path, usize, usize, &str) {
        let e = self.error();
        (&e.path, e.line, e.column, &e.message)
    }

    /// The problem and its place, whichever file it is in.
    pub fn error(&self) -> &crate::located::LocatedError {
        match self {
            SettingsError::Config(e) | SettingsError::Catalog(e) => e,
        }
    }
}

/// Loads `root/dossier.json` and the catalogs it names. Catalog paths are relative to the
/// folder; one that leads outside it is refused unless it is written as an absolute path.
pub fn load_settings(root: &Path) -> Result<Settings, SettingsError> {
    load_settings_at(root, &root.join(FILE_NAME), false)
}

/// Loads the settings file a user named (`dossier check --config`), which must exist, and the
/// catalogs it names, relative to its folder.
pub fn load_settings_file(config_path: &Path) -> Result<Settings, SettingsError> {
    let root = match config_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    load_settings_at(root, config_path, true)
}

/// `named`: the user named the file, which must then exist and may be anywhere; a folder's own
/// `dossier.json` that is a link out of the folder is not read.
fn load_settings_at(
    root: &Path,
    config_path: &Path,
    named: bool,
) -> Result<Settings, SettingsError> {
    let config_path = config_path.to_owned();
    if let Some(real) = leads_out(root, &config_path).filter(|_| !named) {
        return Err(SettingsError::Config(ConfigError {
            path: config_path,
            line: 0,
            column: 0,
            message: format!(
                "a symbolic link to {}, outside the workspace folder: not read",
                real.display()
            ),
        }));
    }
    let config = match fs::read_to_string(&config_path) {
        Ok(text) => Config::parse(&config_path, &text).map_err(SettingsError::Config)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Config::default(),
        Err(e) => {
            return Err(SettingsError::Config(ConfigError {
                path: config_path,
                line: 0,
                column: 0,
                message: format!("cannot read: {e}"),
            }))
        }
    };
    let mut entries = Vec::new();
    let mut catalog_paths = Vec::new();
    for name in &config.catalogs {
        let path = resolve_catalog_path(root, name).map_err(|message| {
            let text = fs::read_to_string(&config_path).unwrap_or_default();
            let (line, column) = crate::config::locate(&text, name);
            SettingsError::Config(ConfigError {
                path: config_path.clone(),
                line,
                column,
                message,
            })
        })?;
        let text = fs::read_to_string(&path).map_err(|e| {
            SettingsError::Catalog(CatalogError {
                path: path.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read catalog: {e}"),
            })
        })?;
        entries.extend(Catalog::parse_file(&path, &text).map_err(SettingsError::Catalog)?);
        catalog_paths.push(path);
    }
    Ok(Settings {
        config,
        entries,
        catalog_paths,
    })
}

/// Where a catalog that `dossier.json` names lies. A relative name must stay inside the folder,
/// by the letter (no `..`) and where symbolic links lead (the file, or a folder on the way,
/// resolved); an absolute path is the user's choice and stands wherever it leads.
pub fn resolve_catalog_path(root: &Path, name: &str) -> Result<PathBuf, String> {
    let given = Path::new(name);
    if given.is_absolute() {
        return Ok(given.to_owned());
    }
    let escapes = given
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir));
    if escapes {
        return Err(format!(
            "catalog {name:?} lies outside the workspace folder; write an absolute path to use it anyway"
        ));
    }
    let path = root.join(given);
    if let Some(real) = leads_out(root, &path) {
        return Err(format!(
            "catalog {name:?} is a symbolic link to {}, outside the workspace folder; write an absolute path to use it anyway",
            real.display()
        ));
    }
    Ok(path)
}

/// Where `path`, below `root`, really lies if a symbolic link takes it out of `root`. A path
/// that does not exist yet is judged by the nearest folder above it that does, which is where
/// it would be created.
fn leads_out(root: &Path, path: &Path) -> Option<PathBuf> {
    let real_root = fs::canonicalize(root).ok()?;
    let real = path.ancestors().find_map(|p| fs::canonicalize(p).ok())?;
    (!real.starts_with(&real_root)).then_some(real)
}

/// Writes test files under `root` (folders made as needed); returns their paths, in order.
#[cfg(test)]
pub(crate) fn write_files(root: &Path, files: &[(&str, &str)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(path, text)| {
            let path = root.join(path);
            fs::create_dir_all(path.parent().expect("under the root")).unwrap();
            fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovery_honours_ignores_and_skips_build_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = [
            ("b.txt", "B"),
            ("a.md", "A"),
            ("a-z.md", "A"),
            ("a/y.md", "Y"),
            ("a/x/w.md", "W"),
            ("a/x.md", "X"),
            ("notes.json", "{}"),
            ("drafts/c.md", "C"),
            (".hidden/d.md", "D"),
            ("target/e.md", "E"),
            ("node_modules/f.md", "F"),
            (".gitignore", "drafts/\n"),
        ];
        write_files(root, &files);
        let found: Vec<_> = discover(root, &ArticleFilter::default())
            .into_iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        // In `Path` order, component by component: "a/…" before "a-z.md", unlike the bytes.
        let expected = ["a/x/w.md", "a/x.md", "a/y.md", "a-z.md", "a.md", "b.txt"];
        assert_eq!(found, expected);
        let mut sorted: Vec<PathBuf> = expected.iter().map(PathBuf::from).collect();
        sorted.sort();
        assert_eq!(sorted, expected.map(PathBuf::from));
    }

    #[test]
    fn reading_decodes_lossily_and_refuses_binary_and_large_files() {
        let dir = tempfile::tempdir().unwrap();
        let latin1 = dir.path().join("latin1.txt");
        fs::write(&latin1, b"Caf\xe9 talks").unwrap();
        let loaded = read_article(&latin1, 100).unwrap();
        assert!(loaded.lossy);
        assert_eq!(loaded.text, "Caf\u{fffd} talks");
        let binary = dir.path().join("x.txt");
        fs::write(&binary, b"PK\x03\x04\x00\x00").unwrap();
        assert_eq!(read_article(&binary, 100), Err(Skip::Binary));
        assert_eq!(
            read_article(&latin1, 5),
            Err(Skip::TooLarge { size: 10, limit: 5 })
        );
        assert!(matches!(
            read_article(&dir.path().join("gone.md"), 5),
            Err(Skip::Unreadable(_))
        ));
    }

    #[test]
    fn settings_merge_workspace_catalogs_and_refuse_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("dossier.json"), r#"{"catalogs": ["desk.json"]}"#).unwrap();
        fs::write(
            root.join("desk.json"),
            r#"{"actors": [{"id": "layla-nasser", "name": "Layla Nasser", "kind": "person"}]}"#,
        )
        .unwrap();
        let settings = load_settings(root).unwrap();
        let catalog = merged_catalog([&settings]);
        assert!(catalog.by_id("layla-nasser").is_some());
        assert!(catalog.by_id("geir-pedersen").is_some());
        assert_eq!(settings.catalog_paths, vec![root.join("desk.json")]);

        fs::write(
            root.join("dossier.json"),
            "{\n  \"catalogs\": [\"../elsewhere.json\"]\n}",
        )
        .unwrap();
        let err = load_settings(root).unwrap_err();
        let (path, line, column, message) = err.location();
        assert_eq!(
            (path.ends_with("dossier.json"), line, column),
            (true, 1, 15)
        );
        assert!(message.contains("outside the workspace"), "{message}");
    }
}
