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

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    /// Where the editor finds the JSON Schema; dossier itself does not read it.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    #[serde(default)]
    pub catalogs: Vec<String>,
    #[serde(default = "default_articles")]
    pub articles: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default = "default_max_file_size")]
    pub max_file_size: u64,
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
}

fn default_articles() -> Vec<String> {
    vec!["**/*.md".into(), "**/*.txt".into()]
}

fn default_max_file_size() -> u64 {
    DEFAULT_MAX_FILE_SIZE
}

impl Default for Config {
    fn default() -> Self {
        Self {
            schema: None,
            catalogs: Vec::new(),
            articles: default_articles(),
            exclude: Vec::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
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
        for glob in config.articles.iter().chain(&config.exclude) {
            if let Err(e) = Glob::new(glob) {
                let (line, column) = locate(text, glob);
                return Err(error(line, column, format!("bad glob {glob:?}: {e}")));
            }
        }
        Ok(config)
    }

    /// How each rule reports, these settings laid over `base` (an editor's own settings).
    pub fn rule_settings(&self, base: &BTreeMap<String, String>) -> RuleSettings {
        let mut merged = base.clone();
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

    /// Which files under the folder are articles.
    pub fn filter(&self) -> ArticleFilter {
        ArticleFilter {
            include: build(&self.articles),
            exclude: build(&self.exclude),
        }
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
    include: GlobSet,
    exclude: GlobSet,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        Config::default().filter()
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
        let filter = config.filter();
        assert!(filter.is_article(Path::new("a.md")));
        assert!(filter.is_article(Path::new("news/2021/b.txt")));
        assert!(!filter.is_article(Path::new("catalog.json")));
    }

    #[test]
    fn globs_and_catalogs() {
        let text = r#"{ "$schema": "x", "catalogs": ["desk.json"], "articles": ["briefs/**/*.md"], "exclude": ["**/draft-*"] }"#;
        let config = Config::parse(Path::new("dossier.json"), text).unwrap();
        assert_eq!(config.catalogs, vec!["desk.json"]);
        let filter = config.filter();
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
        let editor = BTreeMap::from([
            ("hedged-report".to_owned(), "error".to_owned()),
            ("unsourced-figure".to_owned(), "warning".to_owned()),
            ("no-such-rule".to_owned(), "error".to_owned()),
        ]);
        let settings = config.rule_settings(&editor);
        assert_eq!(settings.severity("hedged-report"), None);
        assert_eq!(
            settings.severity("unsourced-figure"),
            Some(crate::rules::Severity::Warning)
        );
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
