//! The server's state: the workspace index, the open documents and the folders' settings, and
//! the work of bringing files from disk into the index.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier::article::Article;
use dossier::config::{ArticleFilter, Config, EditorSettings};
use dossier::files::{self, Settings, SettingsError, Skip};
use dossier::mentions::Matcher;
use dossier::rules::RuleSettings;
use dossier::text::Document;
use dossier::workspace::Workspace;

/// A workspace folder and the settings last read from it without error.
pub struct Folder {
    pub root: PathBuf,
    pub settings: Settings,
    pub filter: ArticleFilter,
}

impl Folder {
    pub fn new(root: PathBuf, settings: Settings, editor: &EditorSettings) -> Self {
        let filter = settings.config.filter(editor);
        Self {
            root,
            settings,
            filter,
        }
    }
}

pub struct State {
    pub workspace: Workspace,
    pub folders: Vec<Folder>,
    pub open: HashMap<PathBuf, Document>,
    /// Articles read from disk that were not valid UTF-8.
    pub lossy: HashSet<PathBuf>,
    /// The editor's own settings; a folder's `dossier.json` overrides them.
    pub editor: EditorSettings,
    /// The catalog files that show clashing names now, to be cleared once fixed.
    pub clashes_shown: HashSet<PathBuf>,
    /// Open documents over the live-analysis limit, with their size: held, not analysed.
    pub not_live: HashMap<PathBuf, usize>,
}

impl State {
    pub fn new() -> Self {
        Self {
            workspace: Workspace::new(files::merged_catalog([])),
            folders: Vec::new(),
            open: HashMap::new(),
            lossy: HashSet::new(),
            editor: EditorSettings::default(),
            clashes_shown: HashSet::new(),
            not_live: HashMap::new(),
        }
    }

    /// The configuration that applies to a path: its folder's, or the defaults.
    pub fn config(&self, path: &Path) -> Config {
        self.folder_of(path)
            .map(|f| f.settings.config.clone())
            .unwrap_or_default()
    }

    /// Takes an open document's text into the index, unless it is larger than its folder lets
    /// be analysed live (`maxLiveSize`): then it leaves the index until it is small enough or
    /// closed, and the document alone keeps its text.
    pub fn update_open(&mut self, path: &Path, text: String) {
        if text.len() > self.config(path).max_live_size {
            self.not_live.insert(path.to_owned(), text.len());
            self.workspace.remove(path);
        } else {
            self.not_live.remove(path);
            self.workspace.update(path.to_owned(), text);
        }
    }

    /// How the rules report on a file: its folder's `dossier.json` over the editor's settings.
    pub fn rule_settings(&self, path: &Path) -> RuleSettings {
        match self.folder_of(path) {
            Some(folder) => folder.settings.config.rule_settings(&self.editor),
            None => Config::default().rule_settings(&self.editor),
        }
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        self.folders.iter().map(|f| f.root.clone()).collect()
    }

    /// The folder a path lies in.
    pub fn folder_of(&self, path: &Path) -> Option<&Folder> {
        self.folders
            .iter()
            .filter(|f| path.starts_with(&f.root))
            .max_by_key(|f| f.root.as_os_str().len())
    }

    /// Is a file on disk an article of one of the folders?
    pub fn is_article(&self, path: &Path) -> bool {
        self.folder_of(path).is_some_and(|f| {
            path.strip_prefix(&f.root)
                .is_ok_and(|rel| f.filter.is_article(rel))
        })
    }

    /// Takes the editor's settings; returns whether they change which files are articles in
    /// some folder.
    pub fn set_editor(&mut self, editor: EditorSettings) -> bool {
        self.editor = editor;
        let mut changed = false;
        for folder in &mut self.folders {
            let filter = folder.settings.config.filter(&self.editor);
            changed |= filter != folder.filter;
            folder.filter = filter;
        }
        changed
    }

    /// Drops from the index the files that the settings no longer make articles (open
    /// documents stay: they are the editor's).
    pub fn drop_non_articles(&mut self) {
        let gone: Vec<PathBuf> = self
            .workspace
            .articles()
            .map(|(_, article)| &article.path)
            .filter(|path| !self.open.contains_key(*path) && !self.is_article(path))
            .cloned()
            .collect();
        for path in gone {
            self.workspace.remove(&path);
            self.lossy.remove(&path);
        }
    }

    /// Is a file one that the settings are read from (a `dossier.json` or a catalog it names)?
    pub fn is_settings_file(&self, path: &Path) -> bool {
        path.file_name()
            .is_some_and(|n| n == dossier::config::FILE_NAME)
            || self
                .folders
                .iter()
                .any(|f| f.settings.catalog_paths.iter().any(|p| p == path))
    }

    /// Takes a folder's annotations (its `.dossier/annotations.jsonl`) into the index.
    pub fn set_notes(&mut self, root: &Path, store: dossier::annotations::Store) {
        self.workspace.set_annotations(root, store.by_article(root));
    }

    /// Rebuilds the catalog from the folders' settings and re-analyses every article.
    pub fn refresh_catalog(&mut self) {
        let catalog = files::merged_catalog(self.folders.iter().map(|f| &f.settings));
        self.workspace.set_catalog(catalog);
    }

    /// What bringing a file's disk state into the index takes (after a change on disk or a
    /// close): nothing for an open document, which is the editor's; a removal when it is gone or
    /// no longer an article; else a read, done off the lock ([`Sync::read`]).
    pub fn sync_plan(&self, path: &Path) -> Sync {
        if self.open.contains_key(path) {
            return Sync::Leave;
        }
        match self.folder_of(path).filter(|_| self.is_article(path)) {
            Some(folder) => Sync::Read {
                root: folder.root.clone(),
                limit: folder.settings.config.max_file_size,
                matcher: self.workspace.matcher(),
            },
            None => Sync::Remove,
        }
    }

    /// Takes a file's disk state into the index, as [`State::sync_plan`] planned and
    /// [`Sync::read`] read it — unless the editor opened the file meanwhile; analysed again here
    /// if the catalog changed while it was read.
    pub fn apply_sync(&mut self, path: &Path, synced: Synced) -> Option<Skip> {
        if self.open.contains_key(path) {
            return None;
        }
        match synced {
            Synced::Leave => None,
            Synced::Remove => {
                self.workspace.remove(path);
                None
            }
            Synced::Read(Ok((article, lossy, matcher))) => {
                self.note_lossy(path, lossy);
                if Arc::ptr_eq(&matcher, &self.workspace.matcher()) {
                    self.workspace.insert(article);
                } else {
                    self.workspace.update(path.to_owned(), article.text);
                }
                None
            }
            Synced::Read(Err(skip)) => {
                self.workspace.remove(path);
                Some(skip)
            }
        }
    }

    fn note_lossy(&mut self, path: &Path, lossy: bool) {
        if lossy {
            self.lossy.insert(path.to_owned());
        } else {
            self.lossy.remove(path);
        }
    }

    pub fn insert_loaded(&mut self, batch: files::Batch) {
        let lossy: HashSet<PathBuf> = batch.lossy.into_iter().collect();
        // An editor may have opened a file while it was being read.
        let articles: Vec<_> = batch
            .articles
            .into_iter()
            .filter(|article| !self.open.contains_key(&article.path))
            .collect();
        for article in &articles {
            let was_lossy = lossy.contains(&article.path);
            self.note_lossy(&article.path, was_lossy);
        }
        self.workspace.insert_all(articles);
    }
}

/// How a file's disk state comes into the index.
pub enum Sync {
    /// An open document: the editor's text stands.
    Leave,
    /// Gone, or no article (any more).
    Remove,
    /// Read it from under its folder's root, within the size limit, and analyse it with the
    /// workspace's automaton of the time.
    Read {
        root: PathBuf,
        limit: u64,
        matcher: Arc<Matcher>,
    },
}

/// A plan carried out: what to leave, to remove, or what was read and analysed off the lock
/// (the article, whether it was decoded lossily, and the automaton it was analysed with; or why
/// it was left out).
pub enum Synced {
    Leave,
    Remove,
    Read(Result<(Article, bool, Arc<Matcher>), Skip>),
}

impl Sync {
    /// Does the slow part of the plan — reading and analysing the file — without the lock.
    pub fn read(self, path: &Path) -> Synced {
        match self {
            Sync::Leave => Synced::Leave,
            Sync::Remove => Synced::Remove,
            Sync::Read {
                root,
                limit,
                matcher,
            } => Synced::Read(
                files::read_workspace_article(&root, path, limit).map(|loaded| {
                    let article = Article::analyze(path.to_owned(), loaded.text, &matcher);
                    (article, loaded.lossy, matcher)
                }),
            ),
        }
    }
}

/// Loads settings for a folder, reporting an error without giving up the folder.
pub fn load_folder(root: &Path) -> (Settings, Option<SettingsError>) {
    match files::load_settings(root) {
        Ok(settings) => (settings, None),
        Err(e) => (Settings::default(), Some(e)),
    }
}

/// The shared state, locked for short, synchronous sections only.
pub type Shared = Arc<std::sync::RwLock<State>>;
