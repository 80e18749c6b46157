//! Role references: "the minister", "the envoy", "the businessman" standing for the person the
//! article has named with that role. Only people named earlier in the same article are
//! candidates: a title alone never reaches into the catalog ("the president" of an article that
//! names no president is nobody), and a title that fits two of them names neither for certain.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{Form, Mention, Target};
use crate::catalog::{Actor, ActorId, Role};
use crate::grammar::{self, Pos};
use crate::lexicon::{self, Classes};
use crate::text::{padded, Date, Prefixes};

/// One of a person's roles as role references need it: its role words ("minister") and every
/// word of its title and organisation, in lower case, and when it was held.
struct Title {
    role_words: Box<[String]>,
    words: Box<[String]>,
    held: Role,
}

impl Title {
    fn of(role: &Role) -> Self {
        let split = |t: &'_ str| {
            t.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        // ("an Irish aid worker who is no relation of the American ambassador": a relative
        // clause in a role the text gives says something else, and holds no role word of it.)
        let relative = |w: &String| matches!(w.as_str(), "who" | "whose" | "which" | "that");
        let title = split(&role.title).into_iter().take_while(|w| !relative(w));
        let mut words: Vec<String> = title
            .chain(role.organization.iter().flat_map(|o| split(o)))
            .collect();
        words.sort_unstable();
        words.dedup();
        let role_words = words
            .iter()
            .filter(|w| lexicon::is(w, Classes::ROLE_WORD))
            .cloned()
            .collect();
        Self {
            role_words,
            words: words.into(),
            held: role.clone(),
        }
    }

    fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether "the `modifiers` `role_word` of `complement`" (in lower case, but the
    /// complement's capitalised words) may name whoever holds this role: the title holds the
    /// role word, the offices before it and the complement ("the deputy minister" is not the
    /// minister, nor "the foreign minister" the finance minister; "the former minister" may be
    /// either), and the reference says any second rank the title has ("the foreign minister"
    /// is not the deputy foreign minister).
    fn fits(&self, role_word: &str, modifiers: &[String], complement: &[&str]) -> bool {
        self.role_words.iter().any(|r| r == role_word)
            && modifiers
                .iter()
                .filter(|m| lexicon::is(m, Classes::STATE_TITLE))
                .all(|m| self.has(m))
            && complement.iter().all(|w| self.has(w))
            && self
                .words
                .iter()
                .filter(|w| lexicon::is(w, Classes::SECOND_RANK))
                .all(|w| modifiers.contains(w))
    }
}

/// What a person's roles say of them, as role references need it.
#[derive(Default)]
pub(super) struct Titles(Box<[Title]>);

impl Titles {
    pub fn of(actor: &Actor) -> Self {
        Self(actor.roles.iter().map(Title::of).collect())
    }

    /// Whether one of these roles may be what `written` names, with the words of its
    /// `complement`: `Some(true)` by a role held at the article's date (any role, when it has
    /// none), `Some(false)` by a role of another time, for a person who held none then (a former
    /// envoy is still "the envoy" of an article about him, unless someone else held it then).
    fn fit(&self, written: &Written, complement: &[&str]) -> Option<bool> {
        // A role of no time is held whatever the date: the article's is read only for the others.
        let held = |t: &Title| {
            let undated = t.held.from.is_none() && t.held.to.is_none();
            undated || written.date().is_none_or(|d| t.held.held_on(d))
        };
        let fits = |t: &Title| t.fits(written.role_word, written.modifiers, complement);
        if self.0.iter().any(held) {
            self.0.iter().any(|t| held(t) && fits(t)).then_some(true)
        } else {
            self.0.iter().any(fits).then_some(false)
        }
    }
}

/// Each role word of the people `mentions` name, with where each of them is first named:
/// `titles` by actor.
fn named<'t>(
    mentions: &[Mention],
    titles: impl Fn(ActorId) -> &'t Titles,
) -> FxHashMap<&'t str, Vec<(usize, ActorId)>> {
    let mut named: FxHashMap<&str, Vec<(usize, ActorId)>> = FxHashMap::default();
    // Each person's first mention alone: an article names the same few people again and again,
    // and their role words are where it first does.
    let mut met = Vec::new();
    for m in mentions {
        let Target::Actor(actor) = m.target else {
            continue;
        };
        if met.contains(&actor) {
            continue;
        }
        met.push(actor);
        for role in titles(actor).0.iter().flat_map(|t| t.role_words.iter()) {
            let people = named.entry(role).or_default();
            if !people.iter().any(|&(_, a)| a == actor) {
                people.push((m.range.start, actor));
            }
        }
    }
    named
}

/// Whether a role reference that [`add_references`] adds to `mentions` may cover a byte of one
/// of the `ranges` of `text`: a reference is a word of letters, digits and hyphens that is a
/// role word of someone named, so none can where no such word overlaps.
pub(super) fn may_cover<'t>(
    text: &str,
    mentions: &[Mention],
    titles: impl Fn(ActorId) -> &'t Titles,
    mut ranges: impl Iterator<Item = Range<usize>>,
) -> bool {
    let named = named(mentions, titles);
    let in_word = |c: char| c.is_alphanumeric() || c == '-';
    !named.is_empty()
        && ranges.any(|range| {
            // The words that overlap `range`, whole.
            let start = text[..range.start].trim_end_matches(in_word).len();
            let end = text.len() - text[range.end..].trim_start_matches(in_word).len();
            text[start..end]
                .split(|c: char| !in_word(c))
                .any(|w| named.contains_key(w.to_ascii_lowercase().as_str()))
        })
}

/// Adds to `mentions` (in order, of `text`) the role references to the people they name:
/// `titles` by actor. A reference is the role word alone ("envoy" of "the UN envoy"), so that
/// the words before it keep their own mentions.
pub(super) fn add_references<'t>(
    text: &str,
    mentions: &mut Vec<Mention>,
    titles: impl Fn(ActorId) -> &'t Titles,
) {
    let named = named(mentions, &titles);
    // Most articles name nobody with a role: the text is not read again.
    if named.is_empty() {
        return;
    }
    // Most words after "the" open like none of the role words: their first three bytes, in
    // lower case, say so before the word is folded and looked up.
    let openings: Vec<[u8; 3]> = named.keys().map(|w| padded(w.as_bytes())).collect();
    let mut found = Vec::new();
    // The role words are in lower case: a word is looked up in lower case too, its ASCII
    // letters folded as `eq_ignore_ascii_case` folds them ("Minister" is "minister", "É" stays).
    let mut lower = String::new();
    // A reference opens with "the": the words after each are read until a role word of
    // someone named, or a word that is no modifier.
    let mut modifiers = Vec::new();
    // The article's date, read when a role held for a time is first weighed: the roles held
    // then are those a role word may name.
    let date = OnceCell::new();
    for at in articles(text.as_bytes()) {
        let mut end = at + 3;
        modifiers.clear();
        for _ in 0..4 {
            if opens_no_reference(&text.as_bytes()[end..], &openings) {
                break;
            }
            let Some(word) = next_word(text, end).filter(|w| only_spaces(&text[end..w.start]))
            else {
                break;
            };
            let w = &text[word.clone()];
            let opening = padded(w.as_bytes()).map(|b| b.to_ascii_lowercase());
            let role = openings.contains(&opening);
            let modifier = is_modifier(w, opening);
            if !role && !modifier {
                break;
            }
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            if let Some(people) = role.then(|| named.get(lower.as_str())).flatten() {
                let written = Written {
                    word: word.clone(),
                    role_word: &lower,
                    modifiers: &modifiers,
                    text,
                    date: &date,
                };
                if let Some(target) = reference(text, mentions, &written, people, &titles) {
                    found.push(Mention {
                        range: word,
                        target,
                        form: Form::Role,
                    });
                    break;
                }
                // A role word that is no reference here may modify the next ("the deputy
                // foreign minister").
            }
            if !modifier {
                break;
            }
            modifiers.push(lower.clone());
            end = word.end;
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.range.start);
    }
}

/// Where a word "the " or "The " starts in `bytes`, in order. Found from each "h": a general
/// substring search, whose candidates are bytes this common, costs several times more.
fn articles(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'h', bytes).filter_map(move |h| {
        let at = h.checked_sub(1)?;
        let opens = matches!(bytes[at], b't' | b'T') && bytes.get(h + 1..h + 3) == Some(b"e ");
        (opens && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())).then_some(at)
    })
}

/// Whether the word after one space at the start of `rest` is surely neither a role word whose
/// opening is one of `openings` nor a modifier ([`is_modifier`]): a lower-case word whose first
/// three bytes, all ASCII, say so. Asked after every "the", most often of a noun, before the word
/// is read whole: reading it cost several times more than this.
fn opens_no_reference(rest: &[u8], openings: &[[u8; 3]]) -> bool {
    let [b' ', first, ..] = *rest else {
        return false;
    };
    // A capital may open an acronym ("the UN envoy") unless a lower-case letter follows it, and
    // a character beyond ASCII is read as one by `next_word`.
    let no_acronym = first.is_ascii_lowercase()
        || first.is_ascii_digit()
        || first.is_ascii_uppercase() && rest.get(2).is_some_and(u8::is_ascii_lowercase);
    if !no_acronym {
        return false;
    }
    let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let len = rest[1..].iter().take(3).take_while(|b| word(b)).count();
    if len < 3 && rest.get(1 + len).is_some_and(|b| !b.is_ascii()) {
        return false;
    }
    let opening = padded(&rest[1..1 + len]).map(|b| b.to_ascii_lowercase());
    !openings.contains(&opening) && !MODIFIER_STARTS.holds(opening)
}

fn only_spaces(gap: &str) -> bool {
    !gap.is_empty() && gap.bytes().all(|b| b == b' ')
}

/// The lexicon's modifiers of titles, offices and nationalities ("former", "foreign", "Syrian").
const MODIFIER: Classes = Classes::TITLE_MODIFIER
    .union(Classes::STATE_TITLE)
    .union(Classes::NATIONALITY);

/// A word between "the" and a role word: an acronym ("UN"), or a modifier of titles, an office
/// or a nationality ("former", "foreign", "Syrian"). `opening` is its first three bytes in lower
/// case ([`padded`]).
fn is_modifier(word: &str, opening: [u8; 3]) -> bool {
    let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    acronym || MODIFIER_STARTS.holds(opening) && lexicon::is_any_case(word, MODIFIER)
}

/// The openings of the [`MODIFIER`]s: asked of the word after every "the", most often a noun
/// that starts like no modifier, they say so without a look-up.
static MODIFIER_STARTS: LazyLock<Prefixes> =
    LazyLock::new(|| Prefixes::of(lexicon::words_of(MODIFIER)));

/// A role word as written after "the": where, in lower case, the modifiers between (in lower
/// case), and the article's date, read from `text` when first asked.
struct Written<'a> {
    word: Range<usize>,
    role_word: &'a str,
    modifiers: &'a [String],
    text: &'a str,
    date: &'a OnceCell<Option<Date>>,
}

impl Written<'_> {
    fn date(&self) -> Option<Date> {
        *self
            .date
            .get_or_init(|| crate::text::article_date(self.text))
    }
}

/// Whom the `written` role word stands for, if it is one: a word of its own, outside any
/// mention, that fits a role held at the article's date by exactly one of the `people` named
/// before it (else by them all: ambiguous).
fn reference<'t>(
    text: &str,
    mentions: &[Mention],
    written: &Written,
    people: &[(usize, ActorId)],
    titles: impl Fn(ActorId) -> &'t Titles,
) -> Option<Target> {
    let word = &written.word;
    let before: Vec<&(usize, ActorId)> = people.iter().filter(|(at, _)| *at < word.start).collect();
    let after = mentions.partition_point(|m| m.range.start < word.end);
    if before.is_empty() || after > 0 && mentions[after - 1].range.end > word.start {
        return None;
    }
    // "the Syrian foreign minister, Faisal Mekdad": the role introduces the name set beside it,
    // which is the mention, and names nobody named before.
    // ("Standing beside the minister, Kerry said": a name its verb follows is the clause's
    // subject, no apposition.)
    let apposed = mentions.get(after).is_some_and(|m| {
        text[word.end..m.range.start]
            .strip_prefix(',')
            .is_some_and(|gap| gap.bytes().all(|b| b == b' '))
            && text[m.range.end..].starts_with([',', '.', ';', ')'])
    });
    if apposed {
        return None;
    }
    let next = next_word(text, word.end);
    if !stands_alone(text, word, next.clone()) {
        return None;
    }
    let complement = next.map_or_else(Vec::new, |next| complement(text, next));
    let fits: Vec<(ActorId, bool)> = before
        .iter()
        .filter_map(|&&(_, a)| Some((a, titles(a).fit(written, &complement)?)))
        .collect();
    // Who held the role at the article's date comes before who held it at another.
    let then = fits.iter().any(|&(_, then)| then);
    let fits: Box<[ActorId]> = fits
        .into_iter()
        .filter(|&(_, held)| held == then)
        .map(|(a, _)| a)
        .collect();
    match *fits {
        [] => None,
        [one] => Some(Target::Actor(one)),
        _ => Some(Target::Ambiguous(fits)),
    }
}

/// The word that ends right before the spaces before byte `at`; none if anything but spaces
/// stands between.
fn word_before(text: &str, at: usize) -> Option<Range<usize>> {
    let before = &text[..at];
    let words = before.trim_end_matches(' ');
    if words.len() == before.len() {
        return None;
    }
    let start = words
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some(start..words.len())
}

/// The word after byte `at`, past spaces or punctuation.
fn next_word(text: &str, at: usize) -> Option<Range<usize>> {
    // ASCII is read byte by byte; from the first other byte, character by character.
    let bytes = text.as_bytes();
    let mut start = at;
    while bytes
        .get(start)
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
    {
        start += 1;
    }
    if !bytes.get(start)?.is_ascii() {
        start += text[start..].find(|c: char| c.is_alphanumeric())?;
    }
    let mut end = start;
    while bytes
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-')
    {
        end += 1;
    }
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        end += text[end..]
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(text.len() - end);
    }
    Some(start..end)
}

/// Whether the role word at `word` is a noun of its own: followed by punctuation, the text's
/// end, or a word that is no noun (as the tagger reads the phrase) — not by a name ("the
/// minister Karim Haddad", whose name is the mention) nor by a noun the role word modifies
/// ("the general election").
fn stands_alone(text: &str, word: &Range<usize>, next: Option<Range<usize>>) -> bool {
    let Some(next) = next else {
        return true;
    };
    let gap = &text[word.end..next.start];
    if !gap.bytes().all(|b| b == b' ') {
        // Punctuation after the role word ("the envoy, …", "the minister’s").
        return true;
    }
    if text[next.clone()].starts_with(char::is_uppercase) {
        return false;
    }
    // A determiner after the next word makes that word the role word's verb ("the envoy put
    // their number at", "the minister told the council"), as the tagger may not.
    let after = next_word(text, next.end);
    let determined = after.clone().is_some_and(|a| {
        only_spaces(&text[next.end..a.start])
            && lexicon::is_any_case(&text[a], Classes::DETERMINER.union(Classes::POSSESSIVE))
    });
    if determined {
        return true;
    }
    let mut window = Vec::new();
    if let Some(before) = word_before(text, word.start) {
        window.extend(word_before(text, before.start).map(|w| &text[w]));
        window.push(&text[before]);
    }
    let at = window.len() + 1;
    window.push(&text[word.clone()]);
    window.push(&text[next.clone()]);
    window.extend(after.map(|w| &text[w]));
    !matches!(
        grammar::tag_at(&window, at),
        Pos::Noun | Pos::ProperNoun | Pos::ProperPlural
    )
}

/// The capitalised words of an "of" or "for" complement starting at the word `first` ("the
/// president of Syria", "the envoy for Yemen"), which the person's titles must hold.
fn complement(text: &str, first: Range<usize>) -> Vec<&str> {
    if !matches!(&text[first.clone()], "of" | "for") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut end = first.end;
    while let Some(word) =
        next_word(text, end).filter(|w| text[end..w.start].bytes().all(|b| b == b' '))
    {
        let w = &text[word.clone()];
        if w.starts_with(char::is_uppercase) {
            out.push(w);
        } else if !matches!(w, "the" | "of" | "and") {
            break;
        }
        end = word.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the lexicon says, in every case the words are written in: the quick no of the
    /// modifiers' openings is never said of one.
    fn is_modifier_as_looked_up(word: &str) -> bool {
        let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        acronym || lexicon::is_any_case(word, MODIFIER)
    }

    fn opening(word: &str) -> [u8; 3] {
        padded(word.as_bytes()).map(|b| b.to_ascii_lowercase())
    }

    #[test]
    fn modifiers_as_looked_up() {
        for w in lexicon::words_of(MODIFIER) {
            let mut capital = w.to_owned();
            capital[..1].make_ascii_uppercase();
            for w in [w.to_owned(), capital, w.to_ascii_uppercase()] {
                assert_eq!(
                    is_modifier(&w, opening(&w)),
                    is_modifier_as_looked_up(&w),
                    "{w}"
                );
            }
        }
        for w in ["minister", "Envoy", "é", "", "the", "a-b"] {
            assert_eq!(
                is_modifier(w, opening(w)),
                is_modifier_as_looked_up(w),
                "{w}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn modifier_as_looked_up(word in "[a-zA-Zé-]{0,12}") {
            proptest::prop_assert_eq!(is_modifier(&word, opening(&word)), is_modifier_as_looked_up(&word));
        }

        /// Where a general substring search finds "the " and "The " opening a word.
        #[test]
        fn articles_as_searched(text in "[tThe a-]{0,24}|\\PC{0,30}|(the |The |th|é| ){0,10}") {
            let bytes = text.as_bytes();
            let mut expected: Vec<usize> = memchr::memmem::find_iter(bytes, "the ")
                .chain(memchr::memmem::find_iter(bytes, "The "))
                .filter(|&at| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                .collect();
            expected.sort_unstable();
            proptest::prop_assert_eq!(articles(bytes).collect::<Vec<_>>(), expected);
        }

        /// A word said to open no reference is neither a role word of those openings nor a
        /// modifier when read whole.
        #[test]
        fn no_reference_as_read_whole(rest in " ?[a-zA-Z0-9é, -]{0,6}|  ?(former|foreign|envoy|syrian)[a-z]?") {
            let openings = [opening("envoy"), opening("minister")];
            if opens_no_reference(rest.as_bytes(), &openings) {
                let word = next_word(&rest, 0).expect("a word");
                let w = &rest[word];
                proptest::prop_assert!(!openings.contains(&opening(w)) && !is_modifier(w, opening(w)));
            }
        }

        /// The word the standard library's character search finds, from every boundary.
        #[test]
        fn next_word_as_found_by_characters(text in "[a-c1 ,.-]{0,16}|\\PC{0,30}|[aé€\u{a0}, -]{0,16}") {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let expected = text[at..].find(|c: char| c.is_alphanumeric()).map(|i| {
                    let start = at + i;
                    let len = text[start..]
                        .find(|c: char| !c.is_alphanumeric() && c != '-')
                        .unwrap_or(text.len() - start);
                    start..start + len
                });
                proptest::prop_assert_eq!(next_word(&text, at), expected);
            }
        }
    }
}
