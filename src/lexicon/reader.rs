//! The one word reader: a stretch of text as words and marks, each word with its lexicon classes
//! looked up as it is read, so that whoever reads the words next (which sentences hold a cue,
//! the attribution parse) asks the bit set instead of tokenising and looking up again.

use std::ops::Range;

use super::{Classes, Table, TABLE};

/// A word or a punctuation mark, by byte offsets into the text read.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// A word, not a mark.
    pub word: bool,
    /// The lexicon classes of the word in lower case; none for a mark.
    pub classes: Classes,
}

/// The words and marks of `text[range]`, appended to `out`; `low` is `text` in ASCII lower case
/// (same offsets), where the words are looked up. Words are runs of letters and digits with inner
/// apostrophes, hyphens and dots (Russia’s, step-for-step, U.S); a pronoun's clitic is a word of
/// its own ("he", "’s"); every other character but white space is a mark. The range's ends are
/// the text's ends: "Mr." keeps its full stop only before a space inside it.
pub fn read(text: &str, low: &str, range: Range<usize>, out: &mut Vec<Word>) {
    let s = &text[range.clone()];
    let mut words = Reader {
        out,
        low: low.as_bytes(),
        base: range.start,
        table: &TABLE,
    };
    let bytes = s.as_bytes();
    words.out.reserve(bytes.len() / 5);
    let mut word_start: Option<usize> = None;
    // Whether the word being read has an apostrophe: only such a word may hold a clitic, and
    // most words are not searched for one.
    let mut apostrophe = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match KIND[b as usize] {
            // Most of a sentence is runs of ASCII letters and digits between single spaces: no
            // character to decode, and a word ending at a space is pushed at once.
            Kind::Alnum => {
                let start = word_start.take().unwrap_or(i);
                i += 1;
                while bytes
                    .get(i)
                    .is_some_and(|&b| KIND[b as usize] == Kind::Alnum)
                {
                    i += 1;
                }
                match bytes.get(i) {
                    None | Some(b' ') => {
                        words.word(s, start, i, std::mem::take(&mut apostrophe));
                        i += 1;
                    }
                    Some(_) => word_start = Some(start),
                }
            }
            // (White space, a comma, a straight quotation mark, a bracket: ASCII that never joins
            // a word ends it, with no character to decode; all but white space are marks.)
            kind @ (Kind::Space | Kind::Mark) => {
                if let Some(ws) = word_start.take() {
                    words.word(s, ws, i, std::mem::take(&mut apostrophe));
                }
                if kind == Kind::Mark {
                    words.mark(i, i + 1);
                }
                i += 1;
            }
            Kind::Other => {
                i = other(s, i, &mut word_start, &mut apostrophe, &mut words);
            }
        }
    }
    if let Some(ws) = word_start {
        words.word(s, ws, s.len(), apostrophe);
    }
}

/// [`read`] at a character that may join a word or not: an apostrophe, a hyphen, a full stop,
/// or any character past ASCII. Where the next character begins.
fn other(
    s: &str,
    i: usize,
    word_start: &mut Option<usize>,
    apostrophe: &mut bool,
    words: &mut Reader<'_, '_>,
) -> usize {
    let bytes = s.as_bytes();
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
        *apostrophe |= matches!(c, '\'' | '’');
        return i + len;
    }
    if let Some(ws) = word_start.take() {
        words.word(s, ws, i, std::mem::take(apostrophe));
    }
    if !c.is_whitespace() {
        words.mark(i, i + len);
    }
    i + len
}

/// What a byte is to [`read`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An ASCII letter or digit.
    Alnum,
    /// White space.
    Space,
    /// ASCII that never joins a word and is no white space.
    Mark,
    /// An apostrophe, a hyphen, a full stop, or part of a character past ASCII: asked of as a
    /// character.
    Other,
}

static KIND: [Kind; 256] = {
    let mut kind = [Kind::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        kind[b] = if c.is_ascii_alphanumeric() {
            Kind::Alnum
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            Kind::Space
        } else if matches!(c, b'\'' | b'-' | b'.') {
            Kind::Other
        } else {
            Kind::Mark
        };
        b += 1;
    }
    kind
};

/// Where [`read`] puts what it reads: offsets inside the range, kept as offsets into the text.
struct Reader<'o, 'l> {
    out: &'o mut Vec<Word>,
    /// The text in lower case.
    low: &'l [u8],
    base: usize,
    table: &'static Table,
}

impl Reader<'_, '_> {
    /// The word `s[start..end]`, looked up while its bytes are at hand. (Inlined: every word read
    /// passes here.)
    #[inline(always)]
    fn word(&mut self, s: &str, start: usize, end: usize, apostrophe: bool) {
        if apostrophe {
            self.contraction(s, start, end);
        } else {
            self.push(start, end, true);
        }
    }

    /// A word with an apostrophe. "He’s claiming", "they’ve said": the pronoun is the subject,
    /// the clitic its auxiliary; two words.
    #[cold]
    fn contraction(&mut self, s: &str, start: usize, end: usize) {
        if let Some(at) = clitic_at(&s[start..end]) {
            self.push(start, start + at, true);
            self.push(start + at, end, true);
        } else {
            self.push(start, end, true);
        }
    }

    fn mark(&mut self, start: usize, end: usize) {
        self.push(start, end, false);
    }

    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, word: bool) {
        let (start, end) = (self.base + start, self.base + end);
        let classes = if word {
            self.table.get_within(self.low, start, end)
        } else {
            Classes::NONE
        };
        self.out.push(Word {
            start,
            end,
            word,
            classes,
        });
    }
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
        && super::is_any_case(stem, Classes::SUBJECT_PRONOUN))
    .then_some(at)
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

    fn words(raw: &str) -> Vec<Word> {
        let mut out = Vec::new();
        read(raw, &raw.to_ascii_lowercase(), 0..raw.len(), &mut out);
        out
    }

    #[test]
    fn words_keep_inner_marks_and_know_their_classes() {
        let raw = "Russia’s step-for-step plan, U.S. officials said.";
        let got = words(raw);
        let text: Vec<&str> = got.iter().map(|w| &raw[w.start..w.end]).collect();
        let expected = [
            "Russia’s",
            "step-for-step",
            "plan",
            ",",
            "U.S.",
            "officials",
            "said",
            ".",
        ];
        assert_eq!(text, expected);
        assert!(got[6].classes.has(Classes::SPEECH_VERB) && !got[3].word);
        // A range is read as a text of its own, its offsets the text's.
        let mut out = Vec::new();
        read(raw, &raw.to_ascii_lowercase(), 11..24, &mut out);
        assert_eq!((out.len(), out[0].start, out[0].end), (1, 11, 24));
    }

    #[test]
    fn ascii_kinds_are_the_characters() {
        for b in 0..128u8 {
            let c = char::from(b);
            let kind = match KIND[usize::from(b)] {
                Kind::Alnum => c.is_alphanumeric(),
                Kind::Space => c.is_whitespace(),
                Kind::Mark => !c.is_alphanumeric() && !c.is_whitespace() && !"'-.".contains(c),
                Kind::Other => "'-.".contains(c),
            };
            assert!(kind, "{c:?}");
        }
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
            for w in words(&raw).iter().filter(|w| w.word) {
                let word = &raw[w.start..w.end];
                proptest::prop_assert!(clitic_at(word).is_none(), "{word:?} in {raw:?}");
            }
        }

        /// Each word's classes are those of its lower-case form.
        #[test]
        fn words_answer_with_their_classes(
            raw in "((Said|he’s|some|According|[a-z]{1,6}|[“”\":,.(_-]) ?){0,12}",
        ) {
            let low = raw.to_ascii_lowercase();
            for w in words(&raw) {
                let word = &low[w.start..w.end];
                let expected = if w.word { super::super::classes(word) } else { Classes::NONE };
                proptest::prop_assert_eq!(w.classes, expected);
            }
        }
    }
}
