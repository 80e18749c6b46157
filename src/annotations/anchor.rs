//! Re-anchoring: where an annotation's words are in the article as it is now. Pure: a text and
//! the annotation's selectors in, a state and a byte range out.
//!
//! Three steps, as Hypothesis takes them: the position, if the quote is still there; else the
//! quote itself, the occurrence whose prefix and suffix agree best (nearest the old position
//! among equals); else a fuzzy match of the quote (diff-match-patch's Bitap, then a diff to find
//! its ends), bounded so that a wrong place is never taken: only quotes of [`FUZZY_MIN_CHARS`]
//! or more, and only a span within [`FUZZY_MAX_CHANGE`] of the quote. Nothing found: orphaned.

use std::ops::Range;

use diff_match_patch_rs::{DiffMatchPatch, Efficient};

use super::model::{Position, Quote};
use crate::text::{char_count, char_starts};

/// Where an annotation stands against the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// Its position holds its quote.
    Anchored,
    /// Found elsewhere: the quote at another place, or text close to it.
    Moved,
    /// Its words are gone.
    Orphaned,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Anchored => "anchored",
            State::Moved => "moved",
            State::Orphaned => "orphaned",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub state: State,
    /// Bytes of the text; none when orphaned.
    pub range: Option<Range<usize>>,
}

impl Anchor {
    fn at(state: State, range: Range<usize>) -> Self {
        Self {
            state,
            range: Some(range),
        }
    }

    const ORPHANED: Anchor = Anchor {
        state: State::Orphaned,
        range: None,
    };
}

/// A quote this short needs some of its prefix or suffix beside it to be taken elsewhere:
/// "Haddad" alone may be anyone's Haddad.
const SHORT_QUOTE_CHARS: usize = 16;
/// How much of the context (characters of prefix and suffix together) a short quote needs.
const SHORT_QUOTE_CONTEXT: usize = 3;
/// Quotes shorter than this are never matched fuzzily: a changed word in a short quote is
/// another phrase.
pub const FUZZY_MIN_CHARS: usize = 12;
/// At most this share of a quote's bytes may differ in a fuzzy match (a diff's Levenshtein
/// distance).
pub const FUZZY_MAX_CHANGE: f64 = 0.25;
/// Bitap looks for at most this many bytes at once (the crate's word size).
const BITAP_BYTES: usize = 32;

/// Where the annotation with these selectors is in `text`. No quote and no position: the
/// annotation is about the whole article, anchored at its start.
pub fn anchor(text: &str, quote: Option<&Quote>, position: Option<Position>) -> Anchor {
    anchor_in(&Chars::new(text), quote, position)
}

/// [`anchor`] in a text whose characters are counted already: for many annotations of one text.
pub fn anchor_in(chars: &Chars, quote: Option<&Quote>, position: Option<Position>) -> Anchor {
    let text = chars.text;
    let at = position.and_then(|p| chars.byte_range(p));
    let Some(quote) = quote.filter(|q| !q.exact.is_empty()) else {
        return match (position, at) {
            (None, _) => Anchor::at(State::Anchored, 0..0),
            (Some(_), Some(range)) => Anchor::at(State::Anchored, range),
            (Some(_), None) => Anchor::ORPHANED,
        };
    };
    if let Some(range) = at.as_ref().filter(|r| text[(*r).clone()] == quote.exact) {
        // (The same words at the old place are the annotation's unless the same words stand
        // elsewhere with more of their context: edits before them may have brought other words
        // alike there, "people" of another sentence. A context the other tool left stale as it
        // moved the position is no reason to move.)
        let finder = memchr::memmem::Finder::new(quote.exact.as_bytes());
        let here = context(text, quote, range.start);
        let whole = quote.prefix.chars().count() + quote.suffix.chars().count();
        let better = (here < whole)
            .then(|| best(text, quote, range.start, &finder, 0..text.len()))
            .flatten()
            .filter(|&(context, _)| context > here);
        return match better {
            Some((_, start)) => Anchor::at(State::Moved, start..start + quote.exact.len()),
            None => Anchor::at(State::Anchored, range.clone()),
        };
    }
    // Where the words were, as well as the text now tells: the old position, clamped.
    let expected = match (at, position) {
        (Some(range), _) => range.start,
        (None, Some(_)) => text.len(),
        (None, None) => 0,
    };
    if let Some(range) = exact(text, quote, expected) {
        return Anchor::at(State::Moved, range);
    }
    match fuzzy(text, &quote.exact, expected) {
        Some(range) => Anchor::at(State::Moved, range),
        None => Anchor::ORPHANED,
    }
}

/// The position selector of a byte range of `text`, in characters.
pub fn position_of(text: &str, range: &Range<usize>) -> Position {
    let start = char_count(&text[..range.start]);
    Position {
        start,
        end: start + char_count(&text[range.clone()]),
    }
}

/// The quote selector of a byte range of `text`: the words and up to 32 characters either side.
pub fn quote_of(text: &str, range: &Range<usize>) -> Quote {
    const CONTEXT: usize = 32;
    let before = &text[..range.start];
    let prefix_from = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[range.end..];
    let suffix_to = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Quote {
        exact: text[range.clone()].to_owned(),
        prefix: before[prefix_from..].to_owned(),
        suffix: after[..suffix_to].to_owned(),
    }
}

/// Characters and bytes of one text, for many position selectors: how many characters start
/// before every [`Chars::BLOCK`]th byte, counted in one pass eight bytes at a time, so that each
/// conversion reads at most one block.
pub struct Chars<'t> {
    text: &'t str,
    before: Vec<usize>,
    count: usize,
}

impl<'t> Chars<'t> {
    const BLOCK: usize = 256;

    pub fn new(text: &'t str) -> Self {
        let mut before = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(Self::BLOCK) {
            before.push(count);
            count += char_starts(block);
        }
        Self {
            text,
            before,
            count,
        }
    }

    /// The byte where character `k` starts (the text's length for its end), if it has one.
    fn byte_of(&self, k: usize) -> Option<usize> {
        if k >= self.count {
            return (k == self.count).then_some(self.text.len());
        }
        let block = self.before.partition_point(|&n| n <= k) - 1;
        let from = block * Self::BLOCK;
        let mut n = self.before[block];
        for (i, &b) in self.text.as_bytes()[from..].iter().enumerate() {
            // A byte that starts a character: any but 0b10xx_xxxx.
            if b & 0xc0 != 0x80 {
                if n == k {
                    return Some(from + i);
                }
                n += 1;
            }
        }
        None
    }

    /// The character at byte `at` (a character boundary).
    fn char_of(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.count;
        }
        let block = at / Self::BLOCK;
        self.before[block] + char_starts(&self.text.as_bytes()[block * Self::BLOCK..at])
    }

    /// The position selector of a byte range of the text.
    pub fn position_of(&self, range: &Range<usize>) -> Position {
        Position {
            start: self.char_of(range.start),
            end: self.char_of(range.end),
        }
    }

    /// The bytes of a position selector's characters, if the text is that long.
    fn byte_range(&self, p: Position) -> Option<Range<usize>> {
        Some(self.byte_of(p.start)?..self.byte_of(p.end)?)
    }
}

/// The occurrence of the quote whose context agrees best with the annotation's, nearest
/// `expected` among equals; a short quote needs some agreement. The text around `expected` is
/// searched first: an occurrence there with all its context is the answer, as none can agree
/// more and it is the nearest such; only otherwise is the whole text searched.
fn exact(text: &str, quote: &Quote, expected: usize) -> Option<Range<usize>> {
    const NEAR: usize = 4096;
    let finder = memchr::memmem::Finder::new(quote.exact.as_bytes());
    let whole = quote.prefix.chars().count() + quote.suffix.chars().count();
    let from = floor_boundary(text, expected.saturating_sub(NEAR).min(text.len()));
    let to = ceil_boundary(text, (expected + NEAR + quote.exact.len()).min(text.len()));
    let near = best(text, quote, expected, &finder, from..to);
    let (context, start) = match near {
        Some((context, start)) if context == whole => (context, start),
        _ => best(text, quote, expected, &finder, 0..text.len())?,
    };
    let short = char_count(&quote.exact) < SHORT_QUOTE_CHARS;
    (!short || context >= SHORT_QUOTE_CONTEXT).then_some(start..start + quote.exact.len())
}

/// The occurrence within `within` with the most context, nearest `expected` among equals: its
/// context in characters, and where it starts.
fn best(
    text: &str,
    quote: &Quote,
    expected: usize,
    finder: &memchr::memmem::Finder,
    within: Range<usize>,
) -> Option<(usize, usize)> {
    finder
        .find_iter(&text.as_bytes()[within.clone()])
        .map(|at| {
            let start = within.start + at;
            (context(text, quote, start), start)
        })
        .max_by_key(|&(context, start)| (context, std::cmp::Reverse(start.abs_diff(expected))))
}

/// How many characters of the quote's context stand around its words starting at `start`.
fn context(text: &str, quote: &Quote, start: usize) -> usize {
    common_suffix(&text[..start], &quote.prefix)
        + common_prefix(&text[start + quote.exact.len()..], &quote.suffix)
}

/// Characters at the end of `a` that end `b` too.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Characters at the start of `a` that start `b` too.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Text close to the quote near `expected`: Bitap finds where the quote's head (else its tail)
/// best fits, a diff of the quote against the text from there finds the span's ends, and the
/// span is taken only if it differs from the quote by at most [`FUZZY_MAX_CHANGE`].
fn fuzzy(text: &str, exact: &str, expected: usize) -> Option<Range<usize>> {
    if char_count(exact) < FUZZY_MIN_CHARS || text.is_empty() {
        return None;
    }
    let mut dmp = DiffMatchPatch::new();
    dmp.set_match_threshold(0.4);
    // A match across the whole text costs a quarter of the score: a moved paragraph is found.
    dmp.set_match_distance((text.len() * 4).max(1000));
    let head = &exact[..floor_boundary(exact, BITAP_BYTES.min(exact.len()))];
    let tail = &exact[ceil_boundary(exact, exact.len().saturating_sub(BITAP_BYTES))..];
    let start = dmp
        .match_main::<Efficient>(text, head, expected)
        .or_else(|| {
            let loc = expected + exact.len() - tail.len();
            dmp.match_main::<Efficient>(text, tail, loc.min(text.len()))
                .map(|at| (at + tail.len()).saturating_sub(exact.len()))
        })?;
    let start = floor_boundary(text, start.min(text.len()));
    let slack = exact.len() / 4 + 8;
    let window_end = ceil_boundary(text, (start + exact.len() + slack).min(text.len()));
    let window = &text[start..window_end];
    let diffs = dmp.diff_main::<Efficient>(exact, window).ok()?;
    let from = start + DiffMatchPatch::diff_x_index(&diffs, 0);
    // The end is just after the quote's last byte: text the window has after the quote would
    // be counted in were the quote's end itself looked up.
    let to = start + DiffMatchPatch::diff_x_index(&diffs, exact.len() - 1) + 1;
    let range = ceil_boundary(text, from.min(text.len()))..ceil_boundary(text, to.min(text.len()));
    if range.is_empty() {
        return None;
    }
    let found = dmp
        .diff_main::<Efficient>(exact, &text[range.clone()])
        .ok()?;
    let changed = dmp.diff_levenshtein(&found);
    (changed as f64 <= FUZZY_MAX_CHANGE * exact.len() as f64).then_some(range)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ARTICLE: &str = "Damascus, 3 May 2021. The envoy met the delegations on Monday.\n\n\
        Businessman Karim Haddad said the talks would resume in Geneva next month.\n\n\
        Observers say the committee is divided over the constitution.";

    fn selectors(text: &str, words: &str) -> (Quote, Position) {
        let start = text.find(words).unwrap();
        let range = start..start + words.len();
        (quote_of(text, &range), position_of(text, &range))
    }

    fn placed<'t>(text: &'t str, q: &(Quote, Position)) -> (State, Option<&'t str>) {
        let a = anchor(text, Some(&q.0), Some(q.1));
        (a.state, a.range.map(|r| &text[r]))
    }

    #[test]
    fn the_four_fates_of_a_quote() {
        let words = "the talks would resume in Geneva";
        let q = selectors(ARTICLE, words);
        assert_eq!(placed(ARTICLE, &q), (State::Anchored, Some(words)));

        let inserted = ARTICLE.replace("The envoy", "On Sunday, the UN envoy");
        assert_eq!(placed(&inserted, &q), (State::Moved, Some(words)));

        let paragraphs: Vec<&str> = ARTICLE.split("\n\n").collect();
        let moved = [paragraphs[2], paragraphs[0], paragraphs[1]].join("\n\n");
        assert_eq!(placed(&moved, &q), (State::Moved, Some(words)));

        let reworded = ARTICLE.replace("would resume", "will resume");
        assert_eq!(
            placed(&reworded, &q),
            (State::Moved, Some("the talks will resume in Geneva"))
        );

        let gone = ARTICLE.replace(words, "nothing was agreed");
        assert_eq!(placed(&gone, &q), (State::Orphaned, None));
    }

    #[test]
    fn a_short_quote_needs_its_context() {
        let text = "Haddad left. The minister, Haddad, stayed.";
        let q = selectors(text, "Haddad, stayed");
        let q = (
            Quote {
                exact: "Haddad".into(),
                ..q.0
            },
            Position {
                start: q.1.start,
                end: q.1.start + 6,
            },
        );
        // The second Haddad deleted: the first is no stand-in.
        let gone = "Haddad left. The minister stayed.";
        assert_eq!(placed(gone, &q), (State::Orphaned, None));
        // Both still there, the text before shifted: the one with the context.
        let shifted = format!("Update. {text}");
        let a = anchor(&shifted, Some(&q.0), Some(q.1));
        assert_eq!(
            a.range,
            Some(shifted.rfind("Haddad").unwrap()..shifted.len() - 9)
        );
    }

    #[test]
    fn positions_count_characters() {
        let text = "Al-Sharaa’s office — “no comment”, it said.";
        let (q, p) = selectors(text, "“no comment”");
        assert_eq!((p.start, p.end), (21, 33));
        assert_eq!(
            placed(text, &(q, p)),
            (State::Anchored, Some("“no comment”"))
        );
        // A position past the end is no anchor; the quote still is.
        let q = selectors(text, "it said");
        let far = Position {
            start: 400,
            end: 407,
        };
        assert_eq!(placed(text, &(q.0, far)), (State::Moved, Some("it said")));
    }

    #[test]
    fn characters_and_bytes_agree_with_a_count() {
        let text = "Erdoğan’s envoy — “Astana” — left. ".repeat(20);
        let chars = Chars::new(&text);
        for (k, (at, _)) in text
            .char_indices()
            .enumerate()
            .chain([(text.chars().count(), (text.len(), ' '))])
        {
            assert_eq!(chars.byte_of(k), Some(at), "{k}");
            assert_eq!(chars.char_of(at), k);
            assert_eq!(chars.position_of(&(at..at)), position_of(&text, &(at..at)));
        }
        assert_eq!(chars.byte_of(text.chars().count() + 1), None);
        assert_eq!(Chars::new("").byte_of(0), Some(0));
        assert_eq!(Chars::new("").char_of(0), 0);
    }

    #[test]
    fn no_selector_is_the_whole_article_and_a_position_alone_is_taken_as_it_is() {
        assert_eq!(
            anchor("text", None, None),
            Anchor::at(State::Anchored, 0..0)
        );
        let p = Position { start: 1, end: 3 };
        assert_eq!(
            anchor("text", None, Some(p)),
            Anchor::at(State::Anchored, 1..3)
        );
        assert_eq!(anchor("t", None, Some(p)), Anchor::ORPHANED);
    }

    #[test]
    fn fuzzy_matching_refuses_what_changed_too_much() {
        let words = "the committee is divided over the constitution";
        let q = selectors(ARTICLE, words);
        let changed = ARTICLE.replace(words, "the committee has not met since the spring");
        assert_eq!(placed(&changed, &q), (State::Orphaned, None));
    }

    /// Sentences of an article for the property: no two alike, so that every quote has one
    /// true place.
    fn article() -> impl Strategy<Value = String> {
        let sentence = (
            prop::sample::select(vec![
                "The envoy",
                "Haddad",
                "A spokesman",
                "Moscow",
                "The council",
            ]),
            prop::sample::select(vec!["said", "denied", "warned", "confirmed", "hinted"]),
            0u32..100_000,
            prop::sample::select(vec!["in Geneva", "on Monday", "at the talks", "in Astana"]),
        );
        prop::collection::vec(sentence, 3..12).prop_map(|s| {
            s.into_iter()
                .enumerate()
                .map(|(i, (who, verb, n, place))| {
                    let sep = if i % 3 == 2 { "\n\n" } else { " " };
                    let n = n as usize * 16 + i;
                    format!("{who} {verb} that {n} people waited {place}.{sep}")
                })
                .collect()
        })
    }

    /// An edit: where (a share of the text), how much to remove, what to insert.
    fn edits() -> impl Strategy<Value = Vec<(f64, usize, String)>> {
        prop::collection::vec((0.0..1.0f64, 0usize..20, "[a-zé’ .\n]{0,24}"), 1..8)
    }

    proptest! {
        /// Edits anywhere but on the annotation's selector (the quote and the 32 characters of
        /// context either side) never orphan it nor take it to other words.
        #[test]
        fn edits_elsewhere_keep_the_annotation_on_its_words(
            text in article(),
            from in 0.0..1.0f64,
            words in 1usize..12,
            edits in edits(),
        ) {
            let body = text.trim_end().len();
            let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1)
                .filter(|&i| i < body).collect();
            let start = starts[(from * starts.len() as f64) as usize % starts.len()];
            let end = text[start..].char_indices().filter(|(_, c)| *c == ' ').nth(words)
                .map_or(body, |(i, _)| start + i);
            let range = start..end;
            let quote = quote_of(&text, &range);
            let position = position_of(&text, &range);
            let mut text = text.clone();
            let (mut lo, mut hi) = (range.start, range.end);
            let (before, after) = (quote.prefix.len(), quote.suffix.len());
            for (at, remove, insert) in edits {
                // Somewhere clear of the quote and its context.
                let mut at = (at * text.len() as f64) as usize;
                while !text.is_char_boundary(at) { at -= 1; }
                let mut to = (at + remove).min(text.len());
                while !text.is_char_boundary(to) { to += 1; }
                if to + before >= lo && at <= hi + after {
                    continue;
                }
                text.replace_range(at..to, &insert);
                if at < lo {
                    let shift = insert.len() as isize - (to - at) as isize;
                    lo = (lo as isize + shift) as usize;
                    hi = (hi as isize + shift) as usize;
                }
            }
            let a = anchor(&text, Some(&quote), Some(position));
            prop_assert_ne!(a.state, State::Orphaned);
            prop_assert_eq!(a.range, Some(lo..hi));
        }
    }
}
