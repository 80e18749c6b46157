//! `inconsistent-spelling`: one actor spelled two ways in one article (Mekdad / Miqdad,
//! de Mistura / di Mistura). A reader cannot tell they are one person; a desk's style wants one.

use std::collections::BTreeSet;

use super::{Finding, Reads, Rule, Severity};
use rustc_hash::FxHashMap;

use std::borrow::Cow;
use std::ops::Range;

use crate::article::Article;
use crate::catalog::{ActorId, ActorKind, Catalog};
use crate::lexicon::{self, Classes};
use crate::mentions::surname_of;

pub static RULE: Rule = Rule {
    code: "inconsistent-spelling",
    default_severity: Severity::Warning,
    summary: "One actor spelled two ways in one article; the catalog's form is offered as a fix.",
    doc: "docs/rules/inconsistent-spelling.md",
    reads: Reads::Article(findings),
};

/// What a spelling is told by: its last word, lower-cased, without an Arabic particle but with
/// a European one ("Faisal Miqdad" → "miqdad", "Al-Assad" → "assad", "di Mistura" →
/// "di mistura").
fn key(spelling: &str) -> String {
    Key::of(spelling).lowered()
}

/// The parts of a [`key`] as written: the particle kept, if any, and the last word.
#[derive(Clone, Copy)]
struct Key<'a> {
    particle: Option<&'a str>,
    last: &'a str,
}

impl<'a> Key<'a> {
    fn of(spelling: &'a str) -> Self {
        let mut words = spelling.rsplit(' ');
        let last = words.next().unwrap_or(spelling);
        let last = last.rsplit('-').next().unwrap_or(last);
        let particle = words
            .next()
            .filter(|p| p.starts_with(char::is_lowercase) && p.len() <= 3);
        Self { particle, last }
    }

    /// Lower case, and one apostrophe: "O’Neill" and "O'Neill" differ in typography only.
    fn lowered(self) -> String {
        let last = self.last.to_lowercase().replace('’', "'");
        match self.particle {
            Some(particle) => format!("{particle} {last}"),
            None => last,
        }
    }

    /// Whether two spellings have one [`key`]; without allocating when both are ASCII.
    fn same(self, other: Key) -> bool {
        self.particle == other.particle
            && if self.last.is_ascii() && other.last.is_ascii() {
                self.last.eq_ignore_ascii_case(other.last)
            } else {
                Key {
                    particle: None,
                    ..self
                }
                .lowered()
                    == Key {
                        particle: None,
                        ..other
                    }
                    .lowered()
            }
    }
}

/// Two keys are spellings of one name when they are close (a transliteration), not different
/// names of one actor (a nom de guerre, a title).
fn variants(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longest = a.len().max(b.len());
    longest > 0 && edit_distance(&a, &b) * 3 <= longest
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A mention as the name is spelled: a sentence's first word takes a capital whatever it is,
/// so a particle capitalised there ("De Mistura said") is the particle ("de Mistura").
fn spelled<'t>(text: &'t str, range: &Range<usize>) -> Cow<'t, str> {
    let written = &text[range.clone()];
    let first = written.split(' ').next().unwrap_or(written);
    let capitalised_particle = first.len() < written.len()
        && first.starts_with(|c: char| c.is_uppercase())
        && lexicon::is_any_case(first, Classes::NAME_PARTICLE);
    if !capitalised_particle || !starts_sentence(&text[..range.start]) {
        return Cow::Borrowed(written);
    }
    Cow::Owned(first.to_lowercase() + &written[first.len()..])
}

/// Whether what follows `before` starts a sentence: nothing but white space and opening quotes
/// or brackets since a full stop, a question or exclamation mark, a line break or a Markdown
/// heading's or list's mark.
fn starts_sentence(before: &str) -> bool {
    let rest = before.trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c));
    rest.is_empty()
        || before[rest.len()..].contains('\n')
        || rest.ends_with(['.', '!', '?', '#', '*'])
}

pub fn findings(catalog: &Catalog, article: &Article, severity: Severity) -> Vec<Finding> {
    let mut out = Vec::new();
    // Whom the article may spell more than one way: each person's mentions against the first,
    // without building keys in the common case of one spelling throughout. A capital that only
    // starts a sentence is told apart below, for these few.
    // (With the last other spelling found to have the first's key, "Trump" after "Donald
    // Trump": most mentions are written one of the two ways, and need no key of their own.)
    let mut first: FxHashMap<ActorId, (&str, Key, &str)> = FxHashMap::default();
    let mut spelled_apart = BTreeSet::new();
    for mention in article.mentions.iter().filter(|m| m.names()) {
        let Some(actor) = mention.target.actor() else {
            continue;
        };
        if catalog.get(actor).kind != ActorKind::Person {
            continue;
        }
        let written = &article.text[mention.range.clone()];
        let (spelled, key, same) = first
            .entry(actor)
            .or_insert_with(|| (written, Key::of(written), written));
        if written == *spelled || written == *same {
            continue;
        }
        if Key::of(written).same(*key) {
            *same = written;
        } else {
            spelled_apart.insert(actor);
        }
    }
    for actor in spelled_apart {
        let mentions: Vec<_> = article
            .mentions
            .iter()
            .filter(|m| m.names() && m.target.actor() == Some(actor))
            .collect();
        let spellings: Vec<Cow<str>> = mentions
            .iter()
            .map(|m| spelled(&article.text, &m.range))
            .collect();
        let keys: BTreeSet<String> = spellings.iter().map(|s| key(s)).collect();
        let a = catalog.get(actor);
        let surname = surname_of(a).unwrap_or_else(|| a.name.clone());
        let preferred = key(&surname);
        let spelled: Vec<&String> = keys.iter().filter(|k| variants(k, &preferred)).collect();
        if spelled.len() < 2 {
            continue;
        }
        // Each spelling as the text first writes it, in the order they come.
        let mut forms: Vec<(String, &str)> = Vec::new();
        for (mention, spelling) in mentions.iter().zip(&spellings) {
            let k = key(spelling);
            if variants(&k, &preferred) && !forms.iter().any(|(seen, _)| *seen == k) {
                forms.push((k, &article.text[mention.range.clone()]));
            }
        }
        let forms: Vec<&str> = forms.into_iter().map(|(_, written)| written).collect();
        for (mention, spelling) in mentions.iter().zip(&spellings) {
            let written = &article.text[mention.range.clone()];
            let k = key(spelling);
            if k == preferred || !variants(&k, &preferred) {
                continue;
            }
            let words = |s: &str| s.split(' ').count();
            let suggestion = if words(written) <= words(&surname) {
                surname.clone()
            } else {
                a.name.clone()
            };
            out.push(Finding {
                code: RULE.code,
                severity,
                range: mention.range.clone(),
                message: format!(
                    "{} is spelled more than one way in this article ({}). Readers may take them for \
                     different people; use one spelling throughout — the catalog writes “{}”.",
                    a.name,
                    forms.join(", "),
                    suggestion
                ),
                related: Vec::new(),
                suggestion: Some(suggestion),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use crate::mentions::Matcher;
    use std::path::PathBuf;

    fn check(text: &str) -> Vec<(String, Option<String>)> {
        let catalog = default_catalog();
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        findings(&catalog, &article, Severity::Warning)
            .into_iter()
            .map(|f| (text[f.range].to_owned(), f.suggestion))
            .collect()
    }

    #[test]
    fn two_transliterations_in_one_article() {
        let found =
            check("Foreign Minister Faisal Mekdad arrived. Miqdad said the talks were useful.");
        assert_eq!(
            found,
            vec![("Miqdad".to_owned(), Some("Mekdad".to_owned()))]
        );
        let found = check("Staffan de Mistura spoke. Later di Mistura left.");
        assert_eq!(
            found,
            vec![("di Mistura".to_owned(), Some("de Mistura".to_owned()))]
        );
    }

    #[test]
    fn a_particle_capitalised_at_a_sentence_start_is_the_same_spelling() {
        for text in [
            "Staffan de Mistura spoke in Geneva. De Mistura’s plan found support.",
            "Staffan de Mistura spoke.\n\n“De Mistura will stay,” an aide said.",
        ] {
            assert!(check(text).is_empty(), "{text}");
        }
        // Inside a sentence the capital is a spelling of its own.
        assert_eq!(
            check("Staffan de Mistura spoke, and De Mistura left.").len(),
            1
        );
    }

    #[test]
    fn a_curly_apostrophe_is_the_same_spelling() {
        let text = "Talks opened in N’Djamena on Monday. N'Djamena hosted them.";
        let catalog = default_catalog();
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        assert_eq!(article.mentions.len(), 2);
        assert!(check(text).is_empty(), "{:?}", check(text));
    }

    #[test]
    fn the_message_lists_the_spellings_the_text_has() {
        let catalog = default_catalog();
        let text = "Staffan de Mistura spoke. Later di Mistura left. De Mistura returned.";
        let article = Article::analyze(PathBuf::from("a.md"), text.into(), &Matcher::new(&catalog));
        let found = findings(&catalog, &article, Severity::Warning);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("(Staffan de Mistura, di Mistura)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn one_spelling_or_another_name_is_not_inconsistent() {
        assert!(check("Faisal Miqdad arrived. Miqdad spoke.").is_empty());
        assert!(check("Bashar al-Assad spoke. Al-Assad left. Assad’s men stayed.").is_empty());
        // A nom de guerre is a different name, not a spelling.
        assert!(check(
            "Ahmed al-Sharaa, once known as Abu Mohammad al-Jolani, spoke. Al-Sharaa left."
        )
        .is_empty());
    }

    #[test]
    fn distance() {
        assert!(variants("mekdad", "miqdad"));
        assert!(variants("asad", "assad"));
        assert!(!variants("jolani", "sharaa"));
    }
}
