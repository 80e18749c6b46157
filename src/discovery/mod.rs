//! People whom no catalog lists but whom an article introduces with a role: "Former Lebanese
//! minister of finance, Karim Haddad, says", "businessman Karim Haddad", "Layla Nasser,
//! President of the Syrian Business Council,"; or names in full and later by surname alone, as
//! news writes a person ("Paul Ryan … Mr. Ryan said"), or beside a verb of speech ("…,” said
//! Dana Whitfield, 41,"). A place's opening word ("South Carolina") or a group's plural ("House
//! Democrats") makes no name. The workspace makes them actors of the article, with the role as
//! their card and the introducing mention as their definition.
//!
//! One pass over the words of each sentence of prose that has two capitals together: a run of
//! capitalised words is cut after its last word that cannot be part of a name (a role, title,
//! organisation, nationality, date or function word); what remains, two to four capitalised
//! words, is a name if a role phrase stands beside it or the surname comes back alone as a
//! person's. Headings (lines without terminal punctuation) introduce no one.

mod patterns;
mod people;
mod words;

pub use people::{actors, introductions, introductions_in};

use std::ops::Range;

use crate::mentions::Openings;
use crate::text::char_at;
use patterns::{find_in_line, Surnames};
use words::{Kind, Words};

/// A person introduced in the text with a role, found by the patterns below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduced {
    /// Bytes of the full name as written ("Karim Haddad"), without titles (Dr, Mr.) or
    /// possessive.
    pub name: Range<usize>,
    /// The role as written, trimmed: "Former Lebanese minister of finance", "the head of the
    /// negotiating body", "businessman", "President of the Syrian Business Council"; empty for
    /// a person the text names with no role and later by surname alone ("Mr. Ryan said").
    pub role: String,
    /// The name later references use: the last word, with a particle before it kept
    /// ("al-Hassan", "de Mistura", "bin Haddad").
    pub surname: String,
}

/// Every introduction in `text` of a name that none of `known` overlaps, in text order; a name
/// introduced twice is found twice. `known` are the byte ranges, in text order and apart, of
/// the names a catalog already knows: a line whose name words all lie in them is not parsed.
pub fn introduced(text: &str, known: &[Range<usize>]) -> Vec<Introduced> {
    introduced_from(text, known, None)
}

/// [`introduced`], with `openings` the word starts of `text` where a name may open, in order,
/// as the catalog's walk notes them ([`crate::mentions::Spelled::name_openings`]): the capitals
/// are looked for there alone, not in every byte of each line.
pub fn introduced_at(text: &str, known: &[Range<usize>], openings: &Openings) -> Vec<Introduced> {
    introduced_from(text, known, Some(openings))
}

/// [`introduced`], the capitals looked for at `openings` alone when given.
fn introduced_from(
    text: &str,
    known: &[Range<usize>],
    openings: Option<&Openings>,
) -> Vec<Introduced> {
    let mut found = Vec::new();
    let mut words = Words::default();
    let mut surnames = Surnames::default();
    let mut offset = 0;
    let mut known = known;
    let mut openings = openings.map(Openings::iter);
    for line in crate::text::lines_inclusive(text) {
        let next = offset + line.len();
        let line = line.strip_suffix('\n').unwrap_or(line);
        let end = offset + line.len();
        // Lines and names come in order: step past the names that end before this line.
        while known.first().is_some_and(|k| k.end <= offset) {
            known = &known[1..];
        }
        let in_line = || &known[..known.iter().take_while(|k| k.start < end).count()];
        if !is_prose(line) {
            offset = next;
            continue;
        }
        // Only the sentences with two name words together are read: no pattern looks past the
        // end of a sentence but the word after a name (see [`sentence_end`]).
        let mut from = 0;
        loop {
            let (rest, base) = (&line[from..], offset + from);
            let pair = match &mut openings {
                // The openings hold every capital the scan below finds first in its piece but
                // one after a letter or digit ("eBay"): a piece so written is no name word, and
                // the words on either side of it stand apart all the same. Pieces come in
                // order: the openings before this one are stepped past.
                Some(openings) => {
                    openings.skip_to(base);
                    let in_rest = openings.clone().take_while(|&at| at < end);
                    capitals_together(rest, base, in_line(), in_rest.map(|at| at - base))
                }
                // Every capital of the line found at once, eight bytes at a time, rather than
                // a search from each word to the next.
                None => {
                    let capitals = crate::text::all_in(rest.as_bytes(), b'A'..=b'Z', true);
                    capitals_together(rest, base, in_line(), capitals)
                }
            };
            let Some(pair) = pair else { break };
            let pair = from + pair;
            let start = sentence_start(line, from, pair);
            let end = sentence_end(line, pair);
            let after = next_piece_end(line, end);
            words.read(&line[start..after], offset + start);
            let sentence = words.len() - usize::from(after > end);
            find_in_line(text, &words, sentence, in_line(), &mut surnames, &mut found);
            from = end;
        }
        offset = next;
    }
    found
}

fn overlaps(known: &[Range<usize>], name: &Range<usize>) -> bool {
    known
        .iter()
        .any(|k| k.start < name.end && name.start < k.end)
}

/// Where the first of two words with a capital letter starts that, outside the `known` names
/// and both name words, follow each other in `line` (at byte `base` of the text) with nothing
/// longer than a particle between them, the first one a name may open with: what a name needs,
/// told from the capital letters alone (at the bytes `capitals`, in order, among others: every
/// capital or character beyond ASCII, or only those that start a word), as most lines have few
/// and most of their words have none. It errs on the side of the patterns: punctuation between the words is not looked at.
/// (A pair that opens like a place's, "New York", is passed over: [`patterns::person`] finds no
/// name opening so, and each name it finds opens a pair of its own, its first two name words.)
fn capitals_together(
    line: &str,
    base: usize,
    mut known: &[Range<usize>],
    capitals: impl Iterator<Item = usize>,
) -> Option<usize> {
    let only_particles = |gap: &str| {
        gap.split(words::separates)
            .all(|w| w.is_empty() || is_particle(w))
    };
    let name_word = |(from, to): (usize, usize)| {
        let w = words::word(line, base, from, to);
        let name = w.is_name_word();
        let opens = name && w.kind == Kind::Capital && !w.opens_place();
        NameWord { name, opens }
    };
    // The last word with a capital, and what [`NameWord`] it is once that was asked (as the
    // word after it: the next word is asked of it again as the word before).
    let mut last: Option<((usize, usize), Option<NameWord>)> = None;
    // The first byte not looked at: a capital before it is inside a word or a known name.
    let mut i = 0;
    for at in capitals {
        if at < i {
            continue;
        }
        let c = char_at(line, at).unwrap_or(' ');
        if !c.is_uppercase() {
            i = at + c.len_utf8();
            continue;
        }
        while known.first().is_some_and(|r| r.end <= base + at) {
            known = &known[1..];
        }
        if let Some(name) = known.first().filter(|r| r.start <= base + at) {
            // Inside a known name: the words around it are no name of someone new. Going on
            // from the name's end rather than its last word's looks at more capitals, never
            // fewer, and so errs on the same side.
            i = (name.end - base).clamp(at + c.len_utf8(), line.len());
            continue;
        }
        let to = words::piece_end(line, at);
        i = to.max(at + c.len_utf8());
        let from = words::piece_start(line, at);
        // Most capitals stand apart from the last, and then it is not asked whether the word is
        // a particle: taken as the last word, a particle is no name word, so no pair starts
        // with it, and the words after it stand apart from the one before it too.
        let together = last.and_then(|(before, before_word)| {
            only_particles(&line[before.1.min(from)..from]).then_some((before, before_word))
        });
        let Some((before, before_word)) = together else {
            last = Some(((from, to), None));
            continue;
        };
        if is_particle(&line[from..to]) {
            continue;
        }
        // Whether a word is a name word is asked only of two that stand together.
        let word = name_word((from, to));
        if word.name && before_word.unwrap_or_else(|| name_word(before)).opens {
            return Some(before.0);
        }
        last = Some(((from, to), Some(word)));
    }
    None
}

/// What [`capitals_together`] asks of a capitalised word: whether it may be part of a name, and
/// whether a name may open with it (as [`patterns::person`] starts one: capitalised, no place's
/// opening).
#[derive(Clone, Copy)]
struct NameWord {
    name: bool,
    opens: bool,
}

/// A particle written apart from the name ("bin", "de", "Al") or a middle initial ("K."): it may
/// stand between the name's words.
fn is_particle(token: &str) -> bool {
    let initial = matches!(token.as_bytes(), [c, b'.'] if c.is_ascii_uppercase());
    initial || token.len() <= 5 && words::is_joiner(words::trim_punctuation(token))
}

/// A line of prose ends with terminal punctuation (before closing quotes or brackets); a
/// heading, a caption or a tag list does not. A line signed after a dash ("“…” ― Rana
/// Khatib"), or a signature on a line of its own, is read as prose: it names who spoke.
fn is_prose(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with('#') {
        return false;
    }
    let terminal = line
        .trim_end_matches(|c: char| {
            matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_') || c.is_whitespace()
        })
        .ends_with(['.', '!', '?', ':', ';', '…']);
    // (The signature looked for only on the lines that end without a stop: few do.)
    terminal
        || last_dash(line).is_some_and(|dash| {
            // (Seven words are enough to tell that there are more than six.)
            let words = line[dash..].split_whitespace().skip(1).take(7);
            let (count, capitalised) = words.fold((0, true), |(n, all), w| {
                (n + 1, all && w.starts_with(char::is_uppercase))
            });
            (1..=6).contains(&count) && capitalised
        })
}

/// Where the last dash of `line` ([`words::is_dash`]) starts. The dashes are E2 80 93 to 95 in
/// UTF-8: a vectorised search for their first byte, as every prose line is asked, instead of
/// decoding the line's characters from its end.
fn last_dash(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    memchr::memrchr_iter(0xE2, bytes)
        .find(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93..=0x95])))
}

/// Where the sentence of `line` that holds byte `at` (a word's first) starts, looked for no
/// further back than `from`, a sentence's start.
fn sentence_start(line: &str, from: usize, at: usize) -> usize {
    let mut before = at;
    while let Some(i) = memchr::memrchr3(b'.', b'!', b'?', &line.as_bytes()[from..before]) {
        let piece = words::piece_start(line, from + i)..words::piece_end(line, from + i);
        if ends_a_sentence(line, &piece) {
            return piece.end;
        }
        before = piece.start.max(from);
    }
    from
}

/// Where the sentence of `line` that holds byte `at` (a word's first) ends: after the first
/// word from `at` on that ends a sentence, else at the line's end.
fn sentence_end(line: &str, mut at: usize) -> usize {
    while let Some(i) = memchr::memchr3(b'.', b'!', b'?', &line.as_bytes()[at..]) {
        let piece = words::piece_start(line, at + i)..words::piece_end(line, at + i);
        if ends_a_sentence(line, &piece) {
            return piece.end;
        }
        at = piece.end;
    }
    line.len()
}

/// Whether the word of `line` at `piece` ends a sentence and no comma follows it: no pattern
/// looks back past such a word as past the line's start (each stops at a phrase's end, and
/// only a comma lets one look at the clause before), nor on past it but for the word after a
/// name (whether it starts a body's name, "… Paul Ryan. The …"), which is read with the
/// sentence (the `words.len()` checks then agree with the line's too, as the phrase after a
/// name stops at the sentence's end).
fn ends_a_sentence(line: &str, piece: &Range<usize>) -> bool {
    let w = words::word(line, 0, piece.start, piece.end);
    w.stop && !w.comma
}

/// Where the piece of `line` after byte `at` (white space or a piece's start) ends: `at` if
/// none follows.
fn next_piece_end(line: &str, at: usize) -> usize {
    let rest = &line[at..];
    let Some((i, c)) = rest.char_indices().find(|&(_, c)| !c.is_whitespace()) else {
        return at;
    };
    if words::is_dash(c) {
        at + i + c.len_utf8()
    } else {
        words::piece_end(line, at + i)
    }
}

#[cfg(test)]
mod tests;
