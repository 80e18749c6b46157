//! The article as the rules read it: its sentences and quotations, and per sentence (worked out
//! only when a rule asks) who speaks in it and whether it is a disclaimer.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{pattern, reader, Pattern};

use crate::attribution::{self, Attribution};
use crate::text::quotes::{quotations, with_typewriter_quotes, Quotation};
use crate::text::sentences::sentences;

pub(crate) struct Context<'t> {
    /// The text as the rules read it: typewriter quotation marks ('' … '') read as double
    /// quotes, byte for byte ([`with_typewriter_quotes`]).
    pub text: Cow<'t, str>,
    /// `text` as the rules' patterns read it, byte for byte: ASCII letters in lower case, and
    /// every byte of a white space character a space, so that a pattern spells a gap ` +`
    /// (a literal the regex engine's prefilter can use) rather than `\s+`.
    pub low: String,
    pub sentences: Vec<Range<usize>>,
    pub quotations: Vec<Quotation>,
    /// Every sentence's words, read once when first asked ([`reader::read`]), one sentence after
    /// another in one list, with where each sentence's begin: for the sentences that hold a cue
    /// word (which asks for them all) and for the parse alike.
    words: OnceCell<(Vec<reader::Word>, Vec<usize>)>,
    attributions: Vec<OnceCell<Vec<Attribution>>>,
    disclaimers: Vec<OnceCell<bool>>,
    speaker_sentences: OnceCell<Vec<usize>>,
}

impl<'t> Context<'t> {
    pub fn new(text: &'t str) -> Self {
        let text = with_typewriter_quotes(text);
        let sentences = sentences(&text);
        let n = sentences.len();
        let low = lowered(&text);
        Self {
            quotations: quotations(&text),
            text,
            low,
            sentences,
            words: OnceCell::new(),
            attributions: (0..n).map(|_| OnceCell::new()).collect(),
            disclaimers: (0..n).map(|_| OnceCell::new()).collect(),
            speaker_sentences: OnceCell::new(),
        }
    }

    /// The index of the sentence holding byte `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.start <= offset)
            .map(|_| i)
    }

    /// The quotation whose quoted words hold byte `offset`.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.outer.end <= offset);
        self.quotations
            .get(i)
            .filter(|q| q.outer.start < offset && offset < q.outer.end)
    }

    pub fn in_quotation(&self, offset: usize) -> bool {
        self.quotation_at(offset).is_some()
    }

    /// The attributions of sentence `i` that are the article's own, not words inside a quotation.
    /// A sentence with no cue word holds none ([`attribution::cue_words`]) and is not parsed:
    /// the rules that look around a quotation, a figure or a claim ask of many such sentences.
    pub fn attributions(&self, i: usize) -> &[Attribution] {
        self.attributions[i].get_or_init(|| {
            if self.speaker_sentences().binary_search(&i).is_err() {
                return Vec::new();
            }
            let sentence = self.sentences[i].clone();
            let next = self.sentences.get(i + 1).cloned();
            let words = self.words(i);
            let mut found =
                attribution::attributions_in(&self.text, &self.low, words, sentence, next);
            found.retain(|a| {
                // "\"WALLACE: …": a transcript's paragraphs may each open a quotation that
                // closes only at the last one; the speaker right after the mark stays outside.
                let opens = |q: &Quotation| {
                    q.inner.start == a.speaker.start && &self.text[a.cue.clone()] == ":"
                };
                if self.quotation_at(a.speaker.start).is_some_and(opens) {
                    return true;
                }
                let anchor = a.verb.as_ref().map_or(a.range.start, |v| v.start);
                !self.in_quotation(anchor) && !self.in_quotation(a.speaker.start)
            });
            found
        })
    }

    /// Whether sentence `i` says who is speaking, however vaguely.
    /// The attributions of sentence `i`, one for each source: "the mayor said, adding that …"
    /// is two relations and one source to flag.
    pub fn sources(&self, i: usize) -> impl Iterator<Item = &Attribution> + Clone {
        let all = self.attributions(i);
        all.iter()
            .enumerate()
            .filter(|(k, a)| !all[..*k].iter().any(|b| b.speaker == a.speaker))
            .map(|(_, a)| a)
    }

    pub fn has_voice(&self, i: usize) -> bool {
        self.attributions(i).iter().any(|a| a.sources_claims())
    }

    /// Whether sentence `i` is a translator's or publisher's disclaimer about the text itself.
    pub fn is_disclaimer(&self, i: usize) -> bool {
        *self.disclaimers[i].get_or_init(|| {
            let sentence = &self.low[self.sentences[i].clone()];
            DISCLAIMER_WORDS.is_match(sentence) && DISCLAIMER.is_match(sentence)
        })
    }

    /// Whether a finding at `offset` belongs to the article's own voice: not inside a quotation
    /// and not in a disclaimer. Returns the sentence index if so.
    pub fn own_sentence(&self, offset: usize) -> Option<usize> {
        let i = self.sentence_at(offset)?;
        (!self.in_quotation(offset) && !self.is_disclaimer(i)).then_some(i)
    }

    /// The words of sentence `i`; every sentence's are read when the first are asked for.
    fn words(&self, i: usize) -> &[reader::Word] {
        let (words, starts) = self.words.get_or_init(|| {
            let mut words = Vec::with_capacity(self.text.len() / 5);
            let mut starts = Vec::with_capacity(self.sentences.len() + 1);
            for sentence in &self.sentences {
                starts.push(words.len());
                reader::read(&self.text, &self.low, sentence.clone(), &mut words);
            }
            starts.push(words.len());
            (words, starts)
        });
        &words[starts[i]..starts[i + 1]]
    }

    /// The sentences that may hold an attribution: those with a cue word
    /// ([`attribution::cue_words`]). Found once, shared by the rules that need them.
    pub fn speaker_sentences(&self) -> &[usize] {
        self.speaker_sentences.get_or_init(|| {
            let words = (0..self.sentences.len()).map(|i| self.words(i));
            self.sentences_holding(attribution::cue_words(&self.low, words))
        })
    }

    /// The sentences that hold any of `offsets` (in order), each once, in order.
    fn sentences_holding(&self, offsets: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut found = Vec::new();
        let mut i = 0;
        // Offsets come in order: walk the sentences alongside instead of searching for each.
        for at in offsets {
            while i < self.sentences.len() && self.sentences[i].end <= at {
                i += 1;
            }
            if i < self.sentences.len() && self.sentences[i].start <= at && found.last() != Some(&i)
            {
                found.push(i);
            }
        }
        found
    }

    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].clone()]
    }

    /// The words at `range` as a message quotes them: on one line, a phrase broken across
    /// lines ("In the eyes\nof many") with a space at the break.
    pub fn quote(&self, range: Range<usize>) -> Cow<'_, str> {
        let words = &self.text[range];
        if !words.contains(['\n', '\r']) {
            return Cow::Borrowed(words);
        }
        let mut quoted = String::with_capacity(words.len());
        for (k, line) in words.split(['\n', '\r']).enumerate() {
            let line = if k == 0 { line } else { line.trim_start() };
            if k > 0 && !line.is_empty() {
                quoted.truncate(quoted.trim_end().len());
                quoted.push(' ');
            }
            quoted.push_str(line);
        }
        Cow::Owned(quoted)
    }
}

/// `text` in ASCII lower case with each byte of its white space a space (see [`Context::low`]).
fn lowered(text: &str) -> String {
    let bytes = text.as_bytes();
    // The white space that is no space, as (where, how many bytes): line ends and tabs, and the
    // other characters, which start with one of these bytes (U+0085 and U+00A0; U+1680; U+2000
    // to U+205F; U+3000); most of the characters that do are punctuation.
    let ascii = memchr::memchr3_iter(b'\n', b'\r', b'\t', bytes)
        .chain(memchr::memchr2_iter(0x0B, 0x0C, bytes))
        .map(|at| (at, 1));
    let leads = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .chain(memchr::memchr_iter(0xE3, bytes))
        .filter_map(|at| {
            let c = text[at..].chars().next().filter(|c| c.is_whitespace())?;
            Some((at, c.len_utf8()))
        });
    let mut gaps: Vec<(usize, usize)> = ascii.chain(leads).collect();
    gaps.sort_unstable();
    // Copied around the gaps and lowered whole: a string built so needs no check that it is
    // still UTF-8, as bytes changed in place would.
    let mut low = String::with_capacity(text.len());
    let mut from = 0;
    for (at, len) in gaps {
        low.push_str(&text[from..at]);
        low.push_str(&"    "[..len]);
        from = at + len;
    }
    low.push_str(&text[from..]);
    low.make_ascii_lowercase();
    low
}

/// "The site has not verified the claims in this report", "translated from Arabic by", "the
/// views expressed do not necessarily reflect …": statements about the text, not claims in it.
static DISCLAIMER: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:ha(?:s|ve|d)\s+not\s+(?:been\s+)?(?:independently\s+)?(?:verified|checked|confirmed)|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)|cannot\s+(?:independently\s+)?(?:verify|confirm)|(?:views|opinions)\s+expressed|translated\s+(?:from|by)|do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)|(?:is|are)\s+not\s+responsible\s+for)",
    )
});

/// A word every [`DISCLAIMER`] holds, or its stem. Looking for these alone is a fraction of the
/// work: the pattern's own search stops at every "has", "do" and "is".
static DISCLAIMER_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern("verif|checked|confirm|expressed|translated|reflect|represent|responsible")
});

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// No text is a disclaimer without one of the disclaimers' words.
        #[test]
        fn disclaimers_hold_their_words(words in proptest::collection::vec(proptest::sample::select(vec![
            "has", "have", "had", "not", "been", "be", "independently", "verified", "verify",
            "checked", "confirmed", "confirm", "could", "cannot", "views", "opinions", "expressed",
            "translated", "from", "by", "do", "does", "necessarily", "reflect", "represent", "is",
            "are", "responsible", "for", "the", "claims", " ", "\t", ",", "x",
        ]), 0..12)) {
            let text = words.join(" ");
            proptest::prop_assert!(!DISCLAIMER.is_match(&text) || DISCLAIMER_WORDS.is_match(&text));
        }
    }

    #[test]
    fn attributions_inside_quotations_are_not_the_articles() {
        let text = "“Some say we failed,” Haddad said.";
        let cx = Context::new(text);
        let a = cx.attributions(0);
        assert_eq!(a.len(), 1);
        assert_eq!(&text[a[0].range.clone()], "Haddad said");
    }

    proptest::proptest! {
        /// Lower case and spaces byte for byte, as a character-wise mapping gives them.
        #[test]
        fn lowered_as_by_characters(text in "[aZ\t\n\r ]{0,8}|\\PC{0,40}|[a\u{a0}\u{85}\u{2009}\u{3000}’—]{0,12}") {
            let expected: String = text
                .chars()
                .map(|c| if c.is_whitespace() {
                    " ".repeat(c.len_utf8())
                } else {
                    c.to_ascii_lowercase().to_string()
                })
                .collect();
            proptest::prop_assert_eq!(lowered(&text), expected);
        }
    }

    #[test]
    fn disclaimers() {
        let text = "The talks failed. The site has not verified the claims in this report.";
        let cx = Context::new(text);
        assert!(!cx.is_disclaimer(0));
        assert!(cx.is_disclaimer(1));
    }

    #[test]
    fn quotes_are_on_one_line() {
        let text = "Said in a\r\n  line, and\ranother  one.";
        let cx = Context::new(text);
        assert_eq!(cx.quote(0..text.len()), "Said in a line, and another  one.");
        assert!(matches!(cx.quote(0..9), Cow::Borrowed("Said in a")));
    }

    #[test]
    fn lookups_by_offset() {
        let text = "One. “Two three.” Four.";
        let cx = Context::new(text);
        assert_eq!(cx.sentence_at(0), Some(0));
        assert_eq!(cx.sentence_at(4), None);
        assert!(cx.in_quotation(10));
        assert!(!cx.in_quotation(2));
    }
}
