//! A sentence as the parse reads it: its words and marks, each word with its lexicon classes as
//! the word reader gave them ([`crate::lexicon::reader`]), and (lazily) their tags.

use std::cell::{OnceCell, RefCell};
use std::ops::Range;

use crate::grammar::{self, Pos};
use crate::lexicon::{self, reader::Word, Classes};

/// A sentence of an article and its tokens (offsets into the article).
pub(super) struct Sent<'a> {
    /// The whole article, where a word opening the sentence may be seen elsewhere.
    whole: &'a str,
    /// The article in ASCII lower case (same offsets).
    low: &'a str,
    pub toks: &'a [Word],
    /// Parts of speech, tagged when first asked (most sentences never are).
    tags: RefCell<Vec<Option<Pos>>>,
    /// Written in title case, as headlines are ("Former Aide Says Talks Failed"): no word of
    /// four letters or more starts with a lower-case letter.
    pub title_case: bool,
    /// Holds a colon or a double quotation mark: without one no verb frames a quotation.
    pub quoting: bool,
    /// Whether the sentence's first word is a name ([`Sent::proper`]), worked out when first
    /// asked: the article may have to be searched for it, and the parse asks often.
    opening_proper: OnceCell<bool>,
}

/// Words either side of a token that the tagger is shown: its contextual rules look mostly at
/// the two words either side (the dev figures are the same with three), and a window costs a
/// fraction of the sentence.
const TAG_CONTEXT: usize = 2;

impl<'a> Sent<'a> {
    /// The sentence `whole[sentence]` (`low` the article in ASCII lower case), read as `toks`.
    pub fn new(whole: &'a str, low: &'a str, sentence: Range<usize>, toks: &'a [Word]) -> Self {
        let long = toks
            .iter()
            .filter(|t| t.word && t.end - t.start >= 4)
            .map(|t| &whole[t.start..t.end]);
        // (Most sentences have a long word in lower case early: the words are counted after.)
        let title_case =
            !long.clone().any(|w| w.starts_with(char::is_lowercase)) && long.count() >= 3;
        // (One pass for the three: curly quotes are three bytes, E2 80 9C and E2 80 9D.)
        let raw = whole[sentence].as_bytes();
        let quoting = memchr::memchr3_iter(b':', b'"', 0xE2, raw)
            .any(|k| raw[k] != 0xE2 || matches!(raw.get(k + 1..k + 3), Some([0x80, 0x9C | 0x9D])));
        Self {
            whole,
            low,
            toks,
            tags: RefCell::new(Vec::new()),
            title_case,
            quoting,
            opening_proper: OnceCell::new(),
        }
    }

    /// The part of speech of token `i`, as the window of words around it gives it, worked out
    /// when first asked (most tokens never are).
    pub fn pos(&self, i: usize) -> Pos {
        if i >= self.toks.len() {
            return Pos::Other;
        }
        let mut tags = self.tags.borrow_mut();
        if tags.is_empty() {
            tags.resize(self.toks.len(), None);
        }
        *tags[i].get_or_insert_with(|| {
            let from = i.saturating_sub(TAG_CONTEXT);
            let to = (i + TAG_CONTEXT + 1).min(self.toks.len());
            let mut words = [""; 2 * TAG_CONTEXT + 1];
            for (w, k) in words.iter_mut().zip(from..to) {
                *w = self.text(k);
            }
            grammar::tag_at(&words[..to - from], i - from)
        })
    }

    /// Whether token `i` is a verb: most words are answered by their candidate tags alone
    /// ("officials" is none, "insist" one, wherever they stand), without tagging a window.
    pub fn verb(&self, i: usize) -> bool {
        i < self.toks.len()
            && grammar::verb_settled(self.text(i)).unwrap_or_else(|| self.pos(i).verb())
    }

    /// The part of speech of token `i` where it can be a verb, else `Pos::Other`: for a caller
    /// that asks which kind of verb it is, a word that can be none tags no window.
    pub fn verb_pos(&self, i: usize) -> Pos {
        if i < self.toks.len() && grammar::verb_settled(self.text(i)) != Some(false) {
            self.pos(i)
        } else {
            Pos::Other
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i`; empty past the sentence's end, as a parse looking ahead may ask.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.whole[t.start..t.end])
    }

    /// Token `i` in ASCII lower case (the lexicon is ASCII), without allocating; empty past the
    /// sentence's end.
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.low[t.start..t.end])
    }

    /// Whether token `i` in lower case is `w`. (Asked of most tokens, many times: the lengths are
    /// compared first, and the bytes read as bytes, not cut out as a string.)
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.end - t.start == w.len() && &self.low.as_bytes()[t.start..t.end] == w.as_bytes()
        })
    }

    pub fn has(&self, i: usize, class: Classes) -> bool {
        i < self.toks.len() && self.toks[i].classes.has(class)
    }

    pub fn word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].word
    }

    pub fn capitalized(&self, i: usize) -> bool {
        self.word(i) && self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    /// A capitalised word that is a name, not a common word opening the sentence or a quotation
    /// ("Critics say", "“Observers …").
    pub fn proper(&self, i: usize) -> bool {
        if !self.capitalized(i) {
            return false;
        }
        // (In a headline, a word the lexicon knows is a common word: "Former Aide Says".)
        // (A given name is no common word: "Paul Ryan Says …".)
        let common = self.toks[i].classes.without(Classes::GIVEN_NAME) != Classes::NONE;
        if self.title_case && common {
            return false;
        }
        let opens = (0..i).all(|j| !self.toks[j].word);
        if !opens {
            return true;
        }
        *self
            .opening_proper
            .get_or_init(|| self.opening_name(i, common))
    }

    /// Whether the capitalised word `i` opening the sentence is a name (`common`: the lexicon
    /// knows it).
    fn opening_name(&self, i: usize, common: bool) -> bool {
        let w = self.lower(i);
        let one = lexicon::singular(w);
        let known = lexicon::is(&one, Classes::VAGUE_HEAD | Classes::ANONYMOUS_HEAD);
        // The tagger takes any capitalised plural opening a sentence for a name: a plural with
        // a person's ending ("Demonstrators", "Sanders") or one its lexicon holds as a common
        // noun ("Women", "Rebels", "Woods") is a name only if the article writes it
        // capitalised inside a sentence too, and a people or a party ("Americans",
        // "Democrats") always.
        let people = lexicon::is(&one, Classes::NATIONALITY);
        let may_be_common = lexicon::may_be_surname(w) || grammar::is_common_plural(w);
        !common
            && !known
            && (people || !may_be_common || capitalised_inside(self.whole, self.text(i)))
    }

    /// Whether word `i` has a participle's ending, "-ed" or "-ing", whatever the word is.
    pub fn participle_form(&self, i: usize) -> bool {
        let w = self.lower(i);
        w.ends_with("ed") || w.ends_with("ing")
    }

    /// An adverb by its form: "-ly", lower case ("repeatedly"), but not "family" or "rally".
    pub fn adverb(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.word(i)
            && w.len() > 4
            && w.ends_with("ly")
            && !self.capitalized(i)
            && !self.has(i, Classes::LY_NOUN)
    }

    /// Whether word `i` may name people, or states speaking as people: a role or a group noun
    /// ("officials", "analyst"), a plural with a person's ending ("environmentalists"), a plural of
    /// states ("governments").
    pub fn names_people(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.has(i, Classes::ANONYMOUS_HEAD | Classes::VAGUE_HEAD)
            || lexicon::has_person_ending(w)
            || lexicon::is(
                &lexicon::singular(w),
                Classes::VAGUE_HEAD | Classes::ANONYMOUS_HEAD | Classes::POLITY_NOUN,
            )
    }

    /// Whether token `i` opens a phrase after a noun as a preposition does ("officials at the
    /// ministry", "a diplomat briefed on the talks", "rebels backed by Ankara"): not an article
    /// or a pronoun, as after a verb ("issued a statement").
    pub fn opens_postmodifier(&self, i: usize) -> bool {
        self.has(i, Classes::POSTMODIFIER) && !self.is(i, "who") && !self.capitalized(i)
    }

    /// Whether token `i` is the article of "a few" or "a handful": it counts a group, and picks
    /// out nobody.
    pub fn counts_a_group(&self, i: usize) -> bool {
        self.is(i, "a") && matches!(self.lower(i + 1), "few" | "handful")
    }

    /// Whether token `i` is a number, in words or digits ("six", "30").
    pub fn number(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.has(i, Classes::NUMBER)
            || self.word(i)
                && (w.bytes().all(|b| b.is_ascii_digit())
                    // ("twenty-seven")
                    || w.split_once('-').is_some_and(|(tens, ones)| {
                        lexicon::is(tens, Classes::NUMBER) && lexicon::is(ones, Classes::NUMBER)
                    }))
    }

    /// Whether a quotation opens right after the sentence ("Haddad spoke at length. “…”"), where
    /// what a speaking verb in it introduces may stand.
    pub fn quotation_follows(&self) -> bool {
        let end = self.toks.last().map_or(0, |t| t.end);
        self.whole[end..].trim_start().starts_with(['“', '"'])
    }

    /// Whether the sentence is a headline: written in title case, or the article's first line
    /// (after any Markdown heading marks).
    pub fn headline(&self) -> bool {
        self.title_case
            || self.toks.first().is_some_and(|t| {
                self.whole[..t.start]
                    .bytes()
                    .all(|b| b.is_ascii_whitespace() || b == b'#')
            })
    }

    /// Whether word `i` is written capitalised inside a sentence somewhere in the article, as a
    /// name is and a headline's label ("Update", "Note") is not.
    pub fn capitalised_inside(&self, i: usize) -> bool {
        capitalised_inside(self.whole, self.text(i))
    }

    pub fn possessive(&self, i: usize) -> bool {
        self.word(i) && is_possessive(self.lower(i))
    }
}

/// Whether `word` stands in `text` inside a sentence, after a lower-case word or a comma.
fn capitalised_inside(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].trim_end_matches(' ');
        let after = text[at + word.len()..].chars().next();
        before.len() < at
            && before.ends_with(|c: char| c.is_lowercase() || c == ',')
            && !after.is_some_and(char::is_alphanumeric)
    })
}

pub(super) fn is_possessive(w: &str) -> bool {
    // (Asked of most words a phrase is read over: one that ends in neither "s" nor an
    // apostrophe, whose last byte is 0x99, is none, whatever its first.)
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return false;
    }
    // (A pronoun's clitic, "’s" of "he’s", is a word of its own and no possessive.)
    !w.starts_with(['\'', '’'])
        && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
}

/// `raw` read as a sentence of its own: its lower case and its words, for a [`Sent`] in tests.
#[cfg(test)]
pub(super) fn read_alone(raw: &str) -> (String, Vec<Word>) {
    let low = raw.to_ascii_lowercase();
    let mut words = Vec::new();
    lexicon::reader::read(raw, &low, 0..raw.len(), &mut words);
    (low, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_know_their_classes() {
        let raw = "Russia’s step-for-step plan, U.S. officials said.";
        let (low, words) = read_alone(raw);
        let s = Sent::new(raw, &low, 0..raw.len(), &words);
        assert_eq!((s.text(0), s.text(4)), ("Russia’s", "U.S."));
        assert!(s.has(6, Classes::SPEECH_VERB) && s.possessive(0) && s.proper(0));
        assert!(!s.proper(2) && !s.word(3));
    }

    #[test]
    fn a_capital_opening_the_sentence_is_a_name_only_if_it_reads_as_one() {
        let raw = "Regulators and Democrats and Critics met Tanner";
        let (low, words) = read_alone(raw);
        let s = Sent::new(raw, &low, 0..raw.len(), &words);
        assert!(!s.proper(0) && s.proper(2) && s.proper(4) && s.proper(6));
        let raw = "Democrats said";
        let (low, words) = read_alone(raw);
        assert!(Sent::new(raw, &low, 0..raw.len(), &words).proper(0));
    }
}
