//! Loading a workspace from the shell: the folder's settings and its articles, analysed, and
//! the index across them for the commands that ask for it — the same files and the same
//! analysis the language server sees.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier::article::Article;
use dossier::catalog::Catalog;
use dossier::config::ArticleFilter;
use dossier::files::{self, SettingsError};
use dossier::mentions::Matcher;
use dossier::workspace::Workspace;

/// Articles read from paths given on the command line and analysed with the catalog files.
pub struct Loaded {
    /// The settings of the workspace folder that governs the paths.
    pub settings: files::Settings,
    /// The catalog files, merged; the articles' mentions are of its actors.
    pub catalog: Catalog,
    matcher: Arc<Matcher>,
    pub articles: Vec<Article>,
    /// Files skipped, with the reason.
    pub skipped: Vec<(PathBuf, files::Skip)>,
    /// Files decoded with replacement characters.
    pub lossy: Vec<PathBuf>,
}

impl Loaded {
    /// The workspace of these articles: the index across them, with the people they
    /// introduce made actors.
    pub fn into_workspace(self) -> Workspace {
        let mut workspace = Workspace::with_matcher(self.catalog, self.matcher);
        workspace.insert_all(self.articles);
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

/// Loads the articles under `paths` (folders are walked, files taken as given) with the
/// settings of the workspace that holds the first of them.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, SettingsError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let root = root_for(&paths[0]);
    let settings = files::load_settings(&root)?;
    // The catalog's automaton is built while the folders are walked.
    let (articles, (catalog, matcher)) = rayon::join(
        || article_paths(paths, &settings.config.filter()),
        || {
            let catalog = files::merged_catalog([&settings]);
            let matcher = Arc::new(Matcher::new(&catalog));
            (catalog, matcher)
        },
    );
    let batch = files::load(&articles, settings.config.max_file_size, &matcher);
    Ok(Loaded {
        settings,
        catalog,
        matcher,
        articles: batch.articles,
        skipped: batch.skipped,
        lossy: batch.lossy,
    })
}

/// Loads like [`load`], reporting on stderr what could not be read; a configuration error is
/// reported too and becomes the usage-error exit code.
pub fn load_reporting(paths: &[PathBuf]) -> Result<Loaded, std::process::ExitCode> {
    let loaded = load(paths).map_err(|e| {
        eprintln!("dossier: {e}");
        std::process::ExitCode::from(super::USAGE_ERROR)
    })?;
    for (path, skip) in &loaded.skipped {
        eprintln!("dossier: {}: {skip}", path.display());
    }
    for path in &loaded.lossy {
        eprintln!(
            "dossier: {}: not valid UTF-8; read with replacement characters",
            path.display()
        );
    }
    Ok(loaded)
}
