//! `dossier.json`: which files are articles, which catalogs extend the default, how rules report.

use std::collections::BTreeMap;
use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::rules::RuleSettings;

/// The name of the configuration file at a workspace folder's root.
pub const FILE_NAME: &str = "dossier.json";

/// Files larger than this are skipped unless the configuration says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 5_000_000;

/// The most diagnostics the editor is sent for one document unless the configuration says
/// otherwise; the rest are counted in one more.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 1000;

/// Open documents larger than this are held but not analysed while open, unless the
/// configuration says otherwise.
pub const DEFAULT_MAX_LIVE_SIZE: usize = 5_000_000;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    /// Where the editor finds the JSON Schema; dossier itself does not read it.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    #[serde(default)]
    pub catalogs: Vec<String>,
    /// Globs of the files that are articles; unset, the editor's setting, else `**/*.md` and
    /// `**/*.txt`.
    #[serde(default)]
    pub articles: Option<Vec<String>>,
    /// Globs of the files that are never articles; unset, the editor's setting, else none.
    #[serde(default)]
    pub exclude: Option<Vec<String>>,
    #[serde(default = "default_max_file_size")]
    pub max_file_size: u64,
    /// The most diagnostics published for one document (the editor's; `dossier check` reports
    /// every finding).
    #[serde(default = "default_max_diagnostics")]
    pub max_diagnostics: usize,
    /// The largest document the editor has open that is analysed as it is typed, in bytes.
    #[serde(default = "default_max_live_size")]
    pub max_live_size: usize,
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
}

fn default_articles() -> Vec<String> {
    vec!["**/*.md".into(), "**/*.txt".into()]
}

fn default_max_file_size() -> u64 {
    DEFAULT_MAX_FILE_SIZE
}

fn default_max_diagnostics() -> usize {
    DEFAULT_MAX_DIAGNOSTICS
}

fn default_max_live_size() -> usize {
    DEFAULT_MAX_LIVE_SIZE
}

impl Default for Config {
    fn default() -> Self {
        Self {
            schema: None,
            catalogs: Vec::new(),
            articles: None,
            exclude: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            max_live_size: DEFAULT_MAX_LIVE_SIZE,
            rules: BTreeMap::new(),
        }
    }
}

/// A configuration that could not be used, with the place of the problem.
pub type ConfigError = crate::located::LocatedError;

impl Config {
    /// Parses the text of a `dossier.json`; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ConfigError> {
        let error = |line: usize, column: usize, message: String| ConfigError {
            path: path.to_owned(),
            line,
            column,
            message,
        };
        let config: Config = serde_json::from_str(text).map_err(|e| {
            error(
                e.line().saturating_sub(1),
                e.column().saturating_sub(1),
                e.to_string(),
            )
        })?;
        if let Err(message) = RuleSettings::from_config(&config.rules) {
            let code = config
                .rules
                .iter()
                .find(|(code, level)| {
                    RuleSettings::from_config(&BTreeMap::from([(
                        (*code).clone(),
                        (*level).clone(),
                    )]))
                    .is_err()
                })
                .map(|(code, _)| code.as_str())
                .unwrap_or("rules");
            let (line, column) = locate(text, code);
            return Err(error(line, column, message));
        }
        for glob in config.articles.iter().chain(&config.exclude).flatten() {
            if let Err(e) = Glob::new(glob) {
                let (line, column) = locate(text, glob);
                return Err(error(line, column, format!("bad glob {glob:?}: {e}")));
            }
        }
        Ok(config)
    }

    /// How each rule reports: these settings laid over the editor's.
    pub fn rule_settings(&self, editor: &EditorSettings) -> RuleSettings {
        let mut merged = editor.rules.clone();
        merged.extend(self.rules.clone());
        // `parse` checked this file's rules; an editor's bad entries are dropped one by one.
        RuleSettings::from_config(&merged).unwrap_or_else(|_| {
            let mut settings = RuleSettings::default();
            for (code, level) in merged {
                let one = BTreeMap::from([(code.clone(), level)]);
                if let Ok(s) = RuleSettings::from_config(&one) {
                    let _ = settings.set(&code, s.severity(&code));
                }
            }
            settings
        })
    }

    /// Which files under the folder are articles: the globs of this file where it sets them,
    /// else the editor's, else the defaults.
    pub fn filter(&self, editor: &EditorSettings) -> ArticleFilter {
        let articles = (self.articles.clone())
            .or_else(|| editor.articles.clone())
            .unwrap_or_else(default_articles);
        let exclude = (self.exclude.clone())
            .or_else(|| editor.exclude.clone())
            .unwrap_or_default();
        ArticleFilter {
            include: build(&articles),
            exclude: build(&exclude),
            globs: (articles, exclude),
        }
    }
}

/// The editor's own `dossier` settings (`workspace/configuration`), shaped like `dossier.json`:
/// what a folder's `dossier.json` leaves unset, so that a newsroom's file and its CI have the
/// last word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorSettings {
    pub rules: BTreeMap<String, String>,
    pub articles: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
}

impl EditorSettings {
    /// Reads the editor's answer, keeping what is usable: a wrong entry is left out, with a
    /// word on what is wrong with it, and costs the rest nothing.
    pub fn from_json(value: &serde_json::Value) -> (Self, Vec<String>) {
        let mut problems = Vec::new();
        let mut settings = Self::default();
        if let Some(rules) = value.get("rules").and_then(|r| r.as_object()) {
            for (code, level) in rules {
                match level.as_str() {
                    Some(level) => {
                        settings.rules.insert(code.clone(), level.to_owned());
                    }
                    None => problems.push(format!("dossier.rules.{code}: not a level: {level}")),
                }
            }
        }
        let mut globs = |key: &str| -> Option<Vec<String>> {
            let list = value.get(key).filter(|v| !v.is_null())?;
            let Some(list) = list.as_array() else {
                problems.push(format!("dossier.{key}: not a list of globs: {list}"));
                return None;
            };
            let mut kept = Vec::new();
            for glob in list {
                match glob.as_str().map(|g| (g, Glob::new(g))) {
                    Some((g, Ok(_))) => kept.push(g.to_owned()),
                    Some((g, Err(e))) => {
                        problems.push(format!("dossier.{key}: bad glob {g:?}: {e}"))
                    }
                    None => problems.push(format!("dossier.{key}: not a glob: {glob}")),
                }
            }
            Some(kept)
        };
        settings.articles = globs("articles");
        settings.exclude = globs("exclude");
        (settings, problems)
    }
}

/// The zero-based line and column of the first quoted occurrence of `needle` in `text`. The
/// column counts bytes, as serde_json's do, so that every settings error counts alike.
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    let quoted = serde_json::to_string(needle).unwrap_or_default();
    let at = text.find(&quoted).unwrap_or(0);
    let line = text[..at].matches('\n').count();
    let column = text[..at].rsplit('\n').next().map_or(0, str::len);
    (line, column)
}

fn build(globs: &[String]) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        // Checked in `parse`; the defaults are valid.
        if let Ok(glob) = Glob::new(glob) {
            builder.add(glob);
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

#[derive(Clone, Debug)]
pub struct ArticleFilter {
    /// The globs of `include` and `exclude`, to tell whether a change of settings changes
    /// which files are articles.
    globs: (Vec<String>, Vec<String>),
    include: GlobSet,
    exclude: GlobSet,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        Config::default().filter(&EditorSettings::default())
    }
}

impl PartialEq for ArticleFilter {
    fn eq(&self, other: &Self) -> bool {
        self.globs == other.globs
    }
}

impl ArticleFilter {
    /// Is the file at `relative` (to the workspace folder) an article?
    pub fn is_article(&self, relative: &Path) -> bool {
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_take_markdown_and_text() {
        let config = Config::parse(Path::new("dossier.json"), "{}").unwrap();
        assert_eq!(config, Config::default());
        let filter = config.filter(&EditorSettings::default());
        assert!(filter.is_article(Path::new("a.md")));
        assert!(filter.is_article(Path::new("news/2021/b.txt")));
        assert!(!filter.is_article(Path::new("catalog.json")));
    }

    #[test]
    fn globs_and_catalogs() {
        let text = r#"{ "$schema": "x", "catalogs": ["desk.json"], "articles": ["briefs/**/*.md"], "exclude": ["**/draft-*"] }"#;
        let config = Config::parse(Path::new("dossier.json"), text).unwrap();
        assert_eq!(config.catalogs, vec!["desk.json"]);
        let filter = config.filter(&EditorSettings::default());
        assert!(filter.is_article(Path::new("briefs/x/a.md")));
        assert!(!filter.is_article(Path::new("briefs/draft-a.md")));
        assert!(!filter.is_article(Path::new("a.md")));
    }

    #[test]
    fn rule_levels_are_checked_and_laid_over_the_editor_settings() {
        let text =
            "{\n  \"rules\": {\"hedged-report\": \"off\", \"unsourced-figure\": \"loud\"}\n}";
        let err = Config::parse(Path::new("dossier.json"), text).unwrap_err();
        assert_eq!((err.line, err.column), (1, 36), "{err}");
        assert!(err.message.contains("loud"), "{err}");
        let text = r#"{"rules": {"hedged-report": "off"}}"#;
        let config = Config::parse(Path::new("dossier.json"), text).unwrap();
        let (editor, problems) = EditorSettings::from_json(&serde_json::json!({"rules": {
            "hedged-report": "error",
            "unsourced-figure": "warning",
            "no-such-rule": "error",
            "anonymous-source": 3,
        }}));
        assert_eq!(problems, ["dossier.rules.anonymous-source: not a level: 3"]);
        let settings = config.rule_settings(&editor);
        assert_eq!(settings.severity("hedged-report"), None);
        assert_eq!(
            settings.severity("unsourced-figure"),
            Some(crate::rules::Severity::Warning)
        );
    }

    #[test]
    fn article_globs_of_the_file_win_over_the_editors_each_on_its_own() {
        let (editor, problems) = EditorSettings::from_json(&serde_json::json!({
            "articles": ["briefs/**/*.md", "["],
            "exclude": ["**/draft-*", 7],
        }));
        assert_eq!(
            editor.articles.as_deref(),
            Some(&["briefs/**/*.md".to_owned()][..])
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("dossier.articles: bad glob \"[\""),
            "{problems:?}"
        );
        assert_eq!(problems[1], "dossier.exclude: not a glob: 7");
        let parse = |text| Config::parse(Path::new("dossier.json"), text).unwrap();
        let is_article = |config: &Config, path| config.filter(&editor).is_article(Path::new(path));
        // The file sets neither: the editor's globs.
        let none = parse("{}");
        assert!(is_article(&none, "briefs/x/a.md"));
        assert!(!is_article(&none, "a.md"));
        assert!(!is_article(&none, "briefs/draft-a.md"));
        // The file sets the articles: its own, with the editor's exclusions.
        let articles = parse(r#"{"articles": ["**/*.md"]}"#);
        assert!(is_article(&articles, "a.md"));
        assert!(!is_article(&articles, "briefs/draft-a.md"));
        // An empty list in the file is a setting too: nothing excluded.
        let exclude = parse(r#"{"exclude": []}"#);
        assert!(is_article(&exclude, "briefs/draft-a.md"));
        assert!(!is_article(&exclude, "a.md"));
        // A filter equals another with the same globs, and only that.
        assert!(none.filter(&editor) == none.filter(&editor));
        assert!(none.filter(&editor) != none.filter(&EditorSettings::default()));
        // `null` is unset.
        let (unset, problems) = EditorSettings::from_json(&serde_json::json!({"articles": null}));
        assert_eq!((unset, problems.len()), (EditorSettings::default(), 0));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let err = Config::parse(Path::new("dossier.json"), "{\n  \"catalogs\": 3\n}").unwrap_err();
        assert_eq!(
            (err.line, err.message.contains("sequence")),
            (1, true),
            "{err}"
        );
        let err = Config::parse(Path::new("dossier.json"), "{\n  \"articels\": []\n}").unwrap_err();
        assert!(err.message.contains("articels"), "{err}");
        let err = Config::parse(
            Path::new("dossier.json"),
            "{\n  \"articles\": [\"a/[b\"]\n}",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (1, 15), "{err}");
        assert!(
            err.to_string().starts_with("dossier.json:2:16: bad glob"),
            "{err}"
        );
    }
}
