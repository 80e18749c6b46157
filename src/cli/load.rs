//! Finding a workspace from the shell: the folder's settings, its catalog and its articles —
//! the same files and the same analysis the language server sees — read into an index across
//! them for the commands that ask for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier::annotations::Annotation;
use dossier::catalog::Catalog;
use dossier::config::{ArticleFilter, EditorSettings};
use dossier::files::{self, SettingsError};
use dossier::mentions::Matcher;
use dossier::workspace::Workspace;

/// A workspace as the command line finds it, before its articles are read: the settings of the
/// folder that governs the paths, the catalog files merged, and the articles under the paths.
pub struct Plan {
    pub settings: files::Settings,
    /// The catalog files, merged.
    pub catalog: Catalog,
    /// The automaton of the catalog's names.
    pub matcher: Arc<Matcher>,
    /// The articles, sorted.
    pub articles: Vec<PathBuf>,
}

impl Plan {
    /// Reads and analyses the articles, reporting on stderr what could not be read, and makes
    /// them a workspace: the index across them, with the people they introduce made actors.
    pub fn into_workspace(self) -> Workspace {
        let batch = files::load(
            &self.articles,
            self.settings.config.max_file_size,
            &self.matcher,
        );
        report_unread(&batch.skipped, &batch.lossy);
        let mut workspace = Workspace::with_matcher(self.catalog, self.matcher);
        workspace.insert_all(batch.articles);
        workspace.refresh_discovered();
        workspace
    }
}

/// The folder whose `dossier.json` governs a path: the nearest ancestor (or the path itself)
/// holding one, else the current folder.
pub fn root_for(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    absolute
        .ancestors()
        .find(|dir| dir.join(dossier::config::FILE_NAME).is_file())
        .map(Path::to_owned)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
}

/// The root whose annotations a command reads: the folder of the settings file `config`
/// names, else the folder that governs `path`.
pub fn annotations_root(path: &Path, config: Option<&Path>) -> PathBuf {
    match config.and_then(Path::parent) {
        Some(folder) => std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned()),
        None => root_for(path),
    }
}

/// The annotations of the workspace at `root`, by article (absolute paths); what cannot be read
/// of the annotations file is said on stderr. A workspace without one costs a failed open.
pub fn annotations(root: &Path) -> HashMap<PathBuf, Vec<Annotation>> {
    match files::read_annotations(root) {
        None => HashMap::new(),
        Some(Err(e)) => {
            eprintln!("dossier: warning: {e}");
            HashMap::new()
        }
        Some(Ok((store, errors))) => {
            for e in errors {
                eprintln!("dossier: warning: {e}");
            }
            store.by_article(root)
        }
    }
}

/// The annotations of the article at `path` (as given on the command line) among `all`.
pub fn annotations_of<'a>(
    all: &'a HashMap<PathBuf, Vec<Annotation>>,
    path: &Path,
) -> &'a [Annotation] {
    if all.is_empty() {
        return &[];
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    all.get(&absolute).map_or(&[], Vec::as_slice)
}

/// The articles under `paths`, sorted: folders are walked with the workspace's filter, files are
/// taken as given.
pub fn article_paths(paths: &[PathBuf], filter: &ArticleFilter) -> Vec<PathBuf> {
    let mut articles: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_dir() {
            articles.extend(files::discover(path, filter));
        } else {
            articles.push(path.clone());
        }
    }
    articles.sort();
    articles.dedup();
    articles
}

/// The settings for `path`: those of the file named by `config`, else of the folder that
/// governs `path`. Catalog entries that clash with other actors' names are warned of on stderr.
pub fn settings_for(path: &Path, config: Option<&Path>) -> Result<files::Settings, SettingsError> {
    let settings = match config {
        Some(file) => files::load_settings_file(file)?,
        None => files::load_settings(&root_for(path))?,
    };
    for (origin, problem) in files::catalog_clashes(&[&settings]) {
        eprintln!(
            "dossier: warning: {}:{}: {problem}",
            origin.path.display(),
            origin.line + 1
        );
    }
    Ok(settings)
}

/// The workspace of the articles under `paths` (folders are walked, files taken as given),
/// with the settings of `config`, else of the folder that governs the first path.
pub fn plan(paths: &[PathBuf], config: Option<&Path>) -> Result<Plan, SettingsError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let settings = settings_for(&paths[0], config)?;
    // The catalog's automaton is built while the folders are walked.
    let (articles, (catalog, matcher)) = rayon::join(
        || article_paths(paths, &settings.config.filter(&EditorSettings::default())),
        || {
            let catalog = files::merged_catalog([&settings]);
            let matcher = Arc::new(Matcher::new(&catalog));
            (catalog, matcher)
        },
    );
    Ok(Plan {
        settings,
        catalog,
        matcher,
        articles,
    })
}

/// Plans like [`plan`]; a configuration error is reported on stderr and becomes the usage-error
/// exit code.
pub fn plan_reporting(
    paths: &[PathBuf],
    config: Option<&Path>,
) -> Result<Plan, std::process::ExitCode> {
    plan(paths, config).map_err(usage_error)
}

/// A configuration error, reported on stderr, as the usage-error exit code.
pub fn usage_error(e: SettingsError) -> std::process::ExitCode {
    eprintln!("dossier: {e}");
    std::process::ExitCode::from(super::USAGE_ERROR)
}

/// Says on stderr which files could not be read, and which were read with replacement
/// characters.
pub fn report_unread(skipped: &[(PathBuf, files::Skip)], lossy: &[PathBuf]) {
    for (path, skip) in skipped {
        eprintln!("dossier: {}: {skip}", path.display());
    }
    for path in lossy {
        eprintln!(
            "dossier: {}: not valid UTF-8; read with replacement characters",
            path.display()
        );
    }
}
