//! Parts of speech, asked for only around a cue: is "debates" a verb here, or a noun ("the
//! Commission on Presidential Debates")? The tagger is our own compact copy of
//! `english-pos-tagger` 0.2.0 (MIT; its algorithm adapted and its tables converted by
//! scripts/tagger_data.py into data/, see NOTICE), which agreed with CoreNLP on 92.7 % of PolNeAR
//! dev's tokens and on 96 % of its verbs; see ARCHITECTURE.md for the choice. The copy gives the
//! crate's Penn tags for every input, which its tests check against the crate itself, at a
//! fraction of its cost: tags are bytes and candidate lists bit sets, rule patterns on tags are
//! decided once per tag, and only the lexicon is hashed at start-up (WordNet's words are searched
//! in place). On PolNeAR train and dev it costs an eighth of the crate's instructions.

mod brill;
mod pattern;
mod rules;
mod tagset;
mod unigram;

use std::sync::LazyLock;

/// The coarse part of speech of a word, as the attribution parse needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// A finite verb or modal: "said", "says", "say" (after a subject), "will".
    Finite,
    /// A participle or infinitive: "involved", "speaking", "to say".
    NonFinite,
    Noun,
    ProperNoun,
    /// "Democrats", and at a sentence's start the tagger's guess for any capitalised plural.
    ProperPlural,
    Adjective,
    Other,
}

impl Pos {
    pub fn verb(self) -> bool {
        matches!(self, Pos::Finite | Pos::NonFinite)
    }
}

/// Tags each of `words` (a sentence's words and marks, in order).
pub fn tag(words: &[&str]) -> Vec<Pos> {
    let normal: Vec<&str> = words.iter().map(|w| ascii_quotes(w)).collect();
    brill::tag(&normal)
        .into_iter()
        .zip(&normal)
        .map(|(t, w)| coarse(t.penn(w)))
        .collect()
}

/// The part of speech of `words[at]` among `words`, as [`tag`] gives it, at less cost: its
/// candidate tags alone when they settle it (most words: a few hundred instructions against
/// thousands for a window), else only the tags it depends on are worked out.
pub fn tag_at(words: &[&str], at: usize) -> Pos {
    if let Some(pos) = settled(words[at]) {
        return pos;
    }
    let normal: Vec<&str> = words.iter().map(|w| ascii_quotes(w)).collect();
    coarse(brill::tag_at(&normal, at).penn(normal[at]))
}

/// Whether `word` is a verb in every sentence (`Some(true)`: "argue", "insist"), in none
/// (`Some(false)`: "officials", "foreign"), or as the words around it decide (`None`).
pub fn verb_settled(word: &str) -> Option<bool> {
    settled_by(word, Pos::verb)
}

/// The part of speech of `word` in every sentence, when the tagger has no choice to make for it
/// ("government", "foreign").
pub fn settled(word: &str) -> Option<Pos> {
    settled_by(word, |pos| pos)
}

/// What `f` makes of every part of speech the tagger can give `word`, when it is the same for
/// all: the rules only choose among the word's candidate tags, so where these settle the answer,
/// no window of words need be tagged to know it.
fn settled_by<T: PartialEq>(word: &str, f: impl Fn(Pos) -> T) -> Option<T> {
    let word = ascii_quotes(word);
    let mut all = brill::possible(word).map(|t| f(coarse(t.penn(word))));
    let first = all.next()?;
    all.all(|x| x == first).then_some(first)
}

/// Whether `word` is an English word the tagger's lexicon holds in any case ("Mark" is "mark"),
/// as a name no lexicon holds is not ("Hillary").
pub fn is_known_word(word: &str) -> bool {
    unigram::is_known(&unigram::normal(word))
}

/// Whether the tagger's lexicon holds `word` as a plural common noun first and never as a name
/// ("women", "rebels", "witnesses"; not "sanders", which it does not hold at all).
pub fn is_common_plural(word: &str) -> bool {
    unigram::known(&unigram::normal(word)).is_some_and(|(first, all)| {
        first == tagset::Tag::NNS && !all.has(tagset::Tag::NNP) && !all.has(tagset::Tag::NNPS)
    })
}

/// Whether the tagger can read `word` as a past participle in some sentence ("backed", "led";
/// not "mail", which is a verb only in its base form).
pub fn may_be_past_participle(word: &str) -> bool {
    brill::possible(ascii_quotes(word)).any(|t| t == tagset::Tag::VBN)
}

/// The part of speech of one word read alone: whether a capital beside a name reads as a name
/// ("Keith", "Lamont") or as something else ("Syrian", "Yesterday"). Remembered for every thread:
/// the same few words come back in every article, and tagging costs far more than the lookup.
pub fn tag_word(word: &str) -> Pos {
    static SEEN: LazyLock<std::sync::RwLock<rustc_hash::FxHashMap<String, Pos>>> =
        LazyLock::new(Default::default);
    if let Some(&pos) = SEEN.read().unwrap_or_else(|e| e.into_inner()).get(word) {
        return pos;
    }
    let pos = tag_at(&[word], 0);
    let mut seen = SEEN.write().unwrap_or_else(|e| e.into_inner());
    // A bound for a server that reads for weeks: forget and start again.
    if seen.len() >= 1 << 16 {
        seen.clear();
    }
    seen.insert(word.to_owned(), pos);
    pos
}

/// Curly quotes as the tagger's training text spelled them.
fn ascii_quotes(w: &str) -> &str {
    match w {
        "“" => "``",
        "”" => "''",
        "‘" | "’" => "'",
        _ => w,
    }
}

fn coarse(penn: &str) -> Pos {
    match penn {
        "VBD" | "VBZ" | "VBP" | "MD" => Pos::Finite,
        "VB" | "VBN" | "VBG" => Pos::NonFinite,
        "NN" | "NNS" => Pos::Noun,
        "NNP" => Pos::ProperNoun,
        "NNPS" => Pos::ProperPlural,
        "JJ" | "JJR" | "JJS" => Pos::Adjective,
        _ => Pos::Other,
    }
}

#[cfg(test)]
mod tests;
