//! The words of one line as the introduction patterns see them: where each word's letters are,
//! what punctuation closes it, and which class of word it is (part of a name, a role, an
//! organisation's last word, a function word).

use std::sync::LazyLock;

use crate::lexicon::{self, Classes};
use crate::mentions::{bare, ends_sentence, is_role_or_roles, is_role_word};

/// How a word can take part in a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A capitalised word with at least one lower-case letter ("Karim", "Al-Assad", "O’Brien").
    Capital,
    /// A word led by an Arabic particle ("al-Hassan", "ash-Sharaa"): a name word, never the
    /// first.
    Particle,
    /// A particle written apart ("bin", "de", "al"): inside a name only, between name words.
    Joiner,
    /// A middle initial with its full stop ("Mary J. Blige"): inside a name only, and no part of
    /// the surname.
    Initial,
    Other,
}

/// One word of a line.
#[derive(Clone, Debug)]
pub(super) struct Word<'a> {
    /// The letters of the word without the punctuation around it or a possessive.
    pub core: &'a str,
    /// Byte offset of `core` in the text.
    pub start: usize,
    /// Byte offset of the end of the word with its possessive ("Haddad’s"), without the
    /// punctuation after it.
    pub end: usize,
    pub kind: Kind,
    /// Punctuation before the word (an opening quote or bracket): nothing before it belongs to
    /// the same phrase.
    pub opens: bool,
    /// Punctuation after the word (a comma, a quote, a sentence's full stop) ends its phrase.
    pub closes: bool,
    /// The punctuation after the word starts with a comma.
    pub comma: bool,
    /// The word ends its sentence.
    pub stop: bool,
    pub possessive: bool,
    /// An abbreviation's full stop follows the word ("Gen.").
    pub dot: bool,
    /// The piece of the line as written, with its punctuation ("“Haddad’s,"); empty for a dash.
    pub token: &'a str,
    /// Byte offset of `token` in the text.
    pub token_start: usize,
    /// The lexicon's classes of the word, in any case: looked up when first asked, as most
    /// words of a parsed line never are.
    classes: std::cell::Cell<Option<Classes>>,
}

impl Word<'_> {
    /// The end of the core, without a possessive.
    pub fn core_end(&self) -> usize {
        self.start + self.core.len()
    }

    fn classes(&self) -> Classes {
        if let Some(classes) = self.classes.get() {
            return classes;
        }
        let classes = lexicon::classes_any_case(self.core);
        self.classes.set(Some(classes));
        classes
    }

    fn is(&self, list: &[&str]) -> bool {
        list.iter().any(|w| w.eq_ignore_ascii_case(self.core))
    }

    /// A role or occupation ("minister", "Envoy", "businessman", "ex-minister", "heads").
    pub fn is_role(&self) -> bool {
        // The word's own classes answer for the whole word when it is bare already, as all
        // but a few cores are ("U.S.", of "U.S.’s", is not).
        let whole = if bare(self.core).len() == self.core.len() {
            is_role_or_roles(self.core, self.classes())
        } else {
            is_role_word(self.core)
        };
        // (The last hyphen found by a loop in line: a call to search a word's few bytes costs
        // more, and nearly every capitalised word is asked.)
        let hyphen = self.core.bytes().rposition(|b| b == b'-');
        !self.core.is_empty()
            && (whole || hyphen.is_some_and(|i| is_role_word(&self.core[i + 1..])))
    }

    /// A title that is no role and no part of the name ("Dr", "Mr.").
    pub fn is_title(&self) -> bool {
        self.classes().has(Classes::HONORIFIC)
    }

    pub fn is_determiner(&self) -> bool {
        self.classes().has(Classes::DETERMINER)
    }

    /// "of", "to", "for": the words that join a role to what it is a role of.
    pub fn is_connector(&self) -> bool {
        self.is(&CONNECTORS)
    }

    /// A word that may follow a role word in a role phrase ("minister of …", "a businessman
    /// close to …", "a lawyer who …").
    pub fn continues_role(&self) -> bool {
        self.classes().has(Classes::ROLE_CONTINUATION)
    }

    pub fn is_modifier(&self) -> bool {
        self.classes().has(Classes::TITLE_MODIFIER)
    }

    /// Starts with a capital and is no function word, month or day ("Lebanese", "UN", "Syria’s").
    pub fn is_proper(&self) -> bool {
        self.core.starts_with(char::is_uppercase)
            && !self
                .classes()
                .has(Classes::FUNCTION_WORD | Classes::MONTH | Classes::WEEKDAY)
    }

    /// A capitalised function word ("Then", "But"), which no role phrase starts with.
    pub fn is_sentence_word(&self) -> bool {
        self.core.starts_with(char::is_uppercase) && self.classes().has(Classes::FUNCTION_WORD)
    }

    /// Whether the word may be part of a name: a role, title or nationality ends the words
    /// before a name.
    pub fn is_name_word(&self) -> bool {
        match self.kind {
            Kind::Capital => !self.splits_names(),
            Kind::Particle => true,
            Kind::Joiner | Kind::Initial | Kind::Other => false,
        }
    }

    /// A capitalised word that cannot be part of a person's name: a role or title, the last
    /// word of an organisation or place, a nationality, a month or day, a function word.
    pub fn splits_names(&self) -> bool {
        // One look-up answers all but a role's plural ("Envoys"), which `is_role` asks after.
        self.classes().has(
            Classes::HONORIFIC
                | Classes::TITLE_MODIFIER
                | Classes::INSTITUTION
                | Classes::NATIONALITY
                | Classes::MONTH
                | Classes::WEEKDAY
                | Classes::FUNCTION_WORD,
        ) || self.is_role()
    }
}

/// The words of `line`, which starts at byte `base` of the text, into `words`. Whitespace
/// separates words; a dash is a word of its own that closes the phrase before it.
pub(super) fn split<'a>(line: &'a str, base: usize, words: &mut Vec<Word<'a>>) {
    for piece in pieces(line) {
        words.push(match piece {
            Piece::Word(from, to) => word(line, base, from, to),
            Piece::Dash(at) => barrier(base + at, ""),
        });
    }
}

/// A stretch of a line between white space: a word's bytes, or a dash.
enum Piece {
    Word(usize, usize),
    Dash(usize),
}

/// The words and dashes of `line`, by byte offsets. White space separates words; a dash is a
/// piece of its own.
fn pieces(line: &str) -> impl Iterator<Item = Piece> + '_ {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut pending_dash = None;
    std::iter::from_fn(move || {
        if let Some(at) = pending_dash.take() {
            return Some(Piece::Dash(at));
        }
        let mut start = None;
        while i < bytes.len() {
            // Bytes, not chars: most of a line is ASCII words, and only separators need a look.
            let (c, len) = match bytes[i] {
                b'!'..=b'~' => {
                    start.get_or_insert(i);
                    i += 1;
                    continue;
                }
                b if b.is_ascii() => (char::from(b), 1),
                _ => {
                    let c = line[i..].chars().next().unwrap_or(' ');
                    (c, c.len_utf8())
                }
            };
            let at = i;
            i += len;
            let dash = is_dash(c);
            if c.is_whitespace() || dash {
                match (start, dash) {
                    (Some(s), true) => {
                        pending_dash = Some(at);
                        return Some(Piece::Word(s, at));
                    }
                    (Some(s), false) => return Some(Piece::Word(s, at)),
                    (None, true) => return Some(Piece::Dash(at)),
                    (None, false) => {}
                }
            } else if start.is_none() {
                start = Some(at);
            }
        }
        start.map(|s| Piece::Word(s, bytes.len()))
    })
}

/// The dashes that set a phrase apart (a hyphen joins words instead).
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// A particle written apart from the name ("bin", "de", "al").
pub(super) fn is_joiner(core: &str) -> bool {
    // Asked of nearly every short word ("the", "of"): a look through the few short particles,
    // each as a number, costs less than the lexicon's hashing.
    static SHORT: LazyLock<Vec<u32>> = LazyLock::new(|| {
        let particles = lexicon::words_of(Classes::NAME_PARTICLE).chain(SPACED_PARTICLES);
        let mut short: Vec<u32> = particles.filter_map(short).collect();
        short.sort_unstable();
        short
    });
    short(core).is_some_and(|k| SHORT.binary_search(&k).is_ok())
}

/// A word of at most three bytes as a number that no other word shares.
fn short(word: &str) -> Option<u32> {
    (word.len() <= 3).then(|| {
        let bytes = word.bytes().map(u32::from);
        bytes.fold(word.len() as u32, |key, b| key << 8 | b)
    })
}

/// A word that ends every phrase around it (a dash, a lone quote), written as `token`.
fn barrier(at: usize, token: &str) -> Word<'_> {
    Word {
        core: "",
        token,
        token_start: at,
        start: at,
        end: at,
        kind: Kind::Other,
        opens: true,
        closes: true,
        comma: false,
        stop: false,
        possessive: false,
        dot: false,
        classes: std::cell::Cell::new(Some(Classes::NONE)),
    }
}

pub(super) fn word(line: &str, base: usize, from: usize, to: usize) -> Word<'_> {
    let raw = &line[from..to];
    // Most words are bare ASCII letters: nothing to trim, no punctuation after them.
    if raw.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Word {
            core: raw,
            token: raw,
            token_start: base + from,
            start: base + from,
            end: base + to,
            kind: letters_kind(raw),
            opens: false,
            closes: false,
            comma: false,
            stop: false,
            possessive: false,
            dot: false,
            classes: std::cell::Cell::new(None),
        };
    }
    let punctuation = |c: char| !c.is_alphanumeric();
    let lead = raw.len() - raw.trim_start_matches(punctuation).len();
    let trimmed = raw[lead..].trim_end_matches(punctuation);
    if trimmed.is_empty() {
        return barrier(base + from, raw);
    }
    let (core, possessive) = match trimmed
        .strip_suffix("’s")
        .or_else(|| trimmed.strip_suffix("'s"))
    {
        Some(core) if !core.is_empty() => (core, true),
        _ => (trimmed, false),
    };
    let mut trail = &raw[lead + trimmed.len()..];
    let mut end = base + from + lead + trimmed.len();
    // A plural possessive ("the detainees' association"), unless the word is in quotes.
    let mut possessive = possessive;
    if !possessive && lead == 0 && core.ends_with('s') {
        if let Some(rest) = trail.strip_prefix(['\'', '’']) {
            possessive = true;
            end += trail.len() - rest.len();
            trail = rest;
        }
    }
    let stop = ends_sentence(raw);
    let dot = trail == "." && !stop;
    Word {
        core,
        token: raw,
        token_start: base + from,
        start: base + from + lead,
        end,
        kind: if dot && core.len() == 1 && core.starts_with(|c: char| c.is_ascii_uppercase()) {
            Kind::Initial
        } else {
            kind(core)
        },
        opens: lead > 0,
        closes: !trail.is_empty() && !dot,
        comma: trail.starts_with(','),
        stop,
        possessive,
        dot,
        classes: std::cell::Cell::new(None),
    }
}

fn kind(core: &str) -> Kind {
    lower_case_kind(core).unwrap_or_else(|| any_kind(core))
}

/// The kind of a word of ASCII letters only, as most words are, told from its bytes: no
/// hyphen, so no Arabic particle, and a capital with a lower-case letter after it is a name's.
pub(super) fn letters_kind(core: &str) -> Kind {
    let bytes = core.as_bytes();
    if is_joiner(core) {
        Kind::Joiner
    } else if bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.iter().any(u8::is_ascii_lowercase)
    {
        Kind::Capital
    } else {
        Kind::Other
    }
}

/// Most words start with a lower-case ASCII letter: unless hyphenated ("al-Hassan"), such a
/// word is a particle written apart or nothing, told without looking at its other letters.
#[inline]
pub(super) fn lower_case_kind(core: &str) -> Option<Kind> {
    let bytes = core.as_bytes();
    let lower = bytes.first().is_some_and(u8::is_ascii_lowercase);
    // (A loop the compiler keeps in line: a call to search a word of five letters costs more.)
    let unhyphenated = bytes.iter().all(|&b| b != b'-');
    (lower && unhyphenated).then(|| {
        if is_joiner(core) {
            Kind::Joiner
        } else {
            Kind::Other
        }
    })
}

/// The kind of any word, from all its letters.
pub(super) fn any_kind(core: &str) -> Kind {
    if is_joiner(core) {
        return Kind::Joiner;
    }
    let letters = if core.is_ascii() {
        core.bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'\'' || b == b'-')
    } else {
        core.chars()
            .all(|c| c.is_alphabetic() || is_mark(c) || matches!(c, '\'' | '’' | '-' | '‐'))
    };
    if !letters {
        return Kind::Other;
    }
    let has_lower = |s: &str| s.chars().any(char::is_lowercase);
    if core.starts_with(char::is_uppercase) && has_lower(core) {
        return Kind::Capital;
    }
    match core.split_once('-') {
        Some((particle, rest))
            if lexicon::is(particle, Classes::ARABIC_PARTICLE)
                && rest.starts_with(char::is_uppercase)
                && has_lower(rest) =>
        {
            Kind::Particle
        }
        _ => Kind::Other,
    }
}

/// Combining marks of transliterations written decomposed ("Ḥ" as "H" and a dot below).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1DC0}'..='\u{1DFF}')
}

/// Arabic particles written apart from the name, in either case ("Karim al Hassan", "Karim Al
/// Hassan"); the others ("as", "at", "an") are English words when written apart.
pub(super) const SPACED_PARTICLES: [&str; 4] = ["al", "el", "Al", "El"];

const CONNECTORS: [&str; 3] = ["of", "to", "for"];
