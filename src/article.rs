//! One article's analysis: pure and immutable, rebuilt whole when its text changes (articles
//! are small; a rebuild costs less than keeping one up to date).

use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::mentions::{Matcher, Mention, Spelled};
use crate::text::{article_date, Date, LineIndex};

#[derive(Clone, Debug)]
pub struct Article {
    pub path: PathBuf,
    pub text: String,
    pub lines: LineIndex,
    /// Worked out when first asked: hover cards and introductions need it, the rules do not.
    date: OnceLock<Option<Date>>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

impl Article {
    pub fn analyze(path: PathBuf, text: String, matcher: &Matcher) -> Self {
        let spelled = matcher.spelled(&text);
        Self::analyze_with(path, text, matcher, &spelled)
    }

    /// [`Article::analyze`], the catalog's spellings read from `spelled` (of `text`).
    pub fn analyze_with(path: PathBuf, text: String, matcher: &Matcher, spelled: &Spelled) -> Self {
        let mentions = matcher.find_with(&text, spelled);
        Self::with_mentions(path, text, mentions)
    }

    /// [`Article::analyze_with`] with only the mentions that name their actor
    /// ([`Mention::names`]; [`Matcher::find_by_name_with`]): what the rules read, and so what
    /// `dossier check` needs, where finding the references besides cost 7 % of its work.
    pub fn by_name_with(path: PathBuf, text: String, matcher: &Matcher, spelled: &Spelled) -> Self {
        let mentions = matcher.find_by_name_with(&text, spelled);
        Self::with_mentions(path, text, mentions)
    }

    fn with_mentions(path: PathBuf, text: String, mentions: Vec<Mention>) -> Self {
        Self {
            path,
            lines: LineIndex::new(&text),
            date: OnceLock::new(),
            mentions,
            text,
        }
    }

    /// Analyses articles again, in parallel, with the matcher of a catalog that changed.
    pub fn analyze_again(articles: Vec<Article>, matcher: &Matcher) -> Vec<Article> {
        use rayon::prelude::*;
        articles
            .into_par_iter()
            .map(|a| Article::analyze(a.path, a.text, matcher))
            .collect()
    }

    /// The article's own date (front matter, or a dateline near the top).
    pub fn date(&self) -> Option<Date> {
        *self.date.get_or_init(|| article_date(&self.text))
    }

    /// The index of the mention covering a byte offset; a cursor just after a name counts.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.range.end < offset);
        self.mentions
            .get(i)
            .filter(|m| m.range.start <= offset && offset <= m.range.end)
            .map(|_| i)
    }

    /// The mention a relative pronoun at `words` stands for: "Haddad, who said" is Haddad's
    /// word, the name right before it. None for other words.
    pub fn antecedent(&self, words: &Range<usize>) -> Option<&Mention> {
        if !matches!(&self.text[words.clone()], "who" | "which") {
            return None;
        }
        let before = self.text[..words.start].trim_end_matches([' ', ',']);
        let at = self
            .mentions
            .partition_point(|m| m.range.end <= before.len());
        at.checked_sub(1)
            .map(|i| &self.mentions[i])
            .filter(|m| m.range.end == before.len())
    }

    /// The line holding `range`, for a one-line excerpt.
    pub fn excerpt(&self, range: &Range<usize>) -> &str {
        let line = self.lines.line_of(range.start);
        &self.text[self.lines.line_range(&self.text, line)]
    }
}
