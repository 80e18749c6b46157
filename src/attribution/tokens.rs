//! The words and marks of one sentence, each with its lexicon classes looked up once.

use std::cell::RefCell;

use crate::grammar::{self, Pos};
use crate::lexicon::{self, Classes};

/// A word or a punctuation mark, by byte offsets into the sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// The lexicon classes of the word in lower case; none for a mark.
    pub classes: Classes,
}

/// A sentence, its ASCII-lower-cased copy (same byte offsets) and its tokens.
pub(super) struct Sent<'a> {
    /// The whole article, where a word opening the sentence may be seen elsewhere.
    whole: &'a str,
    pub raw: &'a str,
    pub low: &'a str,
    pub toks: Vec<Tok>,
    /// Parts of speech, tagged when first asked (most sentences never are).
    tags: RefCell<Vec<Option<Pos>>>,
    /// Written in title case, as headlines are ("Former Aide Says Talks Failed"): no word of
    /// four letters or more starts with a lower-case letter.
    pub title_case: bool,
    /// Holds a colon or a double quotation mark: without one no verb frames a quotation.
    pub quoting: bool,
}

/// Words either side of a token that the tagger is shown: its contextual rules look mostly at
/// the two words either side (the dev figures are the same with three), and a window costs a
/// fraction of the sentence.
const TAG_CONTEXT: usize = 2;

impl<'a> Sent<'a> {
    /// The sentence `raw` (and `low`, the same in ASCII lower case) of the article `whole`.
    pub fn new(whole: &'a str, raw: &'a str, low: &'a str) -> Self {
        let mut toks = tokenize(raw);
        for t in &mut toks {
            if t.word {
                t.classes = lexicon::classes(&low[t.start..t.end]);
            }
        }
        let long = toks
            .iter()
            .filter(|t| t.word && t.end - t.start >= 4)
            .map(|t| &raw[t.start..t.end]);
        // (Most sentences have a long word in lower case early: the words are counted after.)
        let title_case =
            !long.clone().any(|w| w.starts_with(char::is_lowercase)) && long.count() >= 3;
        let quoting = memchr::memchr2(b':', b'"', raw.as_bytes()).is_some()
            || raw.contains('“')
            || raw.contains('”');
        Self {
            whole,
            raw,
            low,
            toks,
            tags: RefCell::new(Vec::new()),
            title_case,
            quoting,
        }
    }

    /// The part of speech of token `i`.
    /// The part of speech of token `i`, tagged in a window of words around it when first asked
    /// (most tokens never are).
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
            let words: Vec<&str> = (from..to).map(|k| self.text(k)).collect();
            grammar::tag(&words)[i - from]
        })
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i`; empty past the sentence's end, as a parse looking ahead may ask.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.raw[t.start..t.end])
    }

    /// Token `i` in ASCII lower case (the lexicon is ASCII), without allocating; empty past the
    /// sentence's end.
    pub fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.low[t.start..t.end])
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.lower(i) == w
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
        let w = self.lower(i);
        let known = lexicon::is(
            &lexicon::singular(w),
            Classes::VAGUE_HEAD | Classes::ANONYMOUS_HEAD,
        );
        // The tagger takes any capitalised plural opening a sentence for a name: a plural with
        // a person's ending ("Demonstrators", "Sanders") is a name only if the article writes
        // it capitalised inside a sentence too, and a people or a party ("Americans",
        // "Democrats") always.
        let common_plural =
            lexicon::has_person_ending(w) && !w.ends_with("ans") && !w.ends_with("ats");
        !common && !known && (!common_plural || capitalised_inside(self.whole, self.text(i)))
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
    // (A pronoun's clitic, "’s" of "he’s", is a word of its own and no possessive.)
    !w.starts_with(['\'', '’'])
        && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
}

/// Where the auxiliary's clitic begins in a pronoun's contraction ("he’s", "they're", "it’ll").
fn clitic_at(word: &str) -> Option<usize> {
    // ("they" and "’re" are the longest parts: most words are longer, or have no apostrophe.)
    if word.len() > 9 {
        return None;
    }
    // (By bytes, a far quicker search than by chars.)
    let at = memchr::memchr2_iter(b'\'', 0xE2, word.as_bytes())
        .find(|&i| word[i..].starts_with(['\'', '’']))?;
    let (stem, clitic) = word.split_at(at);
    let clitic = clitic.trim_start_matches(['\'', '’']);
    (matches!(clitic, "s" | "re" | "ve" | "ll" | "d" | "m")
        && lexicon::is_any_case(stem, Classes::SUBJECT_PRONOUN))
    .then_some(at)
}

/// Words are runs of letters and digits with inner apostrophes, hyphens and dots (Russia’s,
/// step-for-step, U.S); every other non-space character is a token of its own.
fn tokenize(s: &str) -> Vec<Tok> {
    let bytes = s.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 4);
    let mut word_start: Option<usize> = None;
    // Whether the word being read has an apostrophe: only such a word may hold a clitic, and
    // most words are not searched for one.
    let mut apostrophe = false;
    let mut i = 0;
    while i < bytes.len() {
        // Most of a sentence is runs of ASCII letters and digits between single spaces: no
        // character to decode.
        if bytes[i].is_ascii_alphanumeric() {
            word_start.get_or_insert(i);
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            continue;
        }
        if bytes[i] == b' ' {
            if let Some(ws) = word_start.take() {
                push(&mut toks, s, ws, i, true, std::mem::take(&mut apostrophe));
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let next_is_alnum = || s[i + len..].chars().next().is_some_and(alphanumeric);
        // "Mr.", "Charles E. Grassley": a full stop after a short capitalised word belongs to it.
        let abbreviation = c == '.'
            && word_start.is_some_and(|ws| i - ws <= 3 && bytes[ws].is_ascii_uppercase())
            && s[i + 1..].starts_with(' ');
        let joins = matches!(c, '\'' | '’' | '-' | '.') && word_start.is_some() && next_is_alnum()
            || abbreviation;
        if alphanumeric(c) || joins {
            word_start.get_or_insert(i);
            apostrophe |= matches!(c, '\'' | '’');
            i += len;
            continue;
        }
        if let Some(ws) = word_start.take() {
            push(&mut toks, s, ws, i, true, std::mem::take(&mut apostrophe));
        }
        if !c.is_whitespace() {
            push(&mut toks, s, i, i + len, false, false);
        }
        i += len;
    }
    if let Some(ws) = word_start {
        push(&mut toks, s, ws, s.len(), true, apostrophe);
    }
    toks
}

/// Pushes the token `s[start..end]`. (Inlined: every token of a parsed sentence passes here.)
#[inline(always)]
fn push(toks: &mut Vec<Tok>, s: &str, start: usize, end: usize, word: bool, apostrophe: bool) {
    let tok = |start, end| Tok {
        start,
        end,
        word,
        classes: Classes::NONE,
    };
    // "He’s claiming", "they’ve said": the pronoun is the subject, the clitic its auxiliary;
    // two words.
    match apostrophe.then(|| clitic_at(&s[start..end])).flatten() {
        Some(at) => {
            toks.push(tok(start, start + at));
            toks.push(tok(start + at, end));
        }
        None => toks.push(tok(start, end)),
    }
}

/// `char::is_alphanumeric`, answered at once for the marks of General Punctuation (curly
/// quotes, dashes), the non-ASCII characters most often met between words, which its tables
/// are slow to tell.
fn alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_know_their_classes() {
        let raw = "Russia’s step-for-step plan, U.S. officials said.";
        let low = raw.to_ascii_lowercase();
        let s = Sent::new(raw, raw, &low);
        let words: Vec<&str> = (0..s.len()).map(|i| s.text(i)).collect();
        assert_eq!(
            words,
            [
                "Russia’s",
                "step-for-step",
                "plan",
                ",",
                "U.S.",
                "officials",
                "said",
                "."
            ]
        );
        assert!(s.has(6, Classes::SPEECH_VERB) && s.possessive(0) && s.proper(0));
        assert!(!s.proper(2) && !s.word(3));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
    }

    proptest::proptest! {
        /// Only a word read with an apostrophe is searched for a clitic: no word left whole
        /// holds one.
        #[test]
        fn every_clitic_is_split(raw in "(he|She|they|It|we|said|[a-zA-Z]{1,4}|s|re|ll|[’'. ,-])*") {
            for t in tokenize(&raw).iter().filter(|t| t.word) {
                let word = &raw[t.start..t.end];
                proptest::prop_assert!(clitic_at(word).is_none(), "{word:?} in {raw:?}");
            }
        }
    }

    #[test]
    fn a_capital_opening_the_sentence_is_a_name_only_if_it_reads_as_one() {
        let raw = "Regulators and Democrats and Critics met Tanner";
        let low = raw.to_ascii_lowercase();
        let s = Sent::new(raw, raw, &low);
        assert!(!s.proper(0) && s.proper(2) && s.proper(4) && s.proper(6));
        let raw = "Democrats said";
        let low = raw.to_ascii_lowercase();
        assert!(Sent::new(raw, raw, &low).proper(0));
    }
}
