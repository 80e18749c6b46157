//! The words of one line as the introduction patterns see them: where each word's letters are,
//! what punctuation closes it, and which class of word it is (part of a name, a role, an
//! organisation's last word, a function word).

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::grammar::{tag_word, Pos};
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

    /// A noun made for people, in lower case and singular, as heads a description of one ("a
    /// fisherman", "the mother of three", "a retired pharmacist"): a role word, else a person
    /// noun of the lexicon or a noun with a person's ending ("driver", "florist", "fisherman")
    /// that is no body's, place's, nation's or firm's ("the committee", "a river", "an oil
    /// producer"), read as a noun by the tagger ("a national poll", "wider", "other" are not).
    pub fn is_person_noun(&self) -> bool {
        self.core.starts_with(|c: char| c.is_ascii_lowercase()) && self.names_people()
    }

    /// The noun of a description of a person ([`Word::is_person_noun`]), or one the lexicon
    /// lists written with a capital: "a prominent New York Democrat".
    pub fn heads_a_description(&self) -> bool {
        self.is_person_noun()
            || self.core.starts_with(char::is_uppercase)
                && self
                    .classes()
                    .has(Classes::ROLE_WORD | Classes::PERSON_NOUN)
    }

    /// A capitalised first word of a sentence that is a noun made for people ("Shopkeeper Ahmed
    /// Assad said"): as [`Word::is_person_noun`], but never a given name ("Carter", "Walker").
    pub fn opens_with_person_noun(&self) -> bool {
        !self.classes().has(Classes::GIVEN_NAME) && self.names_people()
    }

    fn names_people(&self) -> bool {
        let classes = self.classes();
        classes.has(Classes::ROLE_WORD)
            || (classes.has(Classes::PERSON_NOUN)
                || !classes.has(NO_PERSON) && lexicon::has_singular_person_ending(self.core))
                && tag_word(&self.core.to_ascii_lowercase()) == Pos::Noun
    }

    /// A word that may stand between a determiner and its noun ("retired", "Danish", "taxi",
    /// "52-year-old"): no determiner, pronoun, function word, auxiliary or verb of speech, which
    /// would open another phrase or clause.
    pub fn may_modify_a_noun(&self) -> bool {
        !self.core.is_empty()
            && !self.classes().has(
                Classes::DETERMINER
                    | Classes::PRONOUN
                    | Classes::FUNCTION_WORD
                    | Classes::CLAUSE_WORD
                    | Classes::BE
                    | Classes::SPEECH_VERB,
            )
    }

    /// A word that may follow the noun of a description, starting what it says of it: a word
    /// that continues a role ("of", "who", "from") or a verb other than a cue ("arrested",
    /// "serving", "turned"; not "said").
    pub fn follows_a_head(&self) -> bool {
        self.continues_role()
            || self.core.starts_with(|c: char| c.is_ascii_lowercase())
                && !self.classes().has(Classes::CUE_VERB)
                && tag_word(self.core).verb()
    }

    /// An age in apposition ("Lars Jensen, 54, a fisherman"): a number of one to three digits.
    pub fn is_age(&self) -> bool {
        (1..=3).contains(&self.core.len()) && self.core.bytes().all(|b| b.is_ascii_digit())
    }

    /// The first word of a place's name, never of a person's ("South Carolina", "San Diego").
    pub fn opens_place(&self) -> bool {
        self.classes().has(Classes::PLACE_OPENER)
    }

    /// A plural of a party, a nation or a faith ("Republicans", "Americans"): a group, never a
    /// person's surname ("Senate Republicans", "Muslim Americans").
    pub fn is_group_plural(&self) -> bool {
        self.core
            .strip_suffix('s')
            .is_some_and(|one| lexicon::is_any_case(one, Classes::NATIONALITY))
    }

    /// A verb that reports words: "said", "says", "told", "wrote".
    pub fn is_speech_verb(&self) -> bool {
        self.classes().has(Classes::SPEECH_VERB)
    }

    /// A title that is no role and no part of the name ("Dr", "Mr.").
    pub fn is_title(&self) -> bool {
        self.classes().has(Classes::HONORIFIC)
    }

    /// "Jr", "III": what follows a name and is no part of it.
    pub fn is_name_suffix(&self) -> bool {
        self.classes().has(Classes::NAME_SUFFIX)
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

/// The words of one line. White space separates words; a dash is a word of its own that
/// closes the phrase before it. Each word is read when first asked for: the patterns look at
/// the capitalised words and a few around them, and reading a word costs more than finding
/// where it is.
#[derive(Default)]
pub(super) struct Words<'a> {
    line: &'a str,
    /// Byte offset of `line` in the text.
    base: usize,
    pieces: Vec<Piece>,
    words: Vec<OnceCell<Word<'a>>>,
}

impl<'a> Words<'a> {
    /// Makes these the words of `line`, which starts at byte `base` of the text.
    pub fn read(&mut self, line: &'a str, base: usize) {
        self.line = line;
        self.base = base;
        self.pieces.clear();
        pieces(line, &mut self.pieces);
        self.words.clear();
        self.words.resize_with(self.pieces.len(), OnceCell::new);
    }

    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    pub fn get(&self, k: usize) -> Option<&Word<'a>> {
        (k < self.len()).then(|| &self[k])
    }

    /// The words of `range`.
    pub fn iter(&self, range: Range<usize>) -> impl Iterator<Item = &Word<'a>> {
        range.map(|k| &self[k])
    }

    /// Word `k` as written, with its punctuation ("“Haddad’s,"; empty for a dash), and its byte
    /// offset in the text.
    #[cfg(test)]
    pub fn token(&self, k: usize) -> (&'a str, usize) {
        match self.pieces[k] {
            Piece::Word(from, to) => (&self.line[from..to], self.base + from),
            Piece::Dash(at) => ("", self.base + at),
        }
    }

    /// Whether word `k` may be [`Kind::Capital`], told without reading it: not when it starts
    /// with a lower-case ASCII letter or a digit, as most words do.
    pub fn may_be_capital(&self, k: usize) -> bool {
        match self.pieces[k] {
            Piece::Word(from, _) => {
                !matches!(self.line.as_bytes()[from], b'a'..=b'z' | b'0'..=b'9')
            }
            Piece::Dash(_) => false,
        }
    }
}

impl<'a> std::ops::Index<usize> for Words<'a> {
    type Output = Word<'a>;

    fn index(&self, k: usize) -> &Word<'a> {
        self.words[k].get_or_init(|| match self.pieces[k] {
            Piece::Word(from, to) => word(self.line, self.base, from, to),
            Piece::Dash(at) => barrier(self.base + at),
        })
    }
}

/// A stretch of a line between white space: a word's bytes, or a dash.
#[derive(Clone, Copy)]
enum Piece {
    Word(usize, usize),
    Dash(usize),
}

/// The words and dashes of `line`, by byte offsets, into `pieces`. White space separates
/// words; a dash is a piece of its own.
fn pieces(line: &str, pieces: &mut Vec<Piece>) {
    let bytes = line.as_bytes();
    let mut start = None;
    // The first byte not read yet.
    let mut i = 0;
    // Bytes, not chars: only white space, control bytes and non-ASCII characters need a look,
    // and the bytes between them are words'.
    for at in crate::text::all_in(bytes, 1..=b' ', true) {
        // (The rest of a character read already.)
        if at < i {
            continue;
        }
        if at > i {
            start.get_or_insert(i);
        }
        let c = crate::text::char_at(line, at).unwrap_or(' ');
        let dash = is_dash(c);
        if dash || c.is_whitespace() {
            if let Some(s) = start.take() {
                pieces.push(Piece::Word(s, at));
            }
            if dash {
                pieces.push(Piece::Dash(at));
            }
        } else {
            start.get_or_insert(at);
        }
        i = at + c.len_utf8();
    }
    if i < bytes.len() {
        start.get_or_insert(i);
    }
    if let Some(s) = start {
        pieces.push(Piece::Word(s, bytes.len()));
    }
}

/// Whether `c` separates the pieces of a line: white space or a dash.
pub(super) fn separates(c: char) -> bool {
    c.is_whitespace() || is_dash(c)
}

/// Whether an ASCII byte is white space as `char::is_whitespace` has it (no ASCII byte is a
/// dash).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Where the piece of `line` that holds byte `at` (a character's first) ends, as [`pieces`]
/// cuts the line: read byte by byte where the line is ASCII.
pub(super) fn piece_end(line: &str, mut at: usize) -> usize {
    let bytes = line.as_bytes();
    while let Some(&b) = bytes.get(at) {
        let len = if b.is_ascii() {
            if is_ascii_space(b) {
                break;
            }
            1
        } else {
            match line[at..].chars().next() {
                Some(c) if !separates(c) => c.len_utf8(),
                _ => break,
            }
        };
        at += len;
    }
    at
}

/// Where the piece of `line` that holds byte `at` (a character's first) starts, as
/// [`piece_end`] reads it.
pub(super) fn piece_start(line: &str, mut at: usize) -> usize {
    let bytes = line.as_bytes();
    while at > 0 {
        let b = bytes[at - 1];
        let len = if b.is_ascii() {
            if is_ascii_space(b) {
                break;
            }
            1
        } else {
            match line[..at].chars().next_back() {
                Some(c) if !separates(c) => c.len_utf8(),
                _ => break,
            }
        };
        at -= len;
    }
    at
}

/// The dashes that set a phrase apart (a hyphen joins words instead).
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// A particle written apart from the name ("bin", "de", "al").
pub(super) fn is_joiner(core: &str) -> bool {
    // Asked of nearly every short word ("the", "of"): a look through the few short particles,
    // each as a number, costs less than the lexicon's hashing, and a filter of 256 bits, one
    // set for each particle, turns nearly every other word away before the search.
    static SHORT: LazyLock<(Vec<u32>, [u64; 4])> = LazyLock::new(|| {
        let particles = lexicon::words_of(Classes::NAME_PARTICLE).chain(SPACED_PARTICLES);
        let mut short: Vec<u32> = particles.filter_map(short).collect();
        short.sort_unstable();
        let mut filter = [0; 4];
        for &k in &short {
            let bit = filter_bit(k);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        (short, filter)
    });
    let (short_words, filter) = &*SHORT;
    short(core).is_some_and(|k| {
        let bit = filter_bit(k);
        filter[bit / 64] & (1 << (bit % 64)) != 0 && short_words.binary_search(&k).is_ok()
    })
}

/// The bit of [`is_joiner`]'s filter for a short word's number.
fn filter_bit(k: u32) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 24) as usize
}

/// A word of at most three bytes as a number that no other word shares.
fn short(word: &str) -> Option<u32> {
    (word.len() <= 3).then(|| {
        let bytes = word.bytes().map(u32::from);
        bytes.fold(word.len() as u32, |key, b| key << 8 | b)
    })
}

/// `s` without the characters other than letters and digits at either end, as
/// `str::trim_matches` has it.
pub(super) fn trim_punctuation(s: &str) -> &str {
    &s[letters(s)]
}

/// Where `s` is without the characters other than letters and digits at either end (empty at
/// its end when it has none), read byte by byte where they are ASCII, as nearly all are.
fn letters(s: &str) -> Range<usize> {
    let punctuation = |c: char| !c.is_alphanumeric();
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(&b) = bytes.get(from) {
        if !b.is_ascii() {
            from = s.len() - s[from..].trim_start_matches(punctuation).len();
            break;
        }
        if b.is_ascii_alphanumeric() {
            break;
        }
        from += 1;
    }
    let mut to = bytes.len();
    while to > from {
        let b = bytes[to - 1];
        if !b.is_ascii() {
            to = from + s[from..to].trim_end_matches(punctuation).len();
            break;
        }
        if b.is_ascii_alphanumeric() {
            break;
        }
        to -= 1;
    }
    from..to
}

/// A word that ends every phrase around it (a dash, a lone quote).
fn barrier<'a>(at: usize) -> Word<'a> {
    Word {
        core: "",
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
    if let Some(kind) = letters_kind(raw) {
        return Word {
            core: raw,
            start: base + from,
            end: base + to,
            kind,
            opens: false,
            closes: false,
            comma: false,
            stop: false,
            possessive: false,
            dot: false,
            classes: std::cell::Cell::new(None),
        };
    }
    let letters = letters(raw);
    if letters.is_empty() {
        return barrier(base + from);
    }
    let lead = letters.start;
    let trimmed = &raw[letters];
    let (core, possessive) = match trimmed
        .strip_suffix("’s")
        .or_else(|| trimmed.strip_suffix("'s"))
    {
        Some(core) if !core.is_empty() => (core, true),
        _ => (trimmed, false),
    };
    let mut trail = &raw[lead + trimmed.len()..];
    // Only a full stop, or a question or exclamation mark, ends a sentence: most punctuation
    // after a word is a comma or a quote.
    let stop = trail.bytes().any(|b| matches!(b, b'.' | b'!' | b'?')) && ends_sentence(raw);
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
    let dot = trail == "." && !stop;
    Word {
        core,
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

/// The kind of a word of ASCII letters only, as most words are, told from its bytes eight at a
/// time; none for any other word. No hyphen, so no Arabic particle, and a capital with a
/// lower-case letter after it is a name's.
pub(super) fn letters_kind(core: &str) -> Option<Kind> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let bytes = core.as_bytes();
    let n = bytes.len();
    // Every byte, in eights that overlap where the word is no multiple of eight (a byte read
    // twice is told twice the same): the first, middle and last of three or fewer bytes.
    let eight = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let four = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    let (mut letters, mut case) = (u64::MAX, 0);
    let mut tell = |x: u64| {
        // Each byte's high bit where it is a letter, in lower case once its bit 0x20 is set
        // (no other byte is then one), computed on seven bits so that no byte carries into
        // the next.
        let folded = (x | (ONES * 0x20)) & (ONES * 0x7F);
        let from_a = folded + ONES * (0x80 - u64::from(b'a'));
        let past_z = folded + ONES * (0x7F - u64::from(b'z'));
        letters &= from_a & !past_z & !x;
        case |= x;
    };
    match n {
        0 => {}
        1..=3 => {
            let (a, b, c) = (bytes[0], bytes[n / 2], bytes[n - 1]);
            tell(u64::from_le_bytes([a, b, c, a, b, c, a, b]));
        }
        4..=7 => tell(four(0) | four(n - 4) << 32),
        _ => {
            let mut at = 0;
            while at + 8 < n {
                tell(eight(at));
                at += 8;
            }
            tell(eight(n - 8));
        }
    }
    if letters & (ONES * 0x80) != ONES * 0x80 {
        return None;
    }
    let lower = case & (ONES * 0x20) != 0;
    Some(if is_joiner(core) {
        Kind::Joiner
    } else if lower && bytes.first().is_some_and(u8::is_ascii_uppercase) {
        Kind::Capital
    } else {
        Kind::Other
    })
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

/// Nouns that end like a person's and name something else: a firm, a nation, a body, a place, a
/// document.
const NO_PERSON: Classes = Classes::FIRM_NOUN
    .union(Classes::NATIONALITY)
    .union(Classes::INSTITUTION)
    .union(Classes::PLACE_NOUN)
    .union(Classes::POLITY_NOUN)
    .union(Classes::DATA_NOUN)
    .union(Classes::REPORT_NOUN)
    .union(Classes::FIGURE_NOUN)
    .union(Classes::LEVEL_NOUN);
